/** The deploy report (JSON output `report`) and the job summary built from it. */
import { codeSpan, formatDuration, md, type SummaryBuilder } from '@ml-deploy/action-kit';
import { ecsConsoleUrl, parseTaskDefinitionRef } from '../arn';
import type { StoppedTaskGroup } from './diagnosis';
import type { ExtraRevision } from './registration';
import type { HookRecord, LifecycleEvent } from './strategy';

export type DeployResult =
  | 'deployed' // this deployment completed
  | 'registered' // no service: the task definition was registered only
  | 'started' // wait-for-deployment: false
  | 'rolled-back' // failed, and the previous task definition serves again
  | 'superseded' // another deployment replaced ours; nothing rolled back
  | 'cancelled'
  | 'failed';

/** What the service runs after the step, as ECS reported it (DescribeServices afterwards). */
export interface ServingNow {
  taskDefinitionArn: string | undefined;
  /** The PRIMARY deployment's, when it differs from the service's task definition. */
  primaryTaskDefinitionArn?: string | undefined;
  deploymentId: string | undefined;
  rolloutState: string | undefined;
  runningCount: number | undefined;
  desiredCount: number | undefined;
  observedAt: string;
}

/** The `result` output, the same four values as every deploy action (deploy-cloud-run too). */
export type ResultOutput = 'deployed' | 'rolled-back' | 'failed' | 'superseded' | 'registered' | 'started';

/**
 * `deployed`, `rolled-back` (ECS reports the previous revision serving again), `failed` or
 * `superseded`; and, for modes that deploy nothing to wait for, `registered` (no service) and
 * `started` (wait-for-deployment: false). Cancelled counts as `rolled-back` only when ECS already
 * reports the rollback finished, else `failed`.
 */
export function resultOutput(r: Pick<DeployReport, 'result' | 'servingNow' | 'previousTaskDefinitionArn'>): ResultOutput {
  if (r.result !== 'cancelled') return r.result;
  const s = r.servingNow;
  return s && s.taskDefinitionArn === r.previousTaskDefinitionArn && s.rolloutState === 'COMPLETED' ? 'rolled-back' : 'failed';
}

/** Whether the report's task definition is what this step put in service (or registered, or started). */
export function deployedIt(r: Pick<DeployReport, 'result'>): boolean {
  return r.result === 'deployed' || r.result === 'registered' || r.result === 'started';
}

export interface DeployReport {
  cluster: string;
  service: string | undefined;
  result: DeployResult;
  startedAt: string;
  durationMs?: number;
  taskDefinitionArn?: string | undefined;
  revision?: number | undefined;
  previousTaskDefinitionArn?: string | undefined;
  previousRevision?: number | undefined;
  deploymentId?: string | undefined;
  container?: string | undefined;
  image?: string | undefined;
  imageDigest?: string | undefined;
  runningCount?: number | undefined;
  desiredCount?: number | undefined;
  changes: string[];
  /** Nothing was registered: the family's newest ACTIVE revision was identical and is used. */
  reusedRevision?: boolean;
  /** Revisions a retried or lost RegisterTaskDefinition call made besides the one used. */
  extraRevisions?: ExtraRevision[];
  events: Array<{ id: string; at: string | undefined; message: string }>;
  stoppedTasks: string[];
  /** The stopped tasks grouped by reason, with a next step and links (one annotation each). */
  stoppedTaskGroups?: StoppedTaskGroup[];
  /** What the service runs after the step, as ECS reports it; claims are checked against it. */
  servingNow?: ServingNow | undefined;
  failure?: string;
  error?: string;
  rollback?: {
    deploymentId: string | undefined;
    taskDefinitionArn: string;
    /** ecs: ECS's own rollback of a BLUE_GREEN/LINEAR/CANARY deployment (failed hook, circuit breaker). */
    /** other: a deployment deploy-ecs did not start, while ECS reports the circuit breaker off. */
    startedBy: 'ecs-circuit-breaker' | 'ecs' | 'deploy-ecs' | 'other';
    result: string;
  };
  /** ROLLING, BLUE_GREEN, LINEAR or CANARY: the strategy this deployment used. */
  strategy?: string | undefined;
  /** Changes deploy-ecs made to the service's configuration (circuit breaker, strategy, hooks...). */
  serviceChanges?: string[];
  /** BLUE_GREEN/LINEAR/CANARY: ECS's service deployment, its lifecycle stages and hooks as seen. */
  serviceDeploymentArn?: string | undefined;
  lifecycle?: LifecycleEvent[];
  hooks?: HookRecord[];
}

const HEADLINE: Record<DeployResult, ['ok' | 'failed' | 'warning' | 'rolled-back' | 'cancelled', string]> = {
  deployed: ['ok', 'Deployed'],
  registered: ['ok', 'Task definition registered (no service given)'],
  started: ['warning', 'Deployment started, not waited for (wait-for-deployment: false)'],
  'rolled-back': ['rolled-back', 'Deployment failed and was rolled back'],
  superseded: ['failed', 'Deployment superseded by another one before it completed'],
  cancelled: ['cancelled', 'Cancelled'],
  failed: ['failed', 'Deployment failed'],
};

function shortTd(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const { family, revision } = parseTaskDefinitionRef(arn);
  return revision !== undefined ? `${family}:${revision}` : family;
}

export function writeSummary(summary: SummaryBuilder, r: DeployReport, region: string | undefined): void {
  const [kind, text] = HEADLINE[r.result];
  summary.heading(`deploy-ecs: ${r.service ?? shortTd(r.taskDefinitionArn) ?? 'task definition'}`, 2);
  summary.status(kind, `**${text}**${r.durationMs !== undefined ? ` in ${formatDuration(r.durationMs)}` : ''}`);
  const link = r.service ? ecsConsoleUrl(region, r.cluster, r.service) : undefined;
  summary.keyValues([
    ['Cluster', r.cluster],
    ['Service', r.service ? (link ? md(`[${r.service}](${link})`) : r.service) : undefined],
    [
      deployedIt(r) ? 'Task definition' : 'Attempted task definition',
      r.taskDefinitionArn
        ? md(`${codeSpan(shortTd(r.taskDefinitionArn)!).markdown}${r.reusedRevision ? ' (identical revision re-used, nothing registered)' : ''}${deployedIt(r) ? '' : ' (attempted, not deployed)'}`)
        : undefined,
    ],
    ['Previous', r.previousTaskDefinitionArn ? codeSpan(shortTd(r.previousTaskDefinitionArn)!) : undefined],
    ['Serving now (as ECS reports)', r.servingNow && !deployedIt(r) ? servingText(r.servingNow) : undefined],
    ['Container', r.container],
    ['Image', r.image ? codeSpan(r.image) : undefined],
    ['Image digest', r.imageDigest ? codeSpan(r.imageDigest) : undefined],
    ['Deployment', r.deploymentId ? codeSpan(r.deploymentId) : undefined],
    ['Tasks', r.runningCount !== undefined ? `${r.runningCount}/${r.desiredCount} running` : undefined],
    ['Changes', r.changes.length ? md(r.changes.map((c) => codeSpan(c).markdown).join('<br>')) : undefined],
    ['Strategy', r.strategy && r.strategy !== 'ROLLING' ? r.strategy : undefined],
    ['Service deployment', r.serviceDeploymentArn ? codeSpan(r.serviceDeploymentArn) : undefined],
    ['Service configuration changed', r.serviceChanges?.length ? md(r.serviceChanges.map((c) => codeSpan(c).markdown).join('<br>')) : undefined],
  ]);
  if (r.lifecycle?.length) {
    summary.heading('Lifecycle', 3);
    summary.paragraph(
      [
        '| Time | Status | Stage | Production traffic on new | Test traffic on new |',
        '| --- | --- | --- | --- | --- |',
        ...r.lifecycle.map((e) => `| ${e.at} | ${e.status} | ${e.stage ?? ''} | ${e.productionTraffic !== undefined ? `${e.productionTraffic} %` : ''} | ${e.testTraffic !== undefined ? `${e.testTraffic} %` : ''} |`),
      ].join('\n'),
    );
  }
  if (r.hooks?.length) {
    summary.heading('Lifecycle hooks', 3);
    summary.paragraph(
      ['| Stage | Hook | Result | At |', '| --- | --- | --- | --- |', ...r.hooks.map((h) => `| ${h.stage ?? ''} | ${escapeCell(h.targetArn ?? h.hookId)} | ${h.status} | ${h.at} |`)].join('\n'),
    );
  }
  if (r.failure || (r.error && r.result !== 'deployed')) {
    summary.heading('What went wrong', 3);
    summary.paragraph(codeSpanBlock(r.failure ?? r.error ?? ''));
  }
  if (r.extraRevisions?.length) {
    summary.heading('Other revisions this run registered', 3);
    summary.list(r.extraRevisions.map((e) => md(`${codeSpan(shortTd(e.taskDefinitionArn)!).markdown}: **${e.action}**: ${escapeCell(e.reason)}`)));
  }
  if (r.stoppedTaskGroups?.length) {
    summary.heading('Stopped tasks', 3);
    summary.table(
      ['Tasks', 'Reason', 'Next step', 'Links'],
      r.stoppedTaskGroups.map((g) => [
        String(g.count),
        g.reason,
        g.hint ?? '',
        md(
          [
            ...(g.taskLinks ?? []).map((u, i) => `[task ${escapeCell(g.taskIds[i] ?? String(i + 1)).slice(0, 8)}](${u})`),
            ...(g.logLinks ?? []).map((u, i) => `[log ${i + 1}](${u})`),
          ].join(' '),
        ),
      ]),
    );
    summary.details(`Stopped tasks (${r.stoppedTasks.length})`, r.stoppedTasks.map((t) => `- ${escapeCell(t)}`).join('\n'));
  } else if (r.stoppedTasks.length) {
    summary.heading('Stopped tasks', 3);
    summary.list(r.stoppedTasks);
  }
  if (r.rollback) {
    summary.heading('Rollback', 3);
    summary.keyValues([
      ['Restored task definition', codeSpan(shortTd(r.rollback.taskDefinitionArn)!)],
      ['Started by', STARTED_BY[r.rollback.startedBy]],
      ['Deployment', r.rollback.deploymentId ? codeSpan(r.rollback.deploymentId) : undefined],
      ['Result', r.rollback.result],
      // A rollback puts the task definition back, not the service's configuration.
      [
        'Service configuration kept',
        r.serviceChanges?.length ? md(`${r.serviceChanges.map((c) => codeSpan(c).markdown).join('<br>')}<br>(not undone by the rollback; set it back with the inputs, or your infrastructure code)`) : undefined,
      ],
    ]);
  }
  if (r.events.length) {
    summary.details(
      `Service events (${r.events.length})`,
      ['| Time | Event |', '| --- | --- |', ...r.events.slice(-20).map((e) => `| ${e.at ?? ''} | ${escapeCell(e.message)} |`)].join('\n'),
    );
  }
}

const STARTED_BY: Record<NonNullable<DeployReport['rollback']>['startedBy'], string> = {
  'ecs-circuit-breaker': 'the ECS deployment circuit breaker',
  ecs: 'ECS (its own rollback of the service deployment)',
  'deploy-ecs': 'deploy-ecs',
  other: 'a deployment not started by deploy-ecs (ECS reports the circuit breaker off)',
};

function servingText(s: ServingNow) {
  const td = s.taskDefinitionArn ? codeSpan(shortTd(s.taskDefinitionArn)!).markdown : 'no task definition';
  const dep = s.deploymentId ? `, PRIMARY deployment ${codeSpan(s.deploymentId).markdown}${s.rolloutState ? ` ${s.rolloutState}` : ''}` : '';
  const counts = s.runningCount !== undefined ? `, ${s.runningCount}/${s.desiredCount} running` : '';
  const odd = s.primaryTaskDefinitionArn ? ` (its PRIMARY deployment runs ${codeSpan(shortTd(s.primaryTaskDefinitionArn)!).markdown})` : '';
  return md(`${td}${odd}${dep}${counts}`);
}

function codeSpanBlock(text: string): string {
  return `> ${escapeCell(text)}`;
}

function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
