/** The deploy report (JSON output `report`) and the job summary built from it. */
import { codeSpan, formatDuration, md, type SummaryBuilder } from '@ml-deploy/action-kit';
import { cloudRunConsoleUrl } from '../names';
import type { ServingTarget } from '../traffic';

export type DeployResult = 'deployed' | 'rolled-back' | 'failed' | 'superseded' | 'cancelled';

export interface DeployReport {
  project: string | undefined;
  region: string;
  service: string;
  result: DeployResult;
  startedAt: string;
  durationMs?: number;
  mode: 'create' | 'new-revision' | 'existing-revision';
  revision?: string | undefined;
  previousRevision?: string | undefined;
  image?: string | undefined;
  imageDigest?: string | undefined;
  url?: string | undefined;
  tag?: string | undefined;
  tagUrl?: string | undefined;
  changes: string[];
  trafficBefore: ServingTarget[];
  trafficAfter?: ServingTarget[];
  /** Condition changes seen while waiting, in order. */
  conditions: Array<{ at: string; line: string }>;
  /** The revision's conditions as Cloud Run reported them after the wait (the new one, or the one routed to). */
  revisionConditions?: Array<{ type: string; state: string; message: string }>;
  logsUrl?: string | undefined;
  failure?: string;
  error?: string;
  /** Putting traffic back; `confirmed` only when the service, read back, serves what it served before. */
  rollback?: { to: string; result: string; confirmed?: boolean };
  apiCalls: Record<string, number>;
}

const MODE: Record<DeployReport['mode'], string> = {
  create: 'new service',
  'new-revision': 'new revision',
  'existing-revision': 'existing revision (traffic only, nothing created)',
};

const HEADLINE: Record<DeployResult, ['ok' | 'failed' | 'warning' | 'rolled-back' | 'cancelled', string]> = {
  deployed: ['ok', 'Deployed'],
  'rolled-back': ['rolled-back', 'Deploy failed; traffic was put back on the previous revision'],
  superseded: ['failed', 'Superseded by another deploy before this one finished; nothing was rolled back'],
  cancelled: ['cancelled', 'Cancelled'],
  failed: ['failed', 'Deploy failed'],
};

export function writeSummary(summary: SummaryBuilder, r: DeployReport): void {
  const [kind, text] = HEADLINE[r.result];
  summary.heading(`deploy-cloud-run: ${r.service}`, 2);
  summary.status(kind, `**${text}**${r.durationMs !== undefined ? ` in ${formatDuration(r.durationMs)}` : ''}`);
  const link = r.project ? cloudRunConsoleUrl(r.project, r.region, r.service) : undefined;
  summary.keyValues([
    ['Service', link ? md(`[${r.service}](${link})`) : r.service],
    ['Project / region', r.project ? `${r.project} / ${r.region}` : r.region],
    ['Deploy', MODE[r.mode]],
    ['Revision', r.revision ? codeSpan(r.revision) : undefined],
    ['Previous revision', r.previousRevision ? codeSpan(r.previousRevision) : undefined],
    ['Image', r.image ? codeSpan(r.image) : undefined],
    ['Image digest', r.imageDigest ? codeSpan(r.imageDigest) : undefined],
    ['URL', r.url ? md(`<${r.url}>`) : undefined],
    ['Tag URL', r.tagUrl ? md(`<${r.tagUrl}> (tag ${codeSpan(r.tag ?? '').markdown})`) : undefined],
    ['Changes', r.changes.length ? md(r.changes.map((c) => codeSpan(c).markdown).join('<br>')) : undefined],
  ]);
  const rows = (split: ServingTarget[] | undefined) => (split ?? []).filter((t) => t.percent > 0 || t.tag);
  if (r.trafficBefore.length || r.trafficAfter?.length) {
    summary.heading('Traffic', 3);
    const before = rows(r.trafficBefore);
    const after = rows(r.trafficAfter);
    const names = [...new Set([...before, ...after].map((t) => t.revision ?? '(none)'))];
    summary.table(
      ['Revision', 'Before', 'After (read back from the service)', 'Tag'],
      names.map((n) => {
        const b = before.filter((t) => (t.revision ?? '(none)') === n).reduce((a, t) => a + t.percent, 0);
        const a = after.filter((t) => (t.revision ?? '(none)') === n).reduce((x, t) => x + t.percent, 0);
        const tags = [...before, ...after].filter((t) => (t.revision ?? '(none)') === n && t.tag).map((t) => t.tag);
        return [codeSpan(n), `${b}%`, r.trafficAfter ? `${a}%` : 'not read', [...new Set(tags)].join(', ')];
      }),
    );
  }
  if (r.revisionConditions?.length) {
    summary.heading('Revision conditions', 3);
    summary.paragraph(`As Cloud Run reported them for ${codeSpan(r.revision ?? '').markdown} after the wait.`);
    summary.table(
      ['Condition', 'State', 'Message'],
      r.revisionConditions.map((c) => [c.type, `${STATE_ICON[c.state] ?? ''}${c.state}`, c.message]),
    );
    if (r.logsUrl) summary.paragraph(`[Logs of revision ${escapeCell(r.revision ?? '')}](${r.logsUrl})`);
  }
  if (r.failure || (r.error && r.result !== 'deployed')) {
    summary.heading('What went wrong', 3);
    summary.paragraph(`> ${escapeCell(r.failure ?? r.error ?? '')}`);
  }
  if (r.rollback) {
    summary.heading('Rollback', 3);
    summary.keyValues([
      ['Putting traffic back on', codeSpan(r.rollback.to)],
      ['Confirmed (read back)', r.rollback.confirmed ? 'yes' : 'no'],
      ['Result', r.rollback.result],
    ]);
  }
  summary.heading('Next', 3);
  summary.paragraph(nextStep(r));
  if (r.conditions.length) {
    summary.details(
      `Service conditions while waiting (${r.conditions.length})`,
      ['| Time | Conditions |', '| --- | --- |', ...r.conditions.slice(-30).map((c) => `| ${c.at} | ${escapeCell(c.line)} |`)].join('\n'),
    );
  }
  const calls = Object.entries(r.apiCalls);
  if (calls.length) {
    summary.details(`Cloud Run API calls (${calls.reduce((a, [, n]) => a + n, 0)})`, ['| Call | Count |', '| --- | --- |', ...calls.map(([k, n]) => `| ${k} | ${n} |`)].join('\n'));
  }
}

const STATE_ICON: Record<string, string> = { succeeded: '✅ ', failed: '❌ ', reconciling: '⏳ ', pending: '⏳ ' };

function nextStep(r: DeployReport): string {
  switch (r.result) {
    case 'deployed':
      return r.tagUrl && !(r.trafficAfter ?? []).some((t) => t.revision === r.revision && t.percent > 0)
        ? 'The revision takes no traffic yet: test it at its tag URL, then promote it with `revision:` (or let canary-gate shift traffic).'
        : 'Watch the service metrics; to go back, run this action with `revision:` set to the previous revision.';
    case 'rolled-back':
    case 'failed':
      return 'Read the revision conditions and logs above, fix the image or settings, and deploy again. What serves now is in the Traffic table.';
    case 'superseded':
      return 'Someone else deployed this service meanwhile; check which revision serves before deploying again.';
    case 'cancelled':
      return 'The traffic table shows what serves now; deploy again when ready.';
  }
}

function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
