/**
 * A local fake of the Cloud Run Admin API v2 as the official SDK (`@google-cloud/run` with
 * `fallback: true`) speaks it over REST: services (create, get, update), revisions (get, list) and
 * long-running operations (get). There is no Cloud Run emulator; this is the documented stand-in.
 *
 * What it models, and from where:
 * - Every request body it receives and every response it sends is checked against the message
 *   definitions in the protos shipped inside `@google-cloud/run` (see proto-json-check.ts). A bad
 *   request gets the API's 400 INVALID_ARGUMENT ("Invalid JSON payload received. Unknown name ...");
 *   a bad response is a bug in the fake: it answers 500 and records it in `schemaProblems`, and
 *   `assertClean()` fails the test.
 * - Generations: each create/update bumps `generation`; `observedGeneration` catches up and
 *   `reconciling` goes false when the rollout of that generation ends. A new revision is created
 *   when the template differs from the latest created revision's (or names a new revision);
 *   unnamed ones are called `<service>-<generation, 5 digits>-<3 letters>` as Cloud Run names them.
 * - Rollouts are poll-driven, not timed: each GetOperation, GetService or GetRevision touching the
 *   service advances its pending rollout one step, so tests never sleep. A revision becomes Ready
 *   after `steps` (default 2), fails with condition messages like Cloud Run's, or hangs for ever
 *   (`planRevisions`). The operation's metadata is the Service; its response the Service, or a
 *   google.rpc.Status error when the revision failed.
 * - Traffic: targets of type LATEST or REVISION with percents that must add up to 100, unique tags,
 *   revisions that must exist (400 otherwise). Routing changes only when a rollout succeeds; a failed
 *   revision leaves `trafficStatuses` (what serves) as it was, as Knative does. LATEST statuses carry
 *   no revision name (clients resolve it through `latestReadyRevision`); tags get their own URL
 *   `https://<tag>---<service>-<project number>.<region>.run.app`.
 * - Faults: 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 503 UNAVAILABLE (`injectFault`), 403
 *   PERMISSION_DENIED naming the IAM permission (`denyPermission`), and a concurrent deploy by
 *   someone else (`externalUpdate`).
 * Not modelled: IAM policies, jobs, worker pools, deletes, real containers or URLs that answer.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkProtoJson, withoutProto3Defaults } from '@ml-deploy/gcp';
import { LOOPBACK } from './free-port';

export const FAKE_PROJECT_NUMBER = '123456789012';

export type RevisionPlan =
  /**
   * `routeAfterSteps` (traffic-only changes): the new routing serves after that many steps while the
   * operation still runs until `steps`, as Cloud Run's routes move before its operation reports done.
   */
  | { outcome: 'ready'; steps?: number; routeAfterSteps?: number }
  | { outcome: 'fail'; steps?: number; message?: string; reason?: string }
  | { outcome: 'hang' };

export type FaultKind = 'throttle' | 'internal' | 'unavailable';
export type Method = 'CreateService' | 'GetService' | 'UpdateService' | 'GetRevision' | 'ListRevisions' | 'GetOperation';

export interface FakeCall {
  method: Method | 'unknown';
  path: string;
  status: number;
  /** When the request arrived (ms since the epoch). */
  at: number;
  fault?: FaultKind | 'permission-denied';
  /** The request body as received (CreateService, UpdateService), before the fake normalises it. */
  body?: Json;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Rollout {
  generation: number;
  operation: string;
  revision: string | undefined; // the revision this generation created, if any
  plan: RevisionPlan;
  stepsTaken: number;
  done: boolean;
}

interface ServiceState {
  spec: Json; // what the user asked for (proto3 JSON, camelCase, enums as names)
  generation: number;
  observedGeneration: number;
  createTime: string;
  updateTime: string;
  uid: string;
  latestCreatedRevision?: string;
  latestReadyRevision?: string;
  trafficStatuses: Json[];
  terminalCondition: Json;
  conditions: Json[];
  rollout?: Rollout;
  etag: string;
}

interface RevisionState {
  name: string; // short name
  service: string; // short service name
  body: Json;
  state: 'pending' | 'ready' | 'failed';
  message?: string;
  reason?: string;
  createTime: string;
  generation: number;
}

export interface CloudRunFake {
  /** `http://127.0.0.1:PORT`: the `endpoint` input, or `apiEndpoint`/`port`/`protocol` of the SDK. */
  readonly url: string;
  readonly port: number;
  readonly calls: FakeCall[];
  /** Authorization headers received on API calls (with `tls`). */
  readonly authorizations: string[];
  /** Subject tokens exchanged at `/v1/token` (with `tls`). */
  readonly subjectTokens: string[];
  /** Schema problems in bodies the fake received (requests) or built (responses). */
  readonly schemaProblems: Array<{ direction: 'request' | 'response'; method: string; problems: string[] }>;
  /** The next revisions of `service` (short name) follow these plans in order; others get ready in 2 steps. */
  planRevisions(service: string, ...plans: RevisionPlan[]): void;
  /**
   * The next traffic-only changes of `service` (no new revision) follow these plans; others route
   * in 1 step. 'fail' ends the operation with an error and leaves routing as it was; 'hang' never ends.
   */
  planRouting(service: string, ...plans: RevisionPlan[]): void;
  injectFault(fault: { method?: Method | '*'; kind: FaultKind; count?: number }): void;
  /** Answers `method` with 403 PERMISSION_DENIED naming `permission` until reset. */
  denyPermission(method: Method, permission?: string): void;
  /** Someone else deploys `service`: its template is changed by `mutate` as a new generation. */
  externalUpdate(project: string, region: string, service: string, mutate: (template: Json) => void): void;
  /** The service as GetService would return it (without advancing anything), or undefined. */
  peekService(project: string, region: string, service: string): Json | undefined;
  /** Creates a service whose first revision is already Ready and serving 100 %. */
  seedService(project: string, region: string, service: string, spec?: Json): Json;
  countCalls(method: Method): number;
  /** Throws when a request or response broke the schema (call in afterEach). */
  assertClean(): void;
  reset(): void;
  stop(): Promise<void>;
}

const PERMISSIONS: Record<Method, string> = {
  CreateService: 'run.services.create',
  GetService: 'run.services.get',
  UpdateService: 'run.services.update',
  GetRevision: 'run.revisions.get',
  ListRevisions: 'run.revisions.list',
  GetOperation: 'run.operations.get',
};

const ENUM_FIELDS: Record<string, Record<number, string>> = {
  type: { 0: 'TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED', 1: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', 2: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION' },
  executionEnvironment: { 0: 'EXECUTION_ENVIRONMENT_UNSPECIFIED', 1: 'EXECUTION_ENVIRONMENT_GEN1', 2: 'EXECUTION_ENVIRONMENT_GEN2' },
  ingress: {
    0: 'INGRESS_TRAFFIC_UNSPECIFIED',
    1: 'INGRESS_TRAFFIC_ALL',
    2: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    3: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    4: 'INGRESS_TRAFFIC_NONE',
  },
};

const DEFAULT_FAILURE =
  "The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable within the allocated timeout. This can happen when the container port is misconfigured or if the timeout is too short. The health check timeout can be extended. Logs for this revision might contain more information.";

class ApiError extends Error {
  constructor(
    readonly http: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const GRPC_CODES: Record<string, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
};

export interface CloudRunFakeOptions {
  port?: number;
  /**
   * Serve HTTPS with this key and certificate (PEM), for tests of the credentialed path: the
   * action sends credentials only over https. With it the fake also answers `POST /v1/token` like
   * Google's STS token exchange (any subject token gets `stsAccessToken`), so Application Default
   * Credentials of type external_account (what google-github-actions/auth writes) can point their
   * `token_url` here, and records every Authorization header in `authorizations`.
   */
  tls?: { key: string; cert: string };
  stsAccessToken?: string;
}

export async function startCloudRunFake(opts: CloudRunFakeOptions = {}): Promise<CloudRunFake> {
  const services = new Map<string, ServiceState>(); // key: projects/p/locations/r/services/s
  const revisions = new Map<string, RevisionState>(); // key: full revision name
  const operations = new Map<string, { service: string; generation: number }>();
  const plans = new Map<string, RevisionPlan[]>();
  const routingPlans = new Map<string, RevisionPlan[]>();
  let faults: Array<{ method: Method | '*'; kind: FaultKind; count: number }> = [];
  const denied = new Map<Method, string>();
  const calls: FakeCall[] = [];
  const authorizations: string[] = [];
  const subjectTokens: string[] = [];
  const schemaProblems: CloudRunFake['schemaProblems'] = [];
  let port = 0;

  const now = () => new Date().toISOString();
  const letters = () => Array.from({ length: 3 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
  const parts = (name: string) => {
    const m = /^projects\/([^/]+)\/locations\/([^/]+)\/services\/([^/]+)$/.exec(name);
    return m ? { project: m[1]!, region: m[2]!, service: m[3]! } : undefined;
  };
  const serviceUri = (svc: string, region: string, tag?: string) =>
    `https://${tag ? `${tag}---` : ''}${svc}-${FAKE_PROJECT_NUMBER}.${region}.run.app`;

  function condition(type: string, state: string, message = '', extra: Json = {}): Json {
    return { type, state, ...(message ? { message } : {}), lastTransitionTime: now(), ...extra };
  }

  /** proto3 JSON with enum numbers turned into names, so the fake stores one spelling. */
  function normaliseEnums(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(normaliseEnums);
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = typeof v === 'number' && ENUM_FIELDS[k] ? (ENUM_FIELDS[k]![v] ?? v) : normaliseEnums(v);
      }
      return out;
    }
    return value;
  }

  /**
   * A request body as the API stores it: enums by name, and without what proto3 cannot tell from
   * unset (`timeoutSeconds: 0`, `name: ''`, `cpuIdle: false`), which the server's proto parsing
   * loses too. So a template sent with its defaults spelled out is the same template, as on Cloud Run.
   */
  function storedForm(body: Json | undefined): Json {
    return withoutProto3Defaults('google.cloud.run.v2.Service', normaliseEnums(body ?? {})) as Json;
  }

  function checkTraffic(name: string, svcShort: string, traffic: Json[]): void {
    if (!traffic.length) return;
    let sum = 0;
    const tags = new Set<string>();
    for (const [i, t] of traffic.entries()) {
      const type = t.type ?? 'TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED';
      const percent = t.percent ?? 0;
      if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
        throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic[${i}].percent: must be between 0 and 100`);
      }
      sum += percent;
      if (type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' && t.revision) {
        throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic[${i}]: revision must not be set when type is LATEST`);
      }
      if (type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION') {
        if (!t.revision) throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic[${i}].revision: must be set when type is REVISION`);
        const full = `${name}/revisions/${t.revision}`;
        if (!revisions.has(full) && !(t.revision as string).startsWith(`${svcShort}-`)) {
          throw new ApiError(400, 'INVALID_ARGUMENT', `Revision named '${t.revision}' with traffic percent ${percent} is not found.`);
        }
      }
      if (type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED') {
        throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic[${i}].type: must be LATEST or REVISION`);
      }
      if (t.tag) {
        if (tags.has(t.tag)) throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic: tag '${t.tag}' is used more than once`);
        if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(t.tag) || t.tag.length + svcShort.length > 46) {
          throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic[${i}].tag: '${t.tag}' is not a valid tag (lowercase letters, digits and dashes; tag and service name together at most 46 characters)`);
        }
        tags.add(t.tag);
      }
    }
    if (sum !== 100) {
      throw new ApiError(400, 'INVALID_ARGUMENT', `spec.traffic: The traffic percentages add up to ${sum}, but must add up to 100.`);
    }
  }

  function checkTemplate(template: Json | undefined): void {
    if (!template) throw new ApiError(400, 'INVALID_ARGUMENT', 'service.template: field is required');
    const containers = template.containers ?? [];
    if (!containers.length) throw new ApiError(400, 'INVALID_ARGUMENT', 'service.template.containers: at least one container is required');
    for (const [i, c] of containers.entries()) {
      if (!c.image) throw new ApiError(400, 'INVALID_ARGUMENT', `service.template.containers[${i}].image: field is required`);
      for (const e of c.env ?? []) {
        if (['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION'].includes(e.name)) {
          throw new ApiError(400, 'INVALID_ARGUMENT', `service.template.containers[${i}].env: The following reserved env names were provided: ${e.name}. These values are automatically set by the system.`);
        }
      }
    }
    checkGpu(template);
  }

  /**
   * Cloud Run's GPU rules (its GPU docs; there is no emulator to ask): one GPU, on one container, with
   * an accelerator in nodeSelector, CPU always allocated (instance-based billing), at least 4 CPU and
   * 16 GiB for an nvidia-l4 (20 CPU and 80 GiB for an nvidia-rtx-pro-6000), not gen1. Written out
   * here, apart from packages/gcp's checks, so the fake does not agree with them by construction.
   */
  function checkGpu(template: Json): void {
    const withGpu = (template.containers as Json[]).map((c, i) => [c, i] as const).filter(([c]) => c.resources?.limits?.['nvidia.com/gpu'] !== undefined);
    if (!withGpu.length) {
      if (template.nodeSelector?.accelerator) throw new ApiError(400, 'INVALID_ARGUMENT', 'spec.template.nodeSelector.accelerator: an accelerator needs a container with an nvidia.com/gpu limit');
      return;
    }
    if (withGpu.length > 1) throw new ApiError(400, 'INVALID_ARGUMENT', 'spec.template.containers: a GPU can be attached to one container only');
    const [c, i] = withGpu[0]!;
    const at = `spec.template.containers[${i}].resources`;
    const limits = c.resources.limits as Record<string, string>;
    if (limits['nvidia.com/gpu'] !== '1') throw new ApiError(400, 'INVALID_ARGUMENT', `${at}.limits['nvidia.com/gpu']: the only supported value is '1'`);
    const accelerator = template.nodeSelector?.accelerator as string | undefined;
    if (!accelerator) throw new ApiError(400, 'INVALID_ARGUMENT', 'spec.template.nodeSelector.accelerator: must be set when a GPU is requested');
    const minimum: Record<string, [number, number]> = { 'nvidia-l4': [4, 16], 'nvidia-rtx-pro-6000': [20, 80] };
    const need = minimum[accelerator];
    if (!need) throw new ApiError(400, 'INVALID_ARGUMENT', `spec.template.nodeSelector.accelerator: '${accelerator}' is not a supported GPU type (${Object.keys(minimum).join(', ')})`);
    const cpuText = limits.cpu ?? '1';
    const cores = cpuText.endsWith('m') ? Number(cpuText.slice(0, -1)) / 1000 : Number(cpuText);
    const memText = limits.memory ?? '512Mi';
    const mm = /^(\d+)(Mi|Gi)$/.exec(memText);
    const gib = mm ? Number(mm[1]) / (mm[2] === 'Mi' ? 1024 : 1) : 0;
    if (!(cores >= need[0]) || gib < need[1]) {
      throw new ApiError(400, 'INVALID_ARGUMENT', `${at}.limits: ${accelerator} requires at least ${need[0]} CPU and ${need[1]}Gi of memory (got cpu ${cpuText}, memory ${memText})`);
    }
    if (c.resources.cpuIdle === true) throw new ApiError(400, 'INVALID_ARGUMENT', `${at}.cpuIdle: GPU requires CPU to be always allocated (instance-based billing)`);
    if (template.executionEnvironment === 'EXECUTION_ENVIRONMENT_GEN1') throw new ApiError(400, 'INVALID_ARGUMENT', 'spec.template.executionEnvironment: GPU is not supported in the first generation execution environment');
  }

  /** Starts a new generation of `name`: maybe a new revision, and a rollout whose operation it returns. */
  function newGeneration(name: string, st: ServiceState, templateChanged: boolean): string {
    const { service: svc } = parts(name)!;
    st.generation += 1;
    st.updateTime = now();
    st.etag = `"${st.generation}-${randomUUID().slice(0, 8)}"`;
    let revision: string | undefined;
    let plan: RevisionPlan = (!templateChanged && routingPlans.get(svc)?.shift()) || { outcome: 'ready', steps: 1 };
    if (templateChanged) {
      revision = (st.spec.template.revision as string | undefined) || `${svc}-${String(st.generation).padStart(5, '0')}-${letters()}`;
      if (revisions.has(`${name}/revisions/${revision}`)) {
        st.generation -= 1;
        throw new ApiError(409, 'ALREADY_EXISTS', `Revision named '${revision}' already exists. Revision names must be unique.`);
      }
      const queue = plans.get(svc) ?? [];
      plan = queue.shift() ?? { outcome: 'ready', steps: 2 };
      const t = st.spec.template;
      const body: Json = {
        ...(t.labels ? { labels: t.labels } : {}),
        ...(t.annotations ? { annotations: t.annotations } : {}),
        ...(t.scaling ? { scaling: t.scaling } : {}),
        ...(t.timeout ? { timeout: t.timeout } : {}),
        ...(t.serviceAccount ? { serviceAccount: t.serviceAccount } : {}),
        containers: t.containers,
        ...(t.volumes ? { volumes: t.volumes } : {}),
        ...(t.executionEnvironment ? { executionEnvironment: t.executionEnvironment } : {}),
        ...(t.maxInstanceRequestConcurrency !== undefined ? { maxInstanceRequestConcurrency: t.maxInstanceRequestConcurrency } : {}),
        ...(t.nodeSelector ? { nodeSelector: t.nodeSelector } : {}),
        ...(t.gpuZonalRedundancyDisabled !== undefined ? { gpuZonalRedundancyDisabled: t.gpuZonalRedundancyDisabled } : {}),
      };
      revisions.set(`${name}/revisions/${revision}`, { name: revision!, service: svc, body, state: 'pending', createTime: now(), generation: st.generation });
      st.latestCreatedRevision = revision;
    }
    if (st.rollout && !st.rollout.done) {
      // The newer generation takes over; the older operation ends with the state the newer one reaches.
      st.rollout.done = true;
    }
    const operation = `projects/${parts(name)!.project}/locations/${parts(name)!.region}/operations/${randomUUID()}`;
    operations.set(operation, { service: name, generation: st.generation });
    st.rollout = { generation: st.generation, operation, revision, plan, stepsTaken: 0, done: false };
    st.terminalCondition = condition('Ready', 'CONDITION_RECONCILING', '', {});
    st.conditions = [
      condition('ConfigurationsReady', templateChanged ? 'CONDITION_PENDING' : 'CONDITION_SUCCEEDED', templateChanged ? `Creating Revision ${revision}.` : ''),
      condition('RoutesReady', 'CONDITION_PENDING', 'Waiting for route to be ready.'),
    ];
    return operation;
  }

  /** One step of the service's pending rollout (called by every read that observes it). */
  function advance(name: string): void {
    const st = services.get(name);
    const r = st?.rollout;
    if (!st || !r || r.done) return;
    if (r.plan.outcome === 'hang') return;
    r.stepsTaken += 1;
    const steps = r.plan.steps ?? 2;
    if (r.stepsTaken < steps) {
      if (!r.revision && r.plan.outcome === 'ready' && r.plan.routeAfterSteps !== undefined && r.stepsTaken >= r.plan.routeAfterSteps) route(name, st);
      if (r.revision) {
        st.conditions = [condition('ConfigurationsReady', 'CONDITION_RECONCILING', `Revision ${r.revision} is starting: ${r.stepsTaken}/${steps}.`), st.conditions[1]!];
      }
      return;
    }
    r.done = true;
    st.observedGeneration = r.generation;
    const rev = r.revision ? revisions.get(`${name}/revisions/${r.revision}`) : undefined;
    if (rev && r.plan.outcome === 'fail') {
      rev.state = 'failed';
      rev.message = r.plan.message ?? DEFAULT_FAILURE;
      rev.reason = r.plan.reason ?? 'HEALTH_CHECK_CONTAINER_ERROR';
      const msg = `Revision '${rev.name}' is not ready and cannot serve traffic. ${rev.message}`;
      st.terminalCondition = condition('Ready', 'CONDITION_FAILED', msg, { severity: 'ERROR' });
      st.conditions = [condition('ConfigurationsReady', 'CONDITION_FAILED', msg, { severity: 'ERROR' }), condition('RoutesReady', 'CONDITION_SUCCEEDED')];
      // Routing does not change: what served before serves on.
      return;
    }
    if (!rev && r.plan.outcome === 'fail') {
      const msg = r.plan.message ?? 'Traffic routing could not be completed: an internal error occurred while programming the route. Retry the operation.';
      st.terminalCondition = condition('Ready', 'CONDITION_FAILED', msg, { severity: 'ERROR' });
      st.conditions = [condition('ConfigurationsReady', 'CONDITION_SUCCEEDED'), condition('RoutesReady', 'CONDITION_FAILED', msg, { severity: 'ERROR' })];
      return;
    }
    if (rev) {
      rev.state = 'ready';
      st.latestReadyRevision = rev.name;
    }
    if (st.latestCreatedRevision && revisions.get(`${name}/revisions/${st.latestCreatedRevision}`)?.state === 'failed') {
      // A traffic-only change while the latest revision is failed: routes move, the service stays not Ready.
      route(name, st);
      const msg = `Revision '${st.latestCreatedRevision}' is not ready and cannot serve traffic.`;
      st.terminalCondition = condition('Ready', 'CONDITION_FAILED', msg, { severity: 'ERROR' });
      st.conditions = [condition('ConfigurationsReady', 'CONDITION_FAILED', msg, { severity: 'ERROR' }), condition('RoutesReady', 'CONDITION_SUCCEEDED')];
      return;
    }
    route(name, st);
    st.terminalCondition = condition('Ready', 'CONDITION_SUCCEEDED');
    st.conditions = [condition('ConfigurationsReady', 'CONDITION_SUCCEEDED'), condition('RoutesReady', 'CONDITION_SUCCEEDED')];
  }

  function route(name: string, st: ServiceState): void {
    const { service: svc, region } = parts(name)!;
    const traffic: Json[] = st.spec.traffic?.length ? st.spec.traffic : [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }];
    st.trafficStatuses = traffic.map((t) => ({
      type: t.type,
      ...(t.type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION' ? { revision: t.revision } : {}),
      ...(t.percent ? { percent: t.percent } : {}),
      ...(t.tag ? { tag: t.tag, uri: serviceUri(svc, region, t.tag) } : {}),
    }));
  }

  function serviceJson(name: string): Json {
    const st = services.get(name)!;
    const { service: svc, region } = parts(name)!;
    return {
      ...st.spec,
      name,
      uid: st.uid,
      generation: String(st.generation),
      createTime: st.createTime,
      updateTime: st.updateTime,
      creator: 'deployer@example.iam.gserviceaccount.com',
      lastModifier: 'deployer@example.iam.gserviceaccount.com',
      ...(st.spec.traffic?.length ? {} : { traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }] }),
      observedGeneration: String(st.observedGeneration),
      terminalCondition: st.terminalCondition,
      conditions: st.conditions,
      ...(st.latestReadyRevision ? { latestReadyRevision: `${name}/revisions/${st.latestReadyRevision}` } : {}),
      ...(st.latestCreatedRevision ? { latestCreatedRevision: `${name}/revisions/${st.latestCreatedRevision}` } : {}),
      trafficStatuses: st.trafficStatuses,
      uri: serviceUri(svc, region),
      urls: [serviceUri(svc, region)],
      reconciling: !!st.rollout && !st.rollout.done,
      etag: st.etag,
    };
  }

  function revisionJson(full: string): Json {
    const r = revisions.get(full)!;
    const serviceName = full.replace(/\/revisions\/[^/]+$/, '');
    const { project, region } = parts(serviceName)!;
    const ready =
      r.state === 'ready'
        ? condition('Ready', 'CONDITION_SUCCEEDED')
        : r.state === 'failed'
          ? condition('Ready', 'CONDITION_FAILED', r.message, { severity: 'ERROR', revisionReason: r.reason ?? 'HEALTH_CHECK_CONTAINER_ERROR' })
          : condition('Ready', 'CONDITION_RECONCILING', 'Deploying revision.', { revisionReason: 'PENDING' });
    return {
      name: full,
      uid: randomUUID(),
      generation: '1',
      ...r.body,
      createTime: r.createTime,
      updateTime: r.createTime,
      service: serviceName,
      conditions: [
        ready,
        condition('ContainerHealthy', r.state === 'ready' ? 'CONDITION_SUCCEEDED' : r.state === 'failed' ? 'CONDITION_FAILED' : 'CONDITION_PENDING', r.state === 'failed' ? r.message : ''),
        condition('ResourcesAvailable', r.state === 'pending' ? 'CONDITION_RECONCILING' : 'CONDITION_SUCCEEDED'),
      ],
      observedGeneration: '1',
      logUri: `https://console.cloud.google.com/logs/viewer?project=${project}&resource=cloud_run_revision/service_name/${r.service}/revision_name/${r.name}&location=${region}`,
      reconciling: r.state === 'pending',
      etag: `"${r.generation}"`,
    };
  }

  function operationJson(opName: string): Json {
    const op = operations.get(opName)!;
    const st = services.get(op.service)!;
    const r = st.rollout;
    const done = !r || r.generation !== op.generation || r.done;
    const service = { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', ...serviceJson(op.service) };
    const out: Json = { name: opName, metadata: service, done };
    if (!done) return out;
    if (st.terminalCondition.state === 'CONDITION_FAILED' && st.observedGeneration === op.generation) {
      out.error = { code: GRPC_CODES.FAILED_PRECONDITION, message: st.terminalCondition.message };
    } else {
      out.response = service;
    }
    return out;
  }

  function respond(res: ServerResponse, call: FakeCall, method: string, status: number, body: Json, responseType?: string): void {
    if (responseType) {
      const problems = checkProtoJson(responseType, body);
      if (problems.length) {
        schemaProblems.push({ direction: 'response', method, problems });
        status = 500;
        body = { error: { code: 500, status: 'INTERNAL', message: `cloud-run-fake built an invalid ${responseType}: ${problems.join('; ')}` } };
      }
    }
    call.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<Json | undefined> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new ApiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
  }

  function checkRequest(method: string, body: Json | undefined): void {
    if (!body) return;
    const problems = checkProtoJson('google.cloud.run.v2.Service', body);
    if (problems.length) {
      schemaProblems.push({ direction: 'request', method, problems });
      throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. ${problems.join('; ')}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    if (opts.tls && req.method === 'POST' && url.pathname === '/v1/token') {
      // Google STS token exchange, as google-auth-library's external_account client calls it.
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      subjectTokens.push(form.get('subject_token') ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: opts.stsAccessToken ?? 'ya29.fake-sts-token', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    const path = decodeURIComponent(url.pathname).replace(/^\/v2\//, '');
    const verb = req.method ?? 'GET';
    const call: FakeCall = { method: 'unknown', path, status: 0, at: Date.now() };
    calls.push(call);
    let m: RegExpExecArray | null;
    type Route = { method: Method; run: () => Promise<[number, Json, string]> };
    let routeTo: Route | undefined;
    if (verb === 'POST' && (m = /^(projects\/[^/]+\/locations\/[^/]+)\/services$/.exec(path))) {
      const parent = m[1]!;
      routeTo = {
        method: 'CreateService',
        run: async () => {
          const body = await readBody(req);
          if (body) call.body = body;
          checkRequest('CreateService', body);
          const id = url.searchParams.get('serviceId') ?? '';
          if (!/^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/.test(id)) throw new ApiError(400, 'INVALID_ARGUMENT', `service_id: '${id}' is not a valid service name`);
          const name = `${parent}/services/${id}`;
          if (services.has(name)) throw new ApiError(409, 'ALREADY_EXISTS', `Resource '${id}' already exists.`);
          const spec = storedForm(body);
          delete spec.name;
          checkTemplate(spec.template);
          checkTraffic(name, id, (spec.traffic ?? []).filter((t: Json) => t.type !== 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION'));
          if (url.searchParams.get('validateOnly') === 'true') return [200, { name: `${parent}/operations/validate`, done: true }, 'google.longrunning.Operation'];
          const t = now();
          const st: ServiceState = {
            spec,
            generation: 0,
            observedGeneration: 0,
            createTime: t,
            updateTime: t,
            uid: randomUUID(),
            trafficStatuses: [],
            terminalCondition: {},
            conditions: [],
            etag: '',
          };
          services.set(name, st);
          const op = newGeneration(name, st, true);
          return [200, operationJson(op), 'google.longrunning.Operation'];
        },
      };
    } else if ((verb === 'GET' || verb === 'PATCH') && (m = /^(projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+)$/.exec(path))) {
      const name = m[1]!;
      if (verb === 'GET') {
        routeTo = {
          method: 'GetService',
          run: async () => {
            if (!services.has(name)) throw new ApiError(404, 'NOT_FOUND', `Resource '${parts(name)?.service}' of kind 'SERVICE' in region '${parts(name)?.region}' in project '${parts(name)?.project}' does not exist.`);
            advance(name);
            return [200, serviceJson(name), 'google.cloud.run.v2.Service'];
          },
        };
      } else {
        routeTo = {
          method: 'UpdateService',
          run: async () => {
            const body = await readBody(req);
            if (body) call.body = body;
            checkRequest('UpdateService', body);
            const st = services.get(name);
            if (!st) throw new ApiError(404, 'NOT_FOUND', `Resource '${parts(name)?.service}' of kind 'SERVICE' in region '${parts(name)?.region}' in project '${parts(name)?.project}' does not exist.`);
            const spec = storedForm(body);
            if (spec.etag && spec.etag !== st.etag) throw new ApiError(409, 'ABORTED', `etag mismatch: the service changed since it was read (now ${st.etag})`);
            delete spec.name;
            delete spec.etag;
            for (const k of ['uid', 'generation', 'createTime', 'updateTime', 'creator', 'lastModifier', 'observedGeneration', 'terminalCondition', 'conditions', 'latestReadyRevision', 'latestCreatedRevision', 'trafficStatuses', 'uri', 'urls', 'reconciling', 'satisfiesPzs']) delete spec[k];
            checkTemplate(spec.template);
            checkTraffic(name, parts(name)!.service, spec.traffic ?? []);
            const latest = st.latestCreatedRevision ? revisions.get(`${name}/revisions/${st.latestCreatedRevision}`) : undefined;
            const templateChanged = JSON.stringify(templateOf(spec.template)) !== JSON.stringify(templateOf(st.spec.template)) || (!!spec.template.revision && spec.template.revision !== latest?.name);
            if (url.searchParams.get('validateOnly') === 'true') return [200, { name: `${name}/operations/validate`, done: true }, 'google.longrunning.Operation'];
            const before = st.spec;
            st.spec = spec;
            try {
              const op = newGeneration(name, st, templateChanged);
              return [200, operationJson(op), 'google.longrunning.Operation'];
            } catch (err) {
              st.spec = before;
              throw err;
            }
          },
        };
      }
    } else if (verb === 'GET' && (m = /^(projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+)\/revisions\/([^/]+)$/.exec(path))) {
      const full = `${m[1]}/revisions/${m[2]}`;
      const svcName = m[1]!;
      routeTo = {
        method: 'GetRevision',
        run: async () => {
          advance(svcName);
          if (!revisions.has(full)) throw new ApiError(404, 'NOT_FOUND', `Resource '${m![2]}' of kind 'REVISION' does not exist.`);
          return [200, revisionJson(full), 'google.cloud.run.v2.Revision'];
        },
      };
    } else if (verb === 'GET' && (m = /^(projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+)\/revisions$/.exec(path))) {
      const svcName = m[1]!;
      routeTo = {
        method: 'ListRevisions',
        run: async () => {
          const list = [...revisions.keys()].filter((k) => k.startsWith(`${svcName}/revisions/`)).reverse().map(revisionJson);
          return [200, list.length ? { revisions: list } : {}, 'google.cloud.run.v2.ListRevisionsResponse'];
        },
      };
    } else if (verb === 'GET' && (m = /^projects\/[^/]+\/locations\/[^/]+\/operations\/[^/]+$/.exec(path))) {
      const opName = m[0];
      routeTo = {
        method: 'GetOperation',
        run: async () => {
          const op = operations.get(opName);
          if (!op) throw new ApiError(404, 'NOT_FOUND', `Operation '${opName}' does not exist.`);
          advance(op.service);
          return [200, operationJson(opName), 'google.longrunning.Operation'];
        },
      };
    }
    if (!routeTo) {
      respond(res, call, 'unknown', 404, { error: { code: 404, status: 'NOT_FOUND', message: `cloud-run-fake: no route for ${verb} /v2/${path}` } });
      return;
    }
    call.method = routeTo.method;
    const fault = faults.find((f) => f.count > 0 && (f.method === '*' || f.method === routeTo!.method));
    if (fault) {
      fault.count -= 1;
      call.fault = fault.kind;
      const [http, status, message] =
        fault.kind === 'throttle'
          ? [429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per region'."]
          : fault.kind === 'unavailable'
            ? [503, 'UNAVAILABLE', 'The service is currently unavailable.']
            : [500, 'INTERNAL', 'Internal error encountered.'];
      respond(res, call, routeTo.method, http, { error: { code: http, status, message } });
      return;
    }
    const perm = denied.get(routeTo.method);
    if (perm) {
      call.fault = 'permission-denied';
      respond(res, call, routeTo.method, 403, {
        error: { code: 403, status: 'PERMISSION_DENIED', message: `Permission '${perm}' denied on resource '${path}' (or resource may not exist).` },
      });
      return;
    }
    try {
      const [status, body, type] = await routeTo.run();
      respond(res, call, routeTo.method, status, body, type);
    } catch (err) {
      if (err instanceof ApiError) {
        respond(res, call, routeTo.method, err.http, { error: { code: err.http, status: err.status, message: err.message } });
      } else {
        respond(res, call, routeTo.method, 500, { error: { code: 500, status: 'INTERNAL', message: `cloud-run-fake bug: ${(err as Error).stack}` } });
      }
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(500);
      res.end(String(err.stack));
    });
  };
  const server: Server = opts.tls ? (createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) as unknown as Server) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, resolve);
  });
  port = (server.address() as AddressInfo).port;

  const fake: CloudRunFake = {
    url: `${opts.tls ? 'https' : 'http'}://${LOOPBACK}:${port}`,
    port,
    calls,
    authorizations,
    subjectTokens,
    schemaProblems,
    planRevisions(service, ...p) {
      plans.set(service, [...(plans.get(service) ?? []), ...p]);
    },
    planRouting(service, ...p) {
      routingPlans.set(service, [...(routingPlans.get(service) ?? []), ...p]);
    },
    injectFault(f) {
      faults.push({ method: f.method ?? '*', kind: f.kind, count: f.count ?? 1 });
    },
    denyPermission(method, permission) {
      denied.set(method, permission ?? PERMISSIONS[method]);
    },
    externalUpdate(project, region, service, mutate) {
      const name = `projects/${project}/locations/${region}/services/${service}`;
      const st = services.get(name);
      if (!st) throw new Error(`cloud-run-fake: no service ${name}`);
      const spec = structuredClone(st.spec);
      delete spec.template.revision;
      mutate(spec.template);
      st.spec = spec;
      newGeneration(name, st, true);
    },
    peekService(project, region, service) {
      const name = `projects/${project}/locations/${region}/services/${service}`;
      return services.has(name) ? serviceJson(name) : undefined;
    },
    seedService(project, region, service, spec) {
      const name = `projects/${project}/locations/${region}/services/${service}`;
      const t = now();
      const st: ServiceState = {
        spec: storedForm(structuredClone(
          spec ?? {
            labels: { team: 'ml' },
            template: {
              containers: [
                {
                  image: 'us-docker.pkg.dev/demo/models/iris@sha256:' + '1'.repeat(64),
                  env: [{ name: 'MODEL_NAME', value: 'iris' }],
                  resources: { limits: { cpu: '1', memory: '512Mi' } },
                  ports: [{ containerPort: 8080 }],
                },
              ],
              scaling: { minInstanceCount: 0, maxInstanceCount: 3 },
              timeout: '300s',
            },
          },
        )),
        generation: 0,
        observedGeneration: 0,
        createTime: t,
        updateTime: t,
        uid: randomUUID(),
        trafficStatuses: [],
        terminalCondition: {},
        conditions: [],
        etag: '',
      };
      services.set(name, st);
      plans.set(service, [{ outcome: 'ready', steps: 1 }, ...(plans.get(service) ?? [])]);
      newGeneration(name, st, true);
      advance(name);
      return serviceJson(name);
    },
    countCalls: (method) => calls.filter((c) => c.method === method).length,
    assertClean() {
      const bad = schemaProblems.filter((p) => p.direction === 'response');
      if (bad.length) throw new Error(`cloud-run-fake sent responses that break the API schema:\n${JSON.stringify(bad, null, 2)}`);
    },
    reset() {
      services.clear();
      revisions.clear();
      operations.clear();
      plans.clear();
      routingPlans.clear();
      faults = [];
      denied.clear();
      calls.length = 0;
      authorizations.length = 0;
      subjectTokens.length = 0;
      schemaProblems.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}

/** The parts of a template that make a new revision when they change (the revision name aside). */
function templateOf(t: Json | undefined): Json {
  const { revision: _r, ...rest } = t ?? {};
  return rest;
}
