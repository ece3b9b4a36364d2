/**
 * Several ECS services in one step: every service is checked before anything changes; a task
 * definition file is rendered and registered once and that revision goes to every service (without
 * a file, each service's revision is rendered from what it runs now, with its own container); the
 * services roll out in parallel, each with the single-service deploy's wait, diagnosis and
 * rollback; when one fails and `rollbackScope` is `all`, the services that did move are put back
 * on their previous revision too, and waited for. Runner-free, like the single-service deploy.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { CancelledError, codeSpan, type Logger, md, type SummaryBuilder, toError, UserError } from '@ml-deploy/action-kit';
import { ecsConsoleUrl, parseTaskDefinitionRef } from '../arn';
import { checkServiceDeployable, DeploymentFailedError, deployEcsService, SiblingFailedError, type EcsDeployDeps, type EcsDeployOptions, newDeployReport, settleFailedReport } from './deploy';
import { applyChanges, imageDigest, normaliseTaskDefinition, type Rendered } from './render';
import { registerTaskDefinitionOnce, sameRegistration } from './registration';
import { type DeployReport, type DeployResult, deployedIt, resultOutput, writeSummary } from './report';
import { checkClaimsAgainstEcs } from './serving';
import { planServiceConfiguration } from './strategy';
import { assertTaskDefinition } from './task-definition-check';

/** One service of a multi-service deploy, with the container whose image changes in it. */
export interface ServiceTarget {
  service: string;
  /** Overrides `render.containerName` for this service (rendering from what it runs now). */
  containerName?: string | undefined;
}

/**
 * `all`: when any service fails, every service this step moved goes back to its previous revision
 * (the default: the services of one release stay on one version). `failed`: only the failed one
 * is rolled back (by its own deploy, when `rollbackOnFailure`), the others keep the new revision.
 */
export type RollbackScope = 'all' | 'failed';

export interface MultiDeployReport {
  cluster: string;
  /** deployed when every service deployed; otherwise the worst of the services' results. */
  result: DeployResult;
  startedAt: string;
  durationMs?: number;
  rollbackScope: RollbackScope;
  /** The revision registered once from a task definition file, deployed to every service. */
  taskDefinitionArn?: string | undefined;
  /** A failure before any service was touched (registration, a service not found). */
  error?: string;
  services: DeployReport[];
}

/** Per-service outputs, as the `services` output (JSON) holds them. */
export function serviceOutputs(r: DeployReport): Record<string, string | number | undefined> {
  const deployed = deployedIt(r);
  return {
    result: resultOutput(r),
    // The revision this step put in service; a failed one is only ever named as attempted.
    'task-definition-arn': deployed ? r.taskDefinitionArn : undefined,
    revision: deployed ? r.revision : undefined,
    'attempted-task-definition-arn': r.taskDefinitionArn,
    'attempted-revision': r.revision,
    'serving-task-definition-arn': r.servingNow?.taskDefinitionArn,
    'previous-task-definition-arn': r.previousTaskDefinitionArn,
    'previous-revision': r.previousRevision,
    'deployment-id': r.deploymentId,
    'image-digest': r.imageDigest,
  };
}

/** Where several results meet, the one that says most about what the user must look at. */
const SEVERITY: DeployResult[] = ['failed', 'cancelled', 'superseded', 'rolled-back', 'started', 'registered', 'deployed'];

function overall(results: DeployResult[]): DeployResult {
  for (const r of SEVERITY) if (results.includes(r)) return r;
  return 'failed';
}

/** A logger that prefixes every line with the service, and does not open groups (they would interleave). */
function serviceLogger(logger: Logger, service: string): Logger {
  const p = `[${service}] `;
  return {
    debug: (m) => logger.debug(p + m),
    info: (m) => logger.info(p + m),
    warning: (m) => logger.warning(p + m),
    error: (m) => logger.error(p + m),
    async group(title, fn) {
      logger.info(p + title);
      return fn();
    },
  };
}

/**
 * Deploys `opts` to every service of `targets` (opts.service is ignored), filling `report` as it
 * goes. Throws DeploymentFailedError when any service did not deploy, CancelledError when
 * `deps.signal` fired, and the API's explained errors when a check before any change failed.
 */
export async function deployEcsServices(
  opts: EcsDeployOptions,
  targets: ServiceTarget[],
  rollbackScope: RollbackScope,
  deps: EcsDeployDeps,
  report: MultiDeployReport,
): Promise<void> {
  const { api, logger } = deps;
  const names = targets.map((t) => t.service);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new UserError(`service '${dup}' is listed twice (input 'service')`);
  report.services = targets.map((t) => newDeployReport({ cluster: opts.cluster, service: t.service }, deps.clock.now()));

  // 1. Every service exists and is deployable before anything changes anywhere.
  const before = new Map<string, Service>();
  const renders: Array<Rendered | undefined> = [];
  for (const t of targets) {
    const service = await api.describeService(opts.cluster, t.service);
    checkServiceDeployable(service, opts.cluster);
    planServiceConfiguration(service, opts.circuitBreaker, opts.strategy ?? {}, opts.serviceTagging);
    let rendered: Rendered | undefined;
    if (!opts.taskDefinitionFile && !opts.taskDefinitionRef) {
      // Rendered from what it runs now: rendered and checked here, so a container missing from
      // one service's task definition stops the step before any service moved.
      const current = service.taskDefinition!;
      const { taskDefinition, tags } = await api.describeTaskDefinition(current);
      const source = { label: `task definition ${current} that service '${t.service}' runs` };
      rendered = applyChanges(normaliseTaskDefinition({ taskDefinition, tags }, source), { ...opts.render, containerName: t.containerName ?? opts.render.containerName });
      assertTaskDefinition(rendered.taskDefinition, source, { stage: 'rendered', region: deps.region });
    }
    renders.push(rendered);
    before.set(t.service, service);
  }
  logger.info(`${targets.length} services in cluster '${opts.cluster}': ${names.join(', ')}`);
  throwIfAborted(deps.signal);

  // 2. Register before any rollout, one after another, each distinct task definition once:
  //    services whose renderings are the same share one revision (registered in parallel, the
  //    copies would look like the duplicates a lost answer leaves, and be deregistered).
  const refs: Array<string | undefined> = targets.map(() => opts.taskDefinitionRef);
  if (opts.taskDefinitionFile) {
    const reg = newDeployReport({ cluster: opts.cluster, service: undefined }, deps.clock.now());
    await deployEcsService({ ...opts, service: undefined }, { ...deps, setOutput: () => undefined }, reg);
    report.taskDefinitionArn = reg.taskDefinitionArn;
    logger.info(`registered once for all ${targets.length} services: ${reg.taskDefinitionArn}${reg.changes.length ? ` (${reg.changes.join('; ')})` : ''}`);
    report.services.forEach((r, i) => {
      refs[i] = reg.taskDefinitionArn;
      Object.assign(r, { changes: [...reg.changes], container: reg.container, image: reg.image, imageDigest: reg.imageDigest });
      if (reg.extraRevisions) r.extraRevisions = reg.extraRevisions;
    });
  } else if (!opts.taskDefinitionRef) {
    const done: Array<{ td: Rendered['taskDefinition']; arn: string }> = [];
    for (const [i, rendered] of renders.entries()) {
      const r = report.services[i]!;
      Object.assign(r, { changes: rendered!.changes, container: rendered!.containerName, image: rendered!.image, imageDigest: imageDigest(rendered!.image) });
      const same = done.find((d) => sameRegistration(d.td, rendered!.taskDefinition));
      if (same) {
        refs[i] = same.arn;
        r.taskDefinitionArn = same.arn;
        logger.info(`[${targets[i]!.service}] the same task definition as another service: ${same.arn}`);
        continue;
      }
      const reg = await registerTaskDefinitionOnce(api, rendered!.taskDefinition, serviceLogger(logger, targets[i]!.service));
      const arn = reg.taskDefinition.taskDefinitionArn!;
      // Named at once: if a later registration fails, this revision stays registered, and the
      // summary names it (as attempted) on its service's row.
      r.taskDefinitionArn = arn;
      r.revision = reg.taskDefinition.revision;
      if (reg.extra.length) r.extraRevisions = reg.extra;
      if (reg.reused) r.reusedRevision = true;
      if (!reg.reused) logger.info(`[${targets[i]!.service}] registered ${arn}`);
      done.push({ td: rendered!.taskDefinition, arn });
      refs[i] = arn;
    }
  }

  // 3. In parallel, each with the single-service deploy (wait, diagnosis, its own rollback). With
  //    rollback-scope all, the first failure stops the others' waits: they roll back at once
  //    instead of finishing a rollout that will be undone.
  const stopAll = new AbortController();
  const failFast = rollbackScope === 'all' && opts.rollbackOnFailure;
  const signal = deps.signal ? AbortSignal.any([deps.signal, stopAll.signal]) : stopAll.signal;
  const stoppedBySibling = new Set<string>();
  const settled = await Promise.allSettled(
    targets.map(async (t, i) => {
      const r = report.services[i]!;
      const keep = { changes: r.changes, container: r.container, image: r.image, imageDigest: r.imageDigest };
      const perService: EcsDeployOptions = { ...opts, service: t.service, taskDefinitionFile: undefined, taskDefinitionRef: refs[i] };
      try {
        await deployEcsService(perService, { ...deps, signal, logger: serviceLogger(logger, t.service), setOutput: () => undefined }, r);
      } catch (err) {
        const e = toError(err);
        settleFailedReport(r, e);
        const reason = stopAll.signal.reason as Error | undefined;
        if (stopAll.signal.aborted && reason && (r.failure === reason.message || e === reason)) stoppedBySibling.add(t.service);
        else if (failFast && !(e instanceof CancelledError) && !stopAll.signal.aborted) {
          logger.info(`'${t.service}' failed: stopping the other services' waits and rolling them back (rollback-scope: all)`);
          stopAll.abort(new SiblingFailedError(`stopped waiting because '${t.service}' failed (rollback-scope: all)`));
        }
        throw err;
      } finally {
        // Deployed by ARN, the single-service deploy does not know what was rendered: say it.
        if (opts.taskDefinitionRef === undefined) Object.assign(r, keep);
      }
    }),
  );
  const errors = settled.flatMap((s, i) => (s.status === 'rejected' && !stoppedBySibling.has(names[i]!) ? [{ service: names[i]!, error: toError(s.reason) }] : []));
  if (!errors.length) {
    report.result = overall(report.services.map((r) => r.result));
    return;
  }
  const cancelled = errors.find((e) => e.error instanceof CancelledError);

  // 4. One failed: put back the ones that moved, when asked.
  if (rollbackScope === 'all' && opts.rollbackOnFailure && !cancelled) {
    const why = `rolled back because ${errors.map((e) => `'${e.service}'`).join(', ')} failed (rollback-scope: all)`;
    const moved = report.services.filter((r) => (r.result === 'deployed' || r.result === 'started') && r.previousTaskDefinitionArn && r.previousTaskDefinitionArn !== r.taskDefinitionArn);
    await Promise.all(moved.map((r) => putBack(opts, deps, r, before.get(r.service!)!, why)));
  }
  report.result = overall(report.services.map((r) => r.result));
  if (cancelled) throw cancelled.error;
  const failedList = errors.map((e) => `${e.service}: ${e.error.message}`).join('; ');
  throw new DeploymentFailedError(
    `${errors.length} of ${targets.length} services failed (${failedList})${rollbackScope === 'all' && opts.rollbackOnFailure ? `; the others were put back: ${report.services.filter((r) => !errors.some((e) => e.service === r.service)).map((r) => `${r.service} ${r.result}`).join(', ') || 'none'}` : ''}`,
  );
}

/** Deploys the previous revision (and desired count) of a service that deployed, and waits for it. */
async function putBack(opts: EcsDeployOptions, deps: EcsDeployDeps, r: DeployReport, before: Service, why: string): Promise<void> {
  const log = serviceLogger(deps.logger, r.service!);
  log.info(`${why}: deploying ${r.previousTaskDefinitionArn} again`);
  const back = newDeployReport({ cluster: opts.cluster, service: r.service }, deps.clock.now());
  r.failure = why;
  try {
    await deployEcsService(
      {
        ...opts,
        service: r.service,
        taskDefinitionFile: undefined,
        taskDefinitionRef: r.previousTaskDefinitionArn,
        desiredCount: opts.desiredCount !== undefined ? before.desiredCount : undefined,
        forceNewDeployment: false,
        circuitBreaker: 'keep',
        strategy: {},
        serviceTagging: {},
        waitForDeployment: true,
        rollbackOnFailure: false,
        maxFailedTasks: undefined,
      },
      { ...deps, logger: log, setOutput: () => undefined, signal: undefined },
      back,
    );
    r.rollback = { deploymentId: back.deploymentId, taskDefinitionArn: r.previousTaskDefinitionArn!, startedBy: 'deploy-ecs', result: 'completed: the previous revision serves again' };
    r.result = 'rolled-back';
    r.servingNow = back.servingNow;
    checkClaimsAgainstEcs(r, log);
  } catch (err) {
    r.rollback = { deploymentId: back.deploymentId, taskDefinitionArn: r.previousTaskDefinitionArn!, startedBy: 'deploy-ecs', result: `not confirmed: ${toError(err).message}` };
    r.result = 'failed';
    r.servingNow = back.servingNow;
  }
  log.info(`put back: ${r.rollback.result}`);
}

const ICON: Record<DeployResult, string> = {
  deployed: '✅',
  registered: '✅',
  started: '⚠️',
  'rolled-back': '↩️',
  superseded: '❌',
  cancelled: '⏹️',
  failed: '❌',
};

function shortTd(arn: string | undefined): string {
  if (!arn) return '';
  const { family, revision } = parseTaskDefinitionRef(arn);
  return revision !== undefined ? `${family}:${revision}` : family;
}

/** One row per service, then each service's own summary. */
export function writeMultiSummary(summary: SummaryBuilder, r: MultiDeployReport, region: string | undefined): void {
  const ok = r.result === 'deployed';
  summary.heading(`deploy-ecs: ${r.services.length} services in ${r.cluster}`, 2);
  summary.status(ok ? 'ok' : r.result === 'rolled-back' ? 'rolled-back' : r.result === 'cancelled' ? 'cancelled' : 'failed', `**${ok ? 'Every service deployed' : `Not every service deployed (${r.result})`}**`);
  if (r.taskDefinitionArn) summary.paragraph(`One task definition registered for every service: ${codeSpan(shortTd(r.taskDefinitionArn)).markdown}`);
  if (r.error) summary.paragraph(`> ${r.error.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}`);
  const orphans = r.services.filter((s) => s.taskDefinitionArn && !s.deploymentId && s.taskDefinitionArn !== s.previousTaskDefinitionArn);
  if (orphans.length && r.result !== 'deployed') {
    const names = [...new Set(orphans.map((s) => shortTd(s.taskDefinitionArn)))];
    summary.paragraph(`Registered by this step and deployed to no service (left registered; deregister or deploy them): ${names.map((n) => codeSpan(n).markdown).join(', ')}`);
  }
  summary.table(
    ['Service', 'Result', 'Task definition', 'Previous', 'Deployment', 'Rollback'],
    r.services.map((s) => {
      const link = ecsConsoleUrl(region, r.cluster, s.service!);
      return [
        link ? md(`[${s.service}](${link})`) : s.service!,
        `${ICON[s.result]} ${s.result}`,
        s.taskDefinitionArn ? md(`${codeSpan(shortTd(s.taskDefinitionArn)).markdown}${deployedIt(s) ? '' : ' (attempted)'}`) : '',
        s.previousTaskDefinitionArn ? codeSpan(shortTd(s.previousTaskDefinitionArn)) : '',
        s.deploymentId ? codeSpan(s.deploymentId) : '',
        s.rollback ? `${s.rollback.startedBy}: ${s.rollback.result}` : '',
      ];
    }),
  );
  if (!ok && r.rollbackScope === 'failed') summary.paragraph('rollback-scope: failed — the services that deployed keep the new revision.');
  for (const s of r.services) writeSummary(summary, s, region);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
