/**
 * One Cloud Run deploy. For an existing service, in two steps, so traffic never reaches a revision
 * that is not Ready:
 *   1. the new template goes in with traffic pinned to the revisions that serve now (and the new
 *      revision's tag, if any, at 0 %); wait for the operation and the revision's Ready condition;
 *   2. traffic moves (100 % to LATEST, or the `traffic` split) unless `noTraffic`; wait again.
 * When step 1 fails nothing routed changed; when step 2 fails (or is cancelled) the pinned split
 * is put back. Every claim about what serves comes from re-reading the service afterwards.
 * A new service is created with LATEST at 100 % (there is nothing serving to protect).
 * Runner-free: deploy-cloud-run and any other caller hand in what it needs.
 */
import {
  CancelledError,
  type Clock,
  DeadlineError,
  formatDuration,
  InputError,
  type Logger,
  toError,
  UserError,
} from '@ml-deploy/action-kit';
import type { CloudRunApi, Revision, Service } from '../cloud-run-api';
import { revisionLogsUrl, serviceResourceName, shortName } from '../names';
import { writableCopy } from '../proto-json';
import {
  describeConditions,
  formatSplit,
  LATEST,
  pinnedTraffic,
  REVISION,
  servingRevisions,
  servingSplit,
  type SplitEntry,
  stateWord,
  tagUrls,
  trafficFor,
  waitForOperation,
} from '../traffic';
import { applyChanges, imageDigest, newRevisionName, type RenderChanges, serviceFromFile } from './render';
import type { DeployReport } from './report';

/** What to deploy and how; deploy-cloud-run builds it from its inputs. */
export interface CloudRunDeployOptions {
  project: string;
  region: string;
  service: string;
  /** Path of a service definition file (v2 Service, YAML/JSON); undefined: render from the service as it runs. */
  serviceDefinitionFile: string | undefined;
  /** An existing revision to route traffic to (promotion or going back); nothing new is created, `render` is ignored. */
  revision: string | undefined;
  /** Image, environment, secrets, size, scaling, probes, labels applied to the base Service. */
  render: RenderChanges;
  /** The new revision's name is `<service>-<suffix>`; undefined: named like Cloud Run names them. */
  revisionSuffix: string | undefined;
  /** The new revision gets no traffic (with `tag`, its own URL). */
  noTraffic: boolean;
  /** A traffic tag for the revision deployed. */
  tag: string | undefined;
  /** An explicit split: targets LATEST, a revision name or a tag already on the service; adds up to 100. */
  traffic: Array<{ target: string; percent: number }> | undefined;
  /** How long each wait (revision Ready, traffic moved) may take. */
  timeoutMs: number;
}

export interface CloudRunDeployDeps {
  api: CloudRunApi;
  logger: Logger;
  /** Sets a step output at once, so outputs known before a failure still reach the workflow. */
  setOutput(name: string, value: string | number | undefined): void;
  signal?: AbortSignal | undefined;
  clock: Clock;
  /** Reads and parses the service definition file (JSON or YAML). */
  readServiceDefinition: (path: string) => Promise<unknown>;
  /** First interval between operation polls. */
  pollIntervalMs?: number | undefined;
  /** How long a cancelled deploy waits for the put-back to route before reading traffic back (default CANCEL_PUT_BACK_WAIT_MS). */
  cancelPutBackWaitMs?: number | undefined;
}

type Deps = CloudRunDeployDeps;


export class DeploymentFailedError extends UserError {
  override readonly name = 'DeploymentFailedError';
}

/** A fresh report for a deploy that starts at `startedAt` (ms since epoch). */
export function newDeployReport(opts: Pick<CloudRunDeployOptions, 'project' | 'region' | 'service' | 'revision'>, startedAt: number): DeployReport {
  return {
    project: opts.project,
    region: opts.region,
    service: opts.service,
    result: 'failed',
    startedAt: new Date(startedAt).toISOString(),
    mode: opts.revision ? 'existing-revision' : 'new-revision',
    changes: [],
    trafficBefore: [],
    conditions: [],
    apiCalls: {},
  };
}

/** Settles `report.result` after `deployCloudRunService` threw `err`. */
export function settleFailedReport(report: DeployReport, err: Error): void {
  if (err instanceof CancelledError) report.result = 'cancelled';
  else if (report.result === 'deployed') report.result = 'failed';
  report.error = err.message;
}

/**
 * The `result` output: deployed | rolled-back | failed | superseded. A cancelled deploy counts as
 * rolled-back only when the service, read back afterwards, serves what it served before.
 */
export function resultOutput(report: DeployReport): 'deployed' | 'rolled-back' | 'failed' | 'superseded' {
  return report.result === 'cancelled' ? (report.rollback?.confirmed ? 'rolled-back' : 'failed') : report.result;
}

/**
 * Deploys to one Cloud Run service, filling in `report` as it goes (so a caller that catches the
 * error still has what happened). Throws DeploymentFailedError when the deploy failed,
 * CancelledError when `deps.signal` fired, and the API's explained errors otherwise.
 */
export async function deployCloudRunService(opts: CloudRunDeployOptions, deps: CloudRunDeployDeps, report: DeployReport): Promise<void> {
  report.apiCalls = deps.api.calls;
  return deploy(opts, deps, deps.clock, report);
}

async function deploy(opts: CloudRunDeployOptions, deps: Deps, clock: Clock, report: DeployReport): Promise<void> {
  const { api, logger } = deps;
  const name = serviceResourceName(opts.project, opts.region, opts.service);
  const parent = `projects/${opts.project}/locations/${opts.region}`;
  const wait = (op: string, what: string) =>
    logger.group(what, () =>
      waitForOperation(api, op, {
        timeoutMs: opts.timeoutMs,
        intervalMs: deps.pollIntervalMs ?? 2000,
        clock,
        signal: deps.signal,
        logger,
        onState: (s) => {
          const line = describeConditions(s.metadata);
          if (report.conditions.at(-1)?.line !== line) report.conditions.push({ at: new Date(clock.now()).toISOString(), line });
        },
      }),
    );

  // 1. Read and check everything that needs no change.
  const current = await api.getService(name);
  if (current) {
    report.trafficBefore = servingSplit(current);
    const serving = [...servingRevisions(current).entries()].sort((a, b) => b[1] - a[1]);
    report.previousRevision = serving[0]?.[0];
    deps.setOutput('previous-revision', report.previousRevision);
    logger.info(`service ${opts.service}: serving ${formatSplit(report.trafficBefore)}`);
    if (current.reconciling) logger.warning(`service ${opts.service} is still reconciling generation ${current.generation}; this deploy supersedes it`);
  } else {
    report.mode = opts.revision ? 'existing-revision' : 'create';
    if (opts.revision) throw new UserError(`service '${opts.service}' does not exist in ${parent}: there is no revision '${opts.revision}' to deploy`);
    if (opts.noTraffic) {
      throw new UserError(`service '${opts.service}' does not exist yet, and a new service's first revision must take traffic: drop 'no-traffic' for the first deploy`);
    }
    logger.info(`service ${opts.service} does not exist in ${parent}: it will be created`);
  }
  throwIfAborted(deps.signal);

  if (opts.revision) {
    await deployExisting(opts, deps, report, name, current!, wait);
    return;
  }

  let base: Service;
  if (opts.serviceDefinitionFile) {
    base = serviceFromFile(await deps.readServiceDefinition(opts.serviceDefinitionFile), opts.serviceDefinitionFile);
    logger.info(`service definition: from ${opts.serviceDefinitionFile}`);
  } else if (current) {
    base = writableCopy<Service>('google.cloud.run.v2.Service', current);
    logger.info(`service definition: the service as it runs now (generation ${current.generation})`);
  } else {
    base = { template: { containers: [{ ports: [{ containerPort: 8080 }] }] } };
  }
  const revisionName = await freshRevisionName(api, name, opts, Number(current?.generation ?? 0), !!current);
  const rendered = applyChanges(base, opts.render, revisionName);
  report.changes = rendered.changes;
  report.image = rendered.image;
  report.imageDigest = imageDigest(rendered.image);
  report.tag = opts.tag;
  deps.setOutput('image-digest', report.imageDigest);
  for (const c of rendered.changes) logger.info(`  ${c}`);
  const body = rendered.service;
  body.name = name;
  delete body.etag;

  // What serves now, pinned by name: the split step 1 keeps and a failure puts back.
  const pinned = current ? pinnedTraffic(current) : [];
  const splitAfter = current ? desiredSplit(opts, current, revisionName) : undefined;
  throwIfAborted(deps.signal);

  // 2. Create, or put the new template in without moving traffic.
  let op: string;
  if (!current) {
    body.traffic = [{ type: LATEST, percent: 100, ...(opts.tag ? { tag: opts.tag } : {}) }];
    if (opts.traffic) body.traffic = trafficFor(splitFrom(opts.traffic, undefined, revisionName));
    const { name: _n, ...createBody } = body;
    op = await api.createService(parent, opts.service, createBody);
    logger.info(`creating service ${opts.service} with revision ${revisionName}`);
  } else {
    body.traffic = pinned.length
      ? [...pinned.filter((t) => !opts.tag || t.tag !== opts.tag), ...(opts.tag ? [{ type: REVISION, revision: revisionName, percent: 0, tag: opts.tag }] : [])]
      : [{ type: LATEST, percent: 100, ...(opts.tag ? { tag: opts.tag } : {}) }];
    op = await api.updateService(body);
    logger.info(`creating revision ${revisionName}${pinned.length ? `; traffic stays on ${formatSplit(report.trafficBefore)} until it is Ready` : ''}`);
  }
  report.revision = revisionName;

  let failure: string | undefined;
  try {
    const done = await wait(op, `waiting for revision ${revisionName}`);
    if (done.error) failure = done.error.message ?? 'the operation failed';
  } catch (err) {
    if (err instanceof CancelledError) {
      await onCancelled(deps, report, name, undefined);
      throw err;
    }
    if (!(err instanceof DeadlineError)) throw err;
    failure = `revision ${revisionName} was not Ready within ${formatDuration(opts.timeoutMs)}: ${err.message}`;
  }

  const revision = await api.getRevision(`${name}/revisions/${revisionName}`);
  report.revisionConditions = readConditions(revision);
  const ready = revision?.conditions?.find((c) => c.type === 'Ready');
  const after1 = await api.getService(name);
  if (after1 && shortName(after1.latestCreatedRevision) !== revisionName && Number(after1.generation) > Number(current?.generation ?? 0) + 1) {
    report.result = 'superseded';
    report.trafficAfter = servingSplit(after1);
    throw new DeploymentFailedError(
      `service '${opts.service}' was changed by another deploy (its latest revision is now ${shortName(after1.latestCreatedRevision)}) before ${revisionName} was routed; nothing was rolled back (serving: ${formatSplit(report.trafficAfter)})`,
    );
  }
  if (!failure && stateWord(ready?.state) !== 'succeeded') failure = `revision ${revisionName} is not Ready (${stateWord(ready?.state)}${ready?.message ? `: ${ready.message}` : ''})`;
  if (failure) {
    recordRevisionFailure(report, revision, deps, opts, revisionName);
    report.trafficAfter = after1 ? servingSplit(after1) : [];
    const serving = formatSplit(report.trafficAfter);
    const same = current ? sameServing(report.trafficBefore, report.trafficAfter) : false;
    report.failure = `${failure}${current ? (same ? `; traffic stayed on ${serving} (read back from the service)` : `; the service now serves ${serving}, not what served before`) : ''}`;
    logger.error(report.failure);
    report.result = 'failed';
    throw new DeploymentFailedError(report.failure);
  }
  logger.info(`revision ${revisionName} is Ready`);

  // 3. Move traffic.
  let final = after1!;
  if (current && !opts.noTraffic && splitAfter && pinned.length) {
    const moveBody = writableCopy<Service>('google.cloud.run.v2.Service', final);
    moveBody.name = name;
    moveBody.traffic = trafficFor(splitAfter, final);
    let moveFailure: string | undefined;
    try {
      const op2 = await api.updateService(moveBody);
      const done2 = await wait(op2, `moving traffic: ${splitAfter.map((e) => `${e.revision}=${e.percent}`).join(',')}`);
      if (done2.error) moveFailure = done2.error.message ?? 'the traffic change failed';
    } catch (err) {
      if (err instanceof CancelledError) {
        await onCancelled(deps, report, name, pinned);
        throw err;
      }
      if (!(err instanceof DeadlineError) && !(err instanceof UserError)) throw err;
      moveFailure = toError(err).message;
    }
    final = (await api.getService(name)) ?? final;
    if (!moveFailure) {
      const wanted = splitAfter.map((e) => (e.revision === 'LATEST' ? revisionName : e.revision));
      const got = servingRevisions(final);
      if (wanted.some((r, i) => (got.get(r) ?? 0) < splitAfter[i]!.percent && splitAfter[i]!.percent > 0)) {
        if (shortName(final.latestReadyRevision) !== revisionName) {
          report.result = 'superseded';
          report.trafficAfter = servingSplit(final);
          throw new DeploymentFailedError(`another deploy made ${shortName(final.latestReadyRevision)} the latest revision while traffic moved; serving: ${formatSplit(report.trafficAfter)}; nothing was rolled back`);
        }
        moveFailure = `traffic did not move as asked (serving: ${formatSplit(servingSplit(final))})`;
      }
    }
    if (moveFailure) {
      report.failure = `moving traffic to ${revisionName} failed: ${moveFailure}`;
      logger.error(report.failure);
      await rollBack(deps, report, name, pinned, wait);
      throw new DeploymentFailedError(`${report.failure}; ${report.rollback?.result}`);
    }
  }

  report.trafficAfter = servingSplit(final);
  report.result = 'deployed';
  report.url = final.uri ?? undefined;
  if (opts.tag) report.tagUrl = tagUrls(final).get(opts.tag);
  deps.setOutput('revision', revisionName);
  deps.setOutput('url', report.url);
  deps.setOutput('tag-url', report.tagUrl);
  logger.info(`serving: ${formatSplit(report.trafficAfter)}`);
}

/** Promote (or go back to) an existing revision: traffic only, no new revision. */
async function deployExisting(
  opts: CloudRunDeployOptions,
  deps: Deps,
  report: DeployReport,
  name: string,
  current: Service,
  wait: (op: string, what: string) => Promise<{ error?: { message?: string | null } | undefined }>,
): Promise<void> {
  const { api, logger } = deps;
  const target = opts.revision!;
  const revision = await api.getRevision(`${name}/revisions/${target}`);
  if (!revision) throw new UserError(`revision '${target}' of service '${opts.service}' does not exist`);
  report.revisionConditions = readConditions(revision);
  const ready = revision.conditions?.find((c) => c.type === 'Ready');
  if (stateWord(ready?.state) !== 'succeeded') {
    throw new UserError(`revision '${target}' is not Ready (${stateWord(ready?.state)}${ready?.message ? `: ${ready.message}` : ''}): it cannot take traffic`);
  }
  report.revision = target;
  report.tag = opts.tag;
  report.image = revision.containers?.[0]?.image ?? undefined;
  report.imageDigest = imageDigest(report.image);
  deps.setOutput('image-digest', report.imageDigest);
  const pinned = pinnedTraffic(current);
  const split: SplitEntry[] = opts.noTraffic
    ? servingSplit(current).filter((t) => t.percent > 0 && t.revision).map((t) => ({ revision: t.revision!, percent: t.percent }))
    : opts.traffic
      ? splitFrom(opts.traffic, current, target)
      : [{ revision: target, percent: 100 }];
  if (opts.tag) {
    const own = split.find((e) => e.revision === target && !e.tag);
    if (own) own.tag = opts.tag;
    else split.push({ revision: target, percent: 0, tag: opts.tag });
  }
  const body = writableCopy<Service>('google.cloud.run.v2.Service', current);
  body.name = name;
  body.traffic = trafficFor(mergeSame(split), current).filter((t) => !(opts.tag && t.tag === opts.tag && t.revision !== target) || t.revision === target);
  logger.info(`routing ${split.map((e) => `${e.revision}=${e.percent}%`).join(', ')}`);
  let failure: string | undefined;
  try {
    const done = await wait(await api.updateService(body), `routing traffic to ${target}`);
    if (done.error) failure = done.error.message ?? 'the traffic change failed';
  } catch (err) {
    if (err instanceof CancelledError) {
      await onCancelled(deps, report, name, pinned);
      throw err;
    }
    if (!(err instanceof DeadlineError)) throw err;
    failure = err.message;
  }
  const after = (await api.getService(name)) ?? current;
  report.trafficAfter = servingSplit(after);
  const share = servingRevisions(after).get(target) ?? 0;
  const wantShare = split.filter((e) => e.revision === target).reduce((a, e) => a + e.percent, 0);
  if (!failure && share !== wantShare) failure = `revision ${target} serves ${share}%, not ${wantShare}%`;
  if (failure) {
    report.failure = `routing to ${target} failed: ${failure}`;
    logger.error(report.failure);
    await rollBack(deps, report, name, pinned, wait);
    throw new DeploymentFailedError(`${report.failure}; ${report.rollback?.result}`);
  }
  report.result = 'deployed';
  report.url = after.uri ?? undefined;
  if (opts.tag) report.tagUrl = tagUrls(after).get(opts.tag);
  deps.setOutput('revision', target);
  deps.setOutput('url', report.url);
  deps.setOutput('tag-url', report.tagUrl);
  logger.info(`serving: ${formatSplit(report.trafficAfter)}`);
}

/**
 * The new revision's name, checked unused before any change: a `revision-suffix` whose revision
 * exists is refused (Cloud Run would answer ALREADY_EXISTS), naming the input and the way to deploy
 * that revision again; a made-up name that happens to exist is made again.
 */
async function freshRevisionName(api: CloudRunApi, service: string, opts: CloudRunDeployOptions, generation: number, exists: boolean): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const candidate = newRevisionName(opts.service, opts.revisionSuffix, generation + attempt);
    if (!exists) return candidate;
    const found = await api.getRevision(`${service}/revisions/${candidate}`);
    if (!found) return candidate;
    if (opts.revisionSuffix) {
      throw new InputError(
        'revision-suffix',
        opts.revisionSuffix,
        `a suffix no revision of service '${opts.service}' has yet: revision ${candidate} already exists${found.createTime ? ` (created ${timestampText(found.createTime)})` : ''} and Cloud Run names revisions once. Deploy it again with 'revision: ${candidate}', or give a new suffix (e.g. the commit SHA)`,
      );
    }
    if (attempt >= 4) throw new UserError(`could not find an unused revision name for service '${opts.service}' (tried up to ${candidate})`);
  }
}

function timestampText(t: unknown): string {
  if (typeof t === 'string') return t;
  const seconds = Number((t as { seconds?: unknown })?.seconds);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : String(t);
}

/** The split step 2 sets: the `traffic` input, or all of it to LATEST (the new revision). */
function desiredSplit(opts: CloudRunDeployOptions, current: Service, revisionName: string): SplitEntry[] {
  if (opts.traffic) {
    const split = splitFrom(opts.traffic, current, revisionName);
    if (opts.tag && !split.some((e) => e.tag === opts.tag)) {
      const own = split.find((e) => (e.revision === revisionName || e.revision === 'LATEST') && !e.tag);
      if (own) own.tag = opts.tag;
      else split.push({ revision: revisionName, percent: 0, tag: opts.tag });
    }
    return mergeSame(split);
  }
  return [{ revision: 'LATEST', percent: 100 }, ...(opts.tag ? [{ revision: revisionName, percent: 0, tag: opts.tag }] : [])];
}

/** Reads `traffic` targets: LATEST, a tag already on the service (resolved to its revision), or a revision name. */
function splitFrom(traffic: NonNullable<CloudRunDeployOptions['traffic']>, current: Service | undefined, newRevision: string): SplitEntry[] {
  const byTag = new Map<string, string>();
  for (const t of current ? servingSplit(current) : []) if (t.tag && t.revision) byTag.set(t.tag, t.revision);
  return traffic.map(({ target, percent }) => {
    if (target === 'LATEST') return { revision: 'LATEST', percent };
    const viaTag = byTag.get(target);
    if (viaTag) return { revision: viaTag, percent };
    if (target === newRevision || target.includes('-')) return { revision: target, percent };
    throw new UserError(`traffic target '${target}' is neither LATEST, a tag on service, nor a revision name`);
  });
}

function mergeSame(split: SplitEntry[]): SplitEntry[] {
  const out: SplitEntry[] = [];
  for (const e of split) {
    const same = out.find((x) => x.revision === e.revision && !x.tag && !e.tag);
    if (same) same.percent += e.percent;
    else out.push({ ...e });
  }
  return out;
}

async function rollBack(
  deps: Deps,
  report: DeployReport,
  name: string,
  pinned: ReturnType<typeof pinnedTraffic>,
  wait: (op: string, what: string) => Promise<{ error?: { message?: string | null } | undefined }>,
): Promise<void> {
  const { api, logger } = deps;
  const to = formatSplit(report.trafficBefore);
  report.rollback = { to, result: 'in progress' };
  try {
    const svc = await api.getService(name);
    const body = writableCopy<Service>('google.cloud.run.v2.Service', svc!);
    body.name = name;
    body.traffic = pinned;
    await wait(await api.updateService(body), `putting traffic back on ${to}`);
  } catch (err) {
    report.rollback.result = `not confirmed: ${toError(err).message}`;
  }
  const after = await api.getService(name).catch(() => undefined);
  report.trafficAfter = after ? servingSplit(after) : report.trafficAfter;
  if (after && sameServing(report.trafficBefore, servingSplit(after))) {
    report.result = 'rolled-back';
    report.rollback.confirmed = true;
    report.rollback.result = `traffic is back on ${formatSplit(servingSplit(after))} (read back from the service)`;
  } else {
    report.result = 'failed';
    report.rollback.result = `${report.rollback.result === 'in progress' ? 'the service does not serve what it served before' : report.rollback.result}; serving now: ${after ? formatSplit(servingSplit(after)) : 'unknown'}`;
  }
  logger.info(`rollback: ${report.rollback.result}`);
}

/** How long a cancelled deploy waits for the put-back before it reads traffic back (the runner kills the step about 7.5 s after SIGINT). */
export const CANCEL_PUT_BACK_WAIT_MS = 5_000;

/**
 * Cancelled: step 1 changed no routing; in step 2, put the pinned split back, wait for it briefly,
 * and read the traffic back. "Rolled back" is claimed only when the service reports it serves what
 * it served before; otherwise the report says the put-back was started and what serves now.
 */
async function onCancelled(deps: Deps, report: DeployReport, name: string, pinned: ReturnType<typeof pinnedTraffic> | undefined): Promise<void> {
  report.result = 'cancelled';
  const { api } = deps;
  if (pinned?.length) {
    const to = formatSplit(report.trafficBefore);
    const waitMs = deps.cancelPutBackWaitMs ?? CANCEL_PUT_BACK_WAIT_MS;
    report.rollback = { to, result: 'started on cancellation', confirmed: false };
    let waitProblem: string | undefined;
    try {
      const svc = await api.getService(name);
      const body = writableCopy<Service>('google.cloud.run.v2.Service', svc!);
      body.name = name;
      body.traffic = pinned;
      const op = await api.updateService(body);
      // The cancellation signal has fired already: this short wait runs without it.
      await waitForOperation(api, op, { timeoutMs: waitMs, intervalMs: Math.min(deps.pollIntervalMs ?? 1000, 1000), clock: deps.clock }).then(
        (done) => {
          if (done.error) waitProblem = done.error.message ?? 'the traffic change failed';
        },
        (err: unknown) => {
          waitProblem = err instanceof DeadlineError ? `not routed within ${formatDuration(waitMs)}` : toError(err).message;
        },
      );
    } catch (err) {
      report.rollback.result = `putting it back failed: ${toError(err).message}`;
      report.failure = `cancelled while traffic moved; putting it back on ${to} failed (${toError(err).message})`;
    }
    const after = await api.getService(name).catch(() => undefined);
    if (after) report.trafficAfter = servingSplit(after);
    if (after && sameServing(report.trafficBefore, servingSplit(after))) {
      report.rollback.confirmed = true;
      report.rollback.result = `traffic is back on ${formatSplit(servingSplit(after))} (read back from the service)`;
      report.failure = `cancelled while traffic moved; traffic is back on ${formatSplit(servingSplit(after))} (read back from the service)`;
    } else if (!report.failure) {
      const now = after ? `the service serves ${formatSplit(servingSplit(after))} (read back)` : 'the service could not be read back';
      report.rollback.result = `started on cancellation, not confirmed${waitProblem ? ` (${waitProblem})` : ''}: ${now}`;
      report.failure = `cancelled while traffic moved; putting it back on ${to} was started but not confirmed: ${now}`;
    }
  } else {
    const svc = await api.getService(name).catch(() => undefined);
    if (svc) report.trafficAfter = servingSplit(svc);
    report.failure = `cancelled before traffic moved${svc ? `: the service serves ${formatSplit(servingSplit(svc))} (read back)` : ''}`;
  }
  deps.logger.warning(report.failure);
}

/** The revision's conditions as Cloud Run reports them (read after the wait, not remembered from it). */
function readConditions(revision: Revision | undefined): NonNullable<DeployReport['revisionConditions']> {
  return (revision?.conditions ?? []).map((c) => ({ type: c.type ?? '', state: stateWord(c.state), message: c.message ?? '' }));
}

function recordRevisionFailure(report: DeployReport, revision: Revision | undefined, deps: Deps, opts: CloudRunDeployOptions, revisionName: string): void {
  report.revisionConditions = readConditions(revision);
  report.logsUrl = revisionLogsUrl(opts.project, opts.region, opts.service, revisionName);
  for (const c of report.revisionConditions.filter((x) => x.state !== 'succeeded')) deps.logger.error(`  ${c.type}: ${c.state}${c.message ? ` — ${c.message}` : ''}`);
  deps.logger.error(`  logs: ${report.logsUrl}`);
}

function sameServing(a: ReturnType<typeof servingSplit>, b: ReturnType<typeof servingSplit>): boolean {
  const norm = (s: ReturnType<typeof servingSplit>) => {
    const m = new Map<string, number>();
    for (const t of s) if (t.revision && t.percent > 0) m.set(t.revision, (m.get(t.revision) ?? 0) + t.percent);
    return JSON.stringify([...m.entries()].sort());
  };
  return norm(a) === norm(b);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
