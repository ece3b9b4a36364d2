/**
 * Cloud Run traffic, runner-free: read what serves now, set a split and wait until it routes, and
 * resolve tag URLs. deploy-cloud-run uses it, and the canary gate shifts traffic between revisions
 * through it. Every claim it returns comes from re-reading the service after the change.
 */
import { type Clock, type Logger, pollUntil, systemClock, UserError } from '@ml-deploy/action-kit';
import type { CloudRunApi, OperationState, Service, TrafficTarget } from './cloud-run-api';
import { shortName } from './names';
import { cloudRunProtoRoot, writableCopy } from './proto-json';

export const LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' as const;
export const REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION' as const;

/** One line of what serves: a revision (LATEST resolved), its share, and its tag and URL if any. */
export interface ServingTarget {
  revision: string | undefined;
  percent: number;
  tag?: string;
  uri?: string;
  /** The target follows the latest ready revision. */
  latest: boolean;
}

/** A split to set: `revision` is a revision's short name, or 'LATEST'. */
export interface SplitEntry {
  revision: string;
  percent: number;
  tag?: string;
}

const isLatest = (type: unknown) => type === LATEST || type === 1;

/** What serves now, from the service's trafficStatuses, LATEST resolved through latestReadyRevision. */
export function servingSplit(service: Service): ServingTarget[] {
  const latestReady = shortName(service.latestReadyRevision);
  return (service.trafficStatuses ?? []).map((t) => {
    const latest = isLatest(t.type);
    return {
      revision: latest ? latestReady : shortName(t.revision) || undefined,
      percent: t.percent ?? 0,
      ...(t.tag ? { tag: t.tag } : {}),
      ...(t.uri ? { uri: t.uri } : {}),
      latest,
    };
  });
}

/** Revisions that receive traffic now, with their total share. */
export function servingRevisions(service: Service): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of servingSplit(service)) if (t.revision && t.percent > 0) out.set(t.revision, (out.get(t.revision) ?? 0) + t.percent);
  return out;
}

/** Tag → URL, from what routes now. */
export function tagUrls(service: Service): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of service.trafficStatuses ?? []) if (t.tag && t.uri) out.set(t.tag, t.uri);
  return out;
}

/** The current split pinned to revision names (LATEST resolved), tags kept: the "put it back" target. */
export function pinnedTraffic(service: Service): TrafficTarget[] {
  return servingSplit(service)
    .filter((t) => t.revision && (t.percent > 0 || t.tag))
    .map((t) => ({ type: REVISION, revision: t.revision!, percent: t.percent, ...(t.tag ? { tag: t.tag } : {}) }));
}

/** Turns a split into traffic targets; tags already on the service stay on their revisions at 0 %. */
export function trafficFor(split: SplitEntry[], keepTagsOf?: Service): TrafficTarget[] {
  const targets: TrafficTarget[] = split.map((e) =>
    e.revision === 'LATEST'
      ? { type: LATEST, percent: e.percent, ...(e.tag ? { tag: e.tag } : {}) }
      : { type: REVISION, revision: e.revision, percent: e.percent, ...(e.tag ? { tag: e.tag } : {}) },
  );
  if (keepTagsOf) {
    const used = new Set(targets.map((t) => t.tag).filter(Boolean));
    for (const t of servingSplit(keepTagsOf)) {
      if (!t.tag || used.has(t.tag) || !t.revision) continue;
      const same = targets.find((x) => x.revision === t.revision && !x.tag && x.type === REVISION);
      if (same) same.tag = t.tag;
      else targets.push({ type: REVISION, revision: t.revision, percent: 0, tag: t.tag });
      used.add(t.tag);
    }
  }
  return targets;
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  logger?: Logger;
  /** Called with each operation state seen (metadata is the Service as it reconciles). */
  onState?: (op: OperationState) => void;
}

/** Waits for a Cloud Run long-running operation, printing condition changes; throws DeadlineError. */
export async function waitForOperation(api: CloudRunApi, operation: string, opts: WaitOptions): Promise<OperationState> {
  const clock = opts.clock ?? systemClock;
  let lastLine = '';
  let lastPrinted = clock.now();
  return pollUntil(
    async () => {
      const op = await api.getOperation(operation);
      opts.onState?.(op);
      if (op.done) return { done: true, value: op };
      const line = describeConditions(op.metadata);
      // A line that has not changed is printed again every 30 s, so a long wait never looks hung.
      if (line !== lastLine) {
        lastLine = line;
        lastPrinted = clock.now();
      } else if (clock.now() - lastPrinted >= 30_000) {
        lastPrinted = clock.now();
        opts.logger?.info(`still waiting: ${line}`);
      }
      return { done: false, progress: line };
    },
    {
      what: `operation ${shortName(operation)}`,
      timeoutMs: opts.timeoutMs,
      intervalMs: opts.intervalMs ?? 2000,
      maxIntervalMs: 15_000,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (line) => opts.logger?.info(line),
    },
  );
}

/** `Ready: reconciling; ConfigurationsReady: pending (Creating Revision x.)`, for progress lines. */
export function describeConditions(service: Service | undefined): string {
  if (!service) return 'waiting';
  const all = [service.terminalCondition, ...(service.conditions ?? [])].filter((c) => c?.type);
  return all.map((c) => `${c!.type}: ${stateWord(c!.state)}${c!.message ? ` (${c!.message})` : ''}`).join('; ') || 'waiting';
}

export function stateWord(state: unknown): string {
  // Operation metadata (an Any) decodes enums as numbers: name them from the protos.
  const s = typeof state === 'number' ? (cloudRunProtoRoot().lookupEnum('google.cloud.run.v2.Condition.State').valuesById[state] ?? String(state)) : String(state ?? '');
  return s.replace(/^CONDITION_/, '').toLowerCase() || 'unknown';
}

export interface SetSplitResult {
  before: ServingTarget[];
  after: ServingTarget[];
  service: Service;
}

/**
 * Sets the service's traffic to `split` (revision names, 'LATEST', tags), waits until it routes,
 * and returns what serves before and after, read back from the service. Tags already on other
 * revisions are kept. A split that does not add up to 100 is refused before any call.
 */
export async function setSplit(api: CloudRunApi, serviceName: string, split: SplitEntry[], opts: WaitOptions): Promise<SetSplitResult> {
  const sum = split.reduce((a, e) => a + e.percent, 0);
  if (sum !== 100) throw new UserError(`traffic split adds up to ${sum}, not 100: ${split.map((e) => `${e.revision}=${e.percent}`).join(',')}`);
  const current = await api.getService(serviceName);
  if (!current) throw new UserError(`service ${serviceName} does not exist`);
  const before = servingSplit(current);
  const body = writableCopy<Service>('google.cloud.run.v2.Service', current);
  body.name = serviceName;
  body.traffic = trafficFor(split, current);
  const op = await api.updateService(body);
  const done = await waitForOperation(api, op, opts);
  const after = await api.getService(serviceName);
  if (!after) throw new Error(`service ${serviceName} disappeared while its traffic was being set`);
  if (done.error && !done.error.message?.includes('is not ready')) {
    throw new UserError(`setting traffic of ${shortName(serviceName)} failed: ${done.error.message}`);
  }
  return { before, after: servingSplit(after), service: after };
}

/** The current split (what serves), read from the service. */
export async function readSplit(api: CloudRunApi, serviceName: string): Promise<ServingTarget[]> {
  const svc = await api.getService(serviceName);
  if (!svc) throw new UserError(`service ${serviceName} does not exist`);
  return servingSplit(svc);
}

/** `a=90 (tag x), b=10` for logs and summaries. */
export function formatSplit(split: ServingTarget[]): string {
  return (
    split
      .filter((t) => t.percent > 0 || t.tag)
      .map((t) => `${t.revision ?? '(none)'}${t.latest ? ' (LATEST)' : ''}=${t.percent}%${t.tag ? ` tag ${t.tag}` : ''}`)
      .join(', ') || 'no traffic'
  );
}
