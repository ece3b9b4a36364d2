/**
 * The ECS layer: an HTTP proxy in front of moto that adds what moto 5.2 does not do for ECS
 * services, so deploy code can be tested against rollouts that progress, fail and roll back.
 * Point the SDK at it with AWS_ENDPOINT_URL=<layer.url>; every other request goes to moto.
 *
 * What is moto's (the layer passes it through unchanged, bodies byte-exact):
 * - every non-ECS call (STS, ECR, ELBv2, CloudWatch, EC2 ..., Query/JSON/REST protocols);
 * - every ECS call not listed below: clusters, task definitions (register, describe,
 *   deregister, revisions), CreateService validation, RunTask/StopTask and the tasks they make
 *   (moto advances their lastStatus on each DescribeTasks), ListServices, tags ...;
 * - in DescribeServices and UpdateService: the service object itself (ARNs, desiredCount,
 *   taskDefinition, networkConfiguration, stored deploymentConfiguration) and `failures`
 *   (MISSING services). UpdateService is always applied by moto first; its errors are moto's.
 *
 * What is the layer's (moto never changes a service's deployments after creation):
 * - `deployments`, `runningCount`, `pendingCount` and the layer's `events` (prepended, newest
 *   first) of each service it has seen. The first time it sees a service it adopts moto's
 *   creation-time deployment as a COMPLETED PRIMARY with runningCount = desiredCount.
 * - UpdateService with a different task definition (resolved to its ARN through moto) or
 *   forceNewDeployment: a new PRIMARY deployment (IN_PROGRESS); the old PRIMARY turns ACTIVE and
 *   keeps its running tasks.
 * - Each DescribeServices call that includes a service advances its PRIMARY one step along the
 *   test's script (DeploymentPlan: complete, fail, stuck; default complete in 2 steps).
 * - On failure with deploymentCircuitBreaker {enable, rollback}, ECS's own rollback: a new
 *   PRIMARY with the last COMPLETED deployment's task definition (default script), and an
 *   UpdateService sent to moto so moto's stored taskDefinition agrees.
 * - deploymentConfiguration given to CreateService (moto 5.2 drops it at creation; it keeps
 *   it from UpdateService): remembered and shown when moto shows none.
 * - The tasks its deployments start (ARNs task/<cluster>/<32 hex>): ListTasks adds them to
 *   moto's list when they match (cluster, serviceName, startedBy, desiredStatus, family,
 *   launchType), first, within maxResults; DescribeTasks answers them and asks moto for the rest.
 *   For an adopted (pre-existing) deployment the layer has no tasks: moto's service has none.
 * - Faults the test injects (throttling, 5xx, latency, AccessDenied) and the call log, which
 *   also marks moto's own 5xx and HTML 404 answers as emulator gaps.
 * - BLUE_GREEN / LINEAR / CANARY service deployments (ecs-strategies.ts): ListServiceDeployments,
 *   DescribeServiceDeployments, StopServiceDeployment (moto 5.2.5 answers 500 to all three) and
 *   `currentServiceDeployment`.
 * - The ECS service model check (ecs-model.ts): every ECS request and response is checked against
 *   botocore's model; a mismatch is answered 599 EcsLayerModelMismatch.
 * - Not modelled: CreateService's own rollout (moto's creation-time deployment shows as it is in
 *   the CreateService response, then is adopted as COMPLETED), task sets / CodeDeploy blue-green,
 *   load balancer health, hook timeouts and PAUSE hooks.
 *
 * Control API (plain HTTP on the same port, for other processes; the EcsLayer methods do the
 * same in-process): GET/DELETE /_layer/calls, POST /_layer/plans {cluster, service, plans},
 * POST/DELETE /_layer/faults, POST/DELETE /_layer/deny {operation}, GET /_layer/state,
 * POST /_layer/reset. /moto-api/* passes through to moto, unlogged.
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { LOOPBACK, freePort } from './free-port';
import { loadEcsModel } from './ecs-model';
import {
  RolloutModel,
  clusterNameOf,
  serviceKey,
  serviceNameOf,
  type DeploymentPlan,
  type EcsDeployment,
  type EcsEvent,
  type LayerTask,
  type MotoService,
  type TaskDefinitionInfo,
} from './ecs-rollout';
import { renderBrief, renderServiceDeployment, stopServiceDeployment } from './ecs-strategies';

export type { DeploymentPlan, EcsDeployment, EcsEvent } from './ecs-rollout';

const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export interface EcsLayerOptions {
  /** moto's URL, e.g. `moto.url`. */
  upstream: string;
  /** Port to bind; default: a free one on 127.0.0.1. */
  port?: number;
  /**
   * moto's log tail (pass `moto.logTail`): printed to stderr when moto answers with an
   * emulator gap (a 5xx of its own, or its HTML 404 for a route it does not have).
   */
  motoLogTail?: (lines?: number) => string;
}

export type FaultKind = 'throttle' | 'server-error' | 'latency' | 'drop-response';

export interface FaultSpec {
  /** Operation name (`DescribeServices`, `GetCallerIdentity` ...) or '*' (default) for any. */
  operation?: string;
  kind: FaultKind;
  /** How many matching requests get the fault (default 1). */
  count?: number;
  /** server-error status (default 500). */
  status?: 500 | 502 | 503 | 504;
  /** latency: delay before the request goes on to moto (default 1000 ms). */
  delayMs?: number;
  /** Let this many matching requests through untouched first (default 0): "the second one fails". */
  skip?: number;
}

export interface CallRecord {
  /** From X-Amz-Target (JSON protocols) or Action= (Query protocol); `GET /path` for REST. */
  operation: string;
  /** The SigV4 signing name from the Authorization header (`ecs`, `sts`, `ec2` ...), if any. */
  service?: string;
  status: number;
  /** True when the layer wrote the answer (a fault, a denial, or an ECS call it rewrote or made up). */
  answeredByLayer: boolean;
  fault?: FaultKind | 'denied';
  /**
   * moto could not handle the call (its own 5xx, e.g. NotImplementedError, or an HTML 404 for a
   * route it lacks): a gap in the emulator, not an AWS error the code under test should expect.
   */
  emulatorGap?: boolean;
  durationMs: number;
}

export interface LayerStateSnapshot {
  services: Array<{ cluster: string; service: string; deployments: EcsDeployment[]; events: EcsEvent[]; serviceDeployments: Array<Record<string, unknown>> }>;
  tasks: Array<Record<string, unknown>>;
  queuedPlans: Record<string, number>;
}

export interface EcsLayer {
  /** `http://127.0.0.1:<port>`: the SDK's AWS_ENDPOINT_URL. */
  readonly url: string;
  readonly port: number;
  readonly upstream: string;
  /** Every AWS request seen since start or resetCalls(), in order. */
  readonly calls: readonly CallRecord[];
  resetCalls(): void;
  /** How many logged calls have this operation name ('*' or omitted: all). */
  countCalls(operation?: string): number;
  /** Queue scripts for the service's next deployments, in order (the first for the next one). */
  planDeployments(target: { cluster: string; service: string }, ...plans: DeploymentPlan[]): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Every later call of `operation` gets AccessDeniedException until reset() or allowOperation(). */
  denyOperation(operation: string): void;
  allowOperation(operation: string): void;
  /** The layer's deployments, events and tasks (a copy). */
  state(): LayerStateSnapshot;
  /** Clears the layer (state, plans, faults, denials, call log) and resets moto. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
  skipLeft: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

export async function startEcsLayer(opts: EcsLayerOptions): Promise<EcsLayer> {
  const upstream = new URL(opts.upstream);
  const model = new RolloutModel();
  const api = loadEcsModel();
  const tdCache = new Map<string, TaskDefinitionInfo>();
  let calls: CallRecord[] = [];
  let faults: ActiveFault[] = [];
  const denied = new Set<string>();

  // ---- upstream (moto) ----

  function toMoto(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const h: IncomingHttpHeaders = { ...headers };
      delete h['transfer-encoding'];
      // The layer has read the whole body already; a 100-continue handshake with moto would stall.
      delete h.expect;
      h['content-length'] = String(body.length);
      const req = request({ host: upstream.hostname, port: upstream.port, method, path, headers: h }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A call the layer itself makes to moto (not logged: it is not the client's). */
  async function motoEcs(operation: string, input: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await toMoto(
      'POST',
      '/',
      {
        host: upstream.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': ECS_TARGET_PREFIX + operation,
        authorization: 'AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0',
      },
      Buffer.from(JSON.stringify(input)),
    );
    return { status: res.status, json: parseJson(decode(res)) ?? {} };
  }

  async function taskDefinitionInfo(ref: string): Promise<TaskDefinitionInfo | undefined> {
    const cached = tdCache.get(ref);
    if (cached) return cached;
    const res = await motoEcs('DescribeTaskDefinition', { taskDefinition: ref });
    const td = res.json.taskDefinition as Record<string, unknown> | undefined;
    if (res.status !== 200 || td === undefined) return undefined;
    const info: TaskDefinitionInfo = {
      arn: String(td.taskDefinitionArn),
      ...(typeof td.cpu === 'string' ? { cpu: td.cpu } : {}),
      ...(typeof td.memory === 'string' ? { memory: td.memory } : {}),
      containers: ((td.containerDefinitions as Array<Record<string, unknown>> | undefined) ?? []).map((c) => ({
        name: String(c.name),
        image: String(c.image),
      })),
    };
    tdCache.set(ref, info);
    tdCache.set(info.arn, info);
    return info;
  }

  /** moto stores update_service's taskDefinition as given ("fam:2"); deployments carry ARNs. */
  async function resolveTaskDefinition(ref: string): Promise<string> {
    return (await taskDefinitionInfo(ref))?.arn ?? ref;
  }

  // ---- ECS handlers: each returns the response body to send, or undefined to relay moto's ----

  async function handleCreateService(input: Record<string, unknown>, res: Upstream): Promise<undefined> {
    const out = parseJson(decode(res));
    const svc = out?.service as MotoService | undefined;
    if (res.status === 200 && svc) {
      const key = serviceKey(clusterNameOf(svc.clusterArn), svc.serviceName);
      model.forget(key);
      const config = input.deploymentConfiguration as MotoService['deploymentConfiguration'];
      if (config !== undefined) model.createConfigs.set(key, config);
    }
    return undefined;
  }

  async function handleDeleteService(res: Upstream): Promise<undefined> {
    const svc = parseJson(decode(res))?.service as MotoService | undefined;
    if (res.status === 200 && svc) model.forget(serviceKey(clusterNameOf(svc.clusterArn), svc.serviceName));
    return undefined;
  }

  async function handleUpdateService(input: Record<string, unknown>, before: MotoService | undefined, res: Upstream): Promise<Buffer | undefined> {
    const out = parseJson(decode(res));
    const svc = out?.service as MotoService | undefined;
    if (res.status !== 200 || out === undefined || svc === undefined) return undefined;
    // Adopt from the pre-update view when the layer has not seen the service yet, so the
    // adopted PRIMARY carries the old task definition (moto's deployment keeps it anyway).
    const state = model.observe(before ?? svc);
    if (state === undefined) return undefined;
    model.observe(svc);
    const primary = state.deployments.find((d) => d.status === 'PRIMARY');
    let changed = false;
    if (typeof input.taskDefinition === 'string' && input.taskDefinition !== '') {
      const requested = await resolveTaskDefinition(input.taskDefinition);
      const current = primary ? await resolveTaskDefinition(primary.taskDefinition) : undefined;
      changed = requested !== current;
      if (changed || input.forceNewDeployment === true) model.startDeployment(state, svc, requested);
    } else if (input.forceNewDeployment === true) {
      model.startDeployment(state, svc, primary?.taskDefinition ?? (await resolveTaskDefinition(String(svc.taskDefinition))));
    }
    out.service = model.render(state, svc);
    return Buffer.from(JSON.stringify(out));
  }

  async function handleDescribeServices(res: Upstream): Promise<Buffer | undefined> {
    const out = parseJson(decode(res));
    if (res.status !== 200 || out === undefined || !Array.isArray(out.services)) return undefined;
    const services: MotoService[] = [];
    for (const svc of out.services as MotoService[]) {
      const state = model.observe(svc);
      if (state === undefined) {
        services.push(svc);
        continue;
      }
      const primary = state.deployments.find((d) => d.status === 'PRIMARY');
      if (primary) await taskDefinitionInfo(primary.taskDefinition);
      const rollback = model.advance(state, (arn) => tdCache.get(arn));
      let shown = svc;
      if (rollback !== undefined) {
        const r = await motoEcs('UpdateService', { cluster: rollback.cluster, service: rollback.service, taskDefinition: rollback.taskDefinition });
        if (r.status !== 200) throw new Error(`ecs-layer: rolling back ${rollback.service} in moto failed (${r.status}): ${JSON.stringify(r.json)}`);
        shown = { ...svc, taskDefinition: rollback.taskDefinition };
      }
      services.push(model.render(state, shown));
    }
    out.services = services;
    return Buffer.from(JSON.stringify(out));
  }

  async function serviceDeploymentCall(
    operation: 'ListServiceDeployments' | 'DescribeServiceDeployments' | 'StopServiceDeployment',
    input: Record<string, unknown>,
  ): Promise<{ body: Record<string, unknown> } | { error: string; message: string }> {
    if (operation === 'ListServiceDeployments') {
      const cluster = clusterNameOf(input.cluster as string | undefined);
      const name = serviceNameOf(String(input.service));
      let state = model.services.get(serviceKey(cluster, name));
      if (state === undefined) {
        const d = await motoEcs('DescribeServices', { cluster, services: [name] });
        if (d.status !== 200) return { error: 'ClusterNotFoundException', message: 'Cluster not found.' };
        const svc = (d.json.services as MotoService[] | undefined)?.[0];
        if (svc === undefined) return { error: 'ServiceNotFoundException', message: 'Service not found.' };
        state = model.observe(svc);
      }
      const statuses = Array.isArray(input.status) ? (input.status as string[]) : undefined;
      const found = (state?.serviceDeployments ?? []).filter((sd) => statuses === undefined || statuses.includes(sd.status));
      const max = typeof input.maxResults === 'number' ? input.maxResults : 20;
      return { body: { serviceDeployments: found.slice(0, max).map(renderBrief) } };
    }
    if (operation === 'DescribeServiceDeployments') {
      const arns = Array.isArray(input.serviceDeploymentArns) ? (input.serviceDeploymentArns as string[]) : [];
      if (arns.length > 20) return { error: 'InvalidParameterException', message: 'serviceDeploymentArns can have at most 20 ARNs.' };
      const serviceDeployments: unknown[] = [];
      const failures: unknown[] = [];
      for (const arn of arns) {
        const hit = model.findServiceDeployment(arn);
        if (hit) serviceDeployments.push(renderServiceDeployment(hit.sd));
        else failures.push({ arn, reason: 'MISSING' });
      }
      return { body: { serviceDeployments, failures } };
    }
    const arn = String(input.serviceDeploymentArn);
    const hit = model.findServiceDeployment(arn);
    if (hit === undefined) return { error: 'ServiceDeploymentNotFoundException', message: `The service deployment ${arn} does not exist.` };
    const refused = stopServiceDeployment(hit.sd, typeof input.stopType === 'string' ? input.stopType : 'ROLLBACK', Date.now() / 1000);
    if (refused) return refused;
    model.markStopped(hit.state, hit.sd);
    return { body: { serviceDeploymentArn: arn } };
  }

  function layerTaskMatches(task: LayerTask, input: Record<string, unknown>): boolean {
    if (task.clusterName !== clusterNameOf(input.cluster as string | undefined)) return false;
    if (typeof input.serviceName === 'string' && task.serviceName !== serviceNameOf(input.serviceName)) return false;
    if (typeof input.startedBy === 'string' && task.startedBy !== input.startedBy) return false;
    if (typeof input.family === 'string' && task.family !== input.family) return false;
    if (typeof input.launchType === 'string' && task.launchType !== input.launchType) return false;
    if (typeof input.containerInstance === 'string') return false;
    const desired = typeof input.desiredStatus === 'string' ? input.desiredStatus : 'RUNNING';
    return task.desiredStatus === desired;
  }

  async function handleListTasks(input: Record<string, unknown>, res: Upstream): Promise<Buffer | undefined> {
    // A continuation page is moto's alone: the layer's tasks were all on the first page.
    if (typeof input.nextToken === 'string') return undefined;
    const mine = [...model.tasks.entries()].filter(([, t]) => layerTaskMatches(t, input)).map(([arn]) => arn);
    if (mine.length === 0) return undefined;
    const out = res.status === 200 ? parseJson(decode(res)) : { taskArns: [] };
    if (out === undefined) return undefined;
    const arns = [...mine, ...((out.taskArns as string[] | undefined) ?? [])];
    // The layer's tasks come first; maxResults caps the page unless moto is paginating itself.
    const max = typeof input.maxResults === 'number' && out.nextToken === undefined ? input.maxResults : arns.length;
    out.taskArns = arns.slice(0, max);
    return Buffer.from(JSON.stringify(out));
  }

  function findLayerTask(ref: string, clusterName: string): LayerTask | undefined {
    const direct = model.tasks.get(ref);
    if (direct) return direct;
    for (const [arn, task] of model.tasks) {
      if (task.clusterName === clusterName && arn.endsWith(`/${ref}`)) return task;
    }
    return undefined;
  }

  /** DescribeTasks: the layer answers its own tasks; moto answers the rest (sent on its own). */
  async function describeTasks(input: Record<string, unknown>, headers: IncomingHttpHeaders, raw: Buffer): Promise<{ upstream?: Upstream; body?: Buffer }> {
    const refs = Array.isArray(input.tasks) ? (input.tasks as string[]) : [];
    const clusterName = clusterNameOf(input.cluster as string | undefined);
    const mine: LayerTask[] = [];
    const others: string[] = [];
    for (const ref of refs) {
      const task = findLayerTask(ref, clusterName);
      if (task) mine.push(task);
      else others.push(ref);
    }
    if (mine.length === 0) return { upstream: await toMoto('POST', '/', headers, raw) };
    let motoTasks: unknown[] = [];
    let failures: unknown[] = [];
    if (others.length > 0) {
      const plain: IncomingHttpHeaders = { ...headers };
      delete plain['content-encoding'];
      const res = await toMoto('POST', '/', plain, Buffer.from(JSON.stringify({ ...input, tasks: others })));
      if (res.status !== 200) return { upstream: res };
      const out = parseJson(decode(res)) ?? {};
      motoTasks = (out.tasks as unknown[] | undefined) ?? [];
      failures = (out.failures as unknown[] | undefined) ?? [];
    }
    const body = { tasks: [...mine.map((t) => structuredClone(t.json)), ...motoTasks], failures };
    return { body: Buffer.from(JSON.stringify(body)) };
  }

  // ---- faults ----

  function takeFault(operation: string): ActiveFault | undefined {
    const fault = faults.find((f) => f.remaining > 0 && (f.operation === undefined || f.operation === '*' || f.operation === operation));
    if (fault && fault.skipLeft > 0) {
      fault.skipLeft -= 1;
      return undefined;
    }
    if (fault) fault.remaining -= 1;
    faults = faults.filter((f) => f.remaining > 0);
    return fault;
  }

  function errorResponse(
    protocol: 'json' | 'query' | 'rest',
    status: number,
    type: string,
    message: string,
  ): { status: number; headers: Record<string, string>; body: Buffer } {
    const requestId = randomUUID();
    if (protocol === 'query') {
      const code = type === 'ThrottlingException' ? 'Throttling' : type === 'AccessDeniedException' ? 'AccessDenied' : type;
      const xml =
        `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
        `<Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: Buffer.from(xml) };
    }
    return {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': type },
      body: Buffer.from(JSON.stringify({ __type: type, message })),
    };
  }

  // ---- the proxy ----

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const raw = await readBody(req);
    const path = req.url ?? '/';

    if (path.startsWith('/_layer/')) return control(req.method ?? 'GET', path, raw, res);
    if (path.startsWith('/moto-api')) {
      const up = await toMoto(req.method ?? 'GET', path, req.headers, raw);
      return send(res, up.status, up.headers, up.body);
    }

    const { operation, protocol, signingName } = identify(req, path, raw);
    const target = String(req.headers['x-amz-target'] ?? '');
    const isEcs = target.startsWith(ECS_TARGET_PREFIX);
    const record = (status: number, answeredByLayer: boolean, fault?: CallRecord['fault'], emulatorGap = false): void => {
      calls.push({
        operation,
        ...(signingName ? { service: signingName } : {}),
        status,
        answeredByLayer,
        ...(fault ? { fault } : {}),
        ...(emulatorGap ? { emulatorGap } : {}),
        durationMs: Date.now() - started,
      });
    };

    if (denied.has(operation)) {
      const input = isEcs ? (parseJson(requestText(req, raw)) ?? {}) : {};
      const prefix = signingName ?? (isEcs ? 'ecs' : 'aws');
      const resource = deniedResource(input);
      const e = errorResponse(
        protocol,
        400,
        'AccessDeniedException',
        `User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ${prefix}:${operation} on resource: ${resource} because no identity-based policy allows the ${prefix}:${operation} action`,
      );
      record(e.status, true, 'denied');
      return send(res, e.status, e.headers, e.body);
    }

    const fault = takeFault(operation);
    if (fault?.kind === 'throttle') {
      const e = errorResponse(protocol, 400, 'ThrottlingException', 'Rate exceeded');
      record(e.status, true, 'throttle');
      return send(res, e.status, e.headers, e.body);
    }
    if (fault?.kind === 'server-error') {
      const status = fault.status ?? 500;
      const e = errorResponse(protocol, status, 'ServerException', `Injected by the ECS layer: the service failed to handle ${operation} (${status}).`);
      record(e.status, true, 'server-error');
      return send(res, e.status, e.headers, e.body);
    }
    if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));

    const ecsOp = isEcs ? target.slice(ECS_TARGET_PREFIX.length) : undefined;
    const input = ecsOp !== undefined ? (parseJson(requestText(req, raw)) ?? {}) : {};
    if (ecsOp !== undefined) {
      const problems = api.checkInput(ecsOp, input);
      if (problems.length) return modelMismatch(res, record, `request to ${ecsOp}`, problems);
    }
    let body: Buffer | undefined;
    let up: Upstream | undefined;

    if (ecsOp === 'DescribeTasks') {
      const r = await describeTasks(input, req.headers, raw);
      up = r.upstream;
      body = r.body;
    } else if (ecsOp === 'ListServiceDeployments' || ecsOp === 'DescribeServiceDeployments' || ecsOp === 'StopServiceDeployment') {
      // moto 5.2.5 has none of these: the layer answers them from its own service deployments.
      const r = await serviceDeploymentCall(ecsOp, input);
      if ('error' in r) {
        const e = errorResponse('json', 400, r.error, r.message);
        record(e.status, true);
        return send(res, e.status, e.headers, e.body);
      }
      body = Buffer.from(JSON.stringify(r.body));
    } else {
      // UpdateService needs the service as it was, to adopt it with its old task definition.
      let before: MotoService | undefined;
      if (ecsOp === 'UpdateService' && typeof input.service === 'string') {
        const key = serviceKey(clusterNameOf(input.cluster as string | undefined), serviceNameOf(input.service));
        if (!model.services.has(key)) {
          const d = await motoEcs('DescribeServices', { cluster: input.cluster ?? 'default', services: [input.service] });
          before = (d.json.services as MotoService[] | undefined)?.[0];
        }
      }
      up = await toMoto(req.method ?? 'POST', path, req.headers, raw);
      if (ecsOp === 'CreateService') body = await handleCreateService(input, up);
      else if (ecsOp === 'DeleteService') body = await handleDeleteService(up);
      else if (ecsOp === 'UpdateService') body = await handleUpdateService(input, before, up);
      else if (ecsOp === 'DescribeServices') body = await handleDescribeServices(up);
      else if (ecsOp === 'ListTasks') body = await handleListTasks(input, up);
    }

    if (ecsOp !== undefined && (body !== undefined || up?.status === 200)) {
      const served = body ?? (up ? Buffer.from(decode(up)) : Buffer.alloc(0));
      const problems = api.checkOutput(ecsOp, parseJson(served.toString('utf8')) ?? {});
      if (problems.length) return modelMismatch(res, record, `response to ${ecsOp}${body === undefined ? ' (moto\'s, relayed)' : ''}`, problems);
    }

    // drop-response: moto did the work (a revision registered, a service updated), then the

    // connection breaks before the answer; the client sees a reset and may retry.

    if (fault?.kind === 'drop-response') {

      record(up?.status ?? 200, false, 'drop-response');

      res.socket?.destroy();

      return;

    }

    if (body !== undefined) {
      const headers: IncomingHttpHeaders = up ? { ...up.headers } : { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
      delete headers['content-encoding'];
      headers['content-length'] = String(body.length);
      record(200, true, fault?.kind);
      return send(res, 200, headers, body);
    }
    if (up === undefined) throw new Error('ecs-layer: no answer for the request');
    const gap = up.status >= 500 || (up.status === 404 && String(up.headers['content-type'] ?? '').startsWith('text/html'));
    if (gap) {
      const tail = opts.motoLogTail ? `\n--- moto log ---\n${opts.motoLogTail(30)}` : '';
      process.stderr.write(`ecs-layer: moto could not handle ${signingName ?? '?'}:${operation} (HTTP ${up.status}): an emulator gap, not an AWS error${tail}\n`);
    }
    record(up.status, false, fault?.kind, gap);
    return send(res, up.status, up.headers, up.body);
  }

  /**
   * A request or response that does not match the ECS service model: the layer (or the test
   * feeding it raw JSON) drifted from the API. Loud, and unlike any AWS or moto answer.
   */
  function modelMismatch(res: ServerResponse, record: (status: number, byLayer: boolean) => void, what: string, problems: string[]): void {
    const message = `ecs-layer: the ${what} does not match the ECS service model (${api.source}): ${problems.slice(0, 10).join('; ')}`;
    process.stderr.write(`${message}\n`);
    const body = Buffer.from(JSON.stringify({ __type: 'EcsLayerModelMismatch', message }));
    record(599, true);
    send(res, 599, { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(body.length) }, body);
  }

  // ---- control API ----

  function snapshot(): LayerStateSnapshot {
    return structuredClone({
      services: [...model.services.values()].map((s) => ({
        cluster: s.clusterName,
        service: s.serviceName,
        deployments: s.deployments,
        events: s.events,
        serviceDeployments: s.serviceDeployments.map(renderServiceDeployment),
      })),
      tasks: [...model.tasks.values()].map((t) => t.json),
      queuedPlans: Object.fromEntries([...model.plans].map(([k, v]) => [k, v.length])),
    });
  }

  async function resetAll(): Promise<void> {
    model.reset();
    tdCache.clear();
    calls = [];
    faults = [];
    denied.clear();
    const r = await toMoto('POST', '/moto-api/reset', { host: upstream.host }, Buffer.alloc(0));
    if (r.status !== 200) throw new Error(`ecs-layer: moto reset answered ${r.status}: ${r.body.toString('utf8')}`);
  }

  function addFault(f: FaultSpec): void {
    if (!['throttle', 'server-error', 'latency', 'drop-response'].includes(f.kind)) {
      throw new Error(`ecs-layer: unknown fault kind ${JSON.stringify(f.kind)}; use throttle, server-error, latency or drop-response`);
    }
    faults.push({ ...f, remaining: f.count ?? 1, skipLeft: f.skip ?? 0 });
  }

  async function control(method: string, path: string, raw: Buffer, res: ServerResponse): Promise<void> {
    const reply = (status: number, value: unknown): void => {
      const body = Buffer.from(JSON.stringify(value));
      send(res, status, { 'content-type': 'application/json', 'content-length': String(body.length) }, body);
    };
    const input = parseJson(raw.toString('utf8')) ?? {};
    try {
      const route = `${method} ${path.split('?')[0]}`;
      switch (route) {
        case 'GET /_layer/calls':
          return reply(200, calls);
        case 'DELETE /_layer/calls':
          calls = [];
          return reply(200, { ok: true });
        case 'POST /_layer/plans':
          model.queuePlans(String(input.cluster), String(input.service), (input.plans as DeploymentPlan[] | undefined) ?? []);
          return reply(200, { ok: true });
        case 'POST /_layer/faults':
          addFault(input as unknown as FaultSpec);
          return reply(200, { ok: true });
        case 'DELETE /_layer/faults':
          faults = [];
          return reply(200, { ok: true });
        case 'POST /_layer/deny':
          denied.add(String(input.operation));
          return reply(200, { ok: true });
        case 'DELETE /_layer/deny':
          if (typeof input.operation === 'string') denied.delete(input.operation);
          else denied.clear();
          return reply(200, { ok: true });
        case 'GET /_layer/state':
          return reply(200, snapshot());
        case 'POST /_layer/reset':
          await resetAll();
          return reply(200, { ok: true });
        default:
          return reply(404, { message: `ecs-layer: no control route ${route}` });
      }
    } catch (err) {
      return reply(400, { message: err instanceof Error ? err.message : String(err) });
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A layer bug must be loud and look like neither AWS nor moto.
      const message = `ecs-layer internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
      process.stderr.write(`${message}\n`);
      if (!res.headersSent) {
        const body = Buffer.from(JSON.stringify({ __type: 'EcsLayerInternalError', message }));
        send(res, 599, { 'content-type': 'application/json', 'content-length': String(body.length) }, body);
      } else res.destroy();
    });
  });
  const port = opts.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });

  const url = `http://${LOOPBACK}:${port}`;
  return {
    url,
    port,
    upstream: opts.upstream,
    get calls() {
      return calls;
    },
    resetCalls() {
      calls = [];
    },
    countCalls(operation) {
      return operation === undefined || operation === '*' ? calls.length : calls.filter((c) => c.operation === operation).length;
    },
    planDeployments(target, ...plans) {
      model.queuePlans(target.cluster, target.service, plans);
    },
    injectFault: addFault,
    clearFaults() {
      faults = [];
    },
    denyOperation(operation) {
      denied.add(operation);
    },
    allowOperation(operation) {
      denied.delete(operation);
    },
    state: snapshot,
    reset: resetAll,
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function identify(req: IncomingMessage, path: string, raw: Buffer): { operation: string; protocol: 'json' | 'query' | 'rest'; signingName?: string } {
  const auth = String(req.headers.authorization ?? '');
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
  const signingName = scope?.[1];
  const base = signingName !== undefined ? { signingName } : {};
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && target.includes('.')) {
    return { operation: target.slice(target.lastIndexOf('.') + 1), protocol: 'json', ...base };
  }
  const contentType = String(req.headers['content-type'] ?? '');
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  const action = contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(requestText(req, raw)).get('Action') : query.get('Action');
  if (action) return { operation: action, protocol: 'query', ...base };
  return { operation: `${req.method ?? 'GET'} ${path.split('?')[0]}`, protocol: 'rest', ...base };
}

/** The request body as text, for reading only: the SDK gzips large CloudWatch PutMetricData bodies. */
function requestText(req: IncomingMessage, raw: Buffer): string {
  if (!String(req.headers['content-encoding'] ?? '').includes('gzip')) return raw.toString('utf8');
  try {
    return gunzipSync(raw).toString('utf8');
  } catch {
    return '';
  }
}

function deniedResource(input: Record<string, unknown>): string {
  const cluster = clusterNameOf(input.cluster as string | undefined);
  if (typeof input.service === 'string') {
    return input.service.startsWith('arn:') ? input.service : `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/${input.service}`;
  }
  if (Array.isArray(input.services) && typeof input.services[0] === 'string') {
    const s = input.services[0];
    return s.startsWith('arn:') ? s : `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/${s}`;
  }
  if (typeof input.taskDefinition === 'string') return input.taskDefinition.startsWith('arn:') ? input.taskDefinition : `arn:aws:ecs:us-east-1:123456789012:task-definition/${input.taskDefinition}`;
  if (typeof input.family === 'string') return `arn:aws:ecs:us-east-1:123456789012:task-definition/${input.family}:*`;
  return '*';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: IncomingHttpHeaders | Record<string, string>, body: Buffer): void {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
    out[name] = value;
  }
  out['content-length'] = String(body.length);
  res.writeHead(status, out);
  res.end(body);
}

function decode(res: Upstream): string {
  const encoding = String(res.headers['content-encoding'] ?? '');
  return (encoding.includes('gzip') ? gunzipSync(res.body) : res.body).toString('utf8');
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/**
 * The control API of a layer running in another process (a benchmark, a script), over HTTP.
 * Same meanings as the EcsLayer methods.
 */
export interface EcsLayerControl {
  calls(): Promise<CallRecord[]>;
  resetCalls(): Promise<void>;
  planDeployments(target: { cluster: string; service: string }, ...plans: DeploymentPlan[]): Promise<void>;
  injectFault(fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  denyOperation(operation: string): Promise<void>;
  /** Without an operation: allows every denied one again. */
  allowOperation(operation?: string): Promise<void>;
  state(): Promise<LayerStateSnapshot>;
  reset(): Promise<void>;
}

export function ecsLayerControl(layerUrl: string): EcsLayerControl {
  const call = async (method: string, route: string, input?: unknown): Promise<unknown> => {
    const body = input === undefined ? undefined : JSON.stringify(input);
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${layerUrl}/_layer/${route}`,
        { method, headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          r.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (res.status !== 200) {
      const message = (parseJson(res.text)?.message as string | undefined) ?? res.text;
      throw new Error(`ecs-layer control ${method} /_layer/${route} answered ${res.status}: ${message}`);
    }
    return JSON.parse(res.text) as unknown;
  };
  return {
    calls: async () => (await call('GET', 'calls')) as CallRecord[],
    resetCalls: async () => void (await call('DELETE', 'calls')),
    planDeployments: async (target, ...plans) => void (await call('POST', 'plans', { ...target, plans })),
    injectFault: async (fault) => void (await call('POST', 'faults', fault)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    denyOperation: async (operation) => void (await call('POST', 'deny', { operation })),
    allowOperation: async (operation) => void (await call('DELETE', 'deny', operation === undefined ? {} : { operation })),
    state: async () => (await call('GET', 'state')) as LayerStateSnapshot,
    reset: async () => void (await call('POST', 'reset')),
  };
}
