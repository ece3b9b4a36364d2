/**
 * The verdict's explanation: the JSON report (every interval's observation and decision, and each
 * metric's estimate) and the job summary (tables, and a Mermaid chart of each metric over the
 * intervals).
 */
import { md, type SummaryBuilder } from '@ml-deploy/action-kit';
import { type CanaryAnalysis, type Decision, type IntervalObservation, type MetricExplanation, histogramQuantile } from '@ml-deploy/canary';

export type Verdict = 'promoted' | 'rolled-back' | 'failed' | 'paused';

export interface Report {
  verdict: Verdict;
  finalWeight: number;
  rule: string;
  policy: CanaryAnalysis['policy'];
  metrics: MetricExplanation[];
  intervals: Array<{ observation: IntervalObservation; decision: Decision }>;
  warnings: string[];
}

export function verdictOf(d: Decision | undefined): Verdict {
  return d?.action === 'promote' ? 'promoted' : d?.action === 'rollback' ? 'rolled-back' : 'failed';
}

export function buildReport(analysis: CanaryAnalysis, final: Decision | undefined, warnings: string[], rule: string): Report {
  return {
    verdict: verdictOf(final),
    finalWeight: final && analysis.done ? final.nextWeight : 0,
    rule,
    policy: analysis.policy,
    metrics: analysis.explain(),
    intervals: analysis.observations.map((observation, i) => ({ observation, decision: analysis.decisions[i]! })),
    warnings,
  };
}

const HEADLINE: Record<Verdict, ['ok' | 'failed' | 'rolled-back' | 'warning', string]> = {
  paused: ['warning', 'Paused for approval: the canary passed its step; traffic stays where it is until an approved job resumes the gate.'],
  promoted: ['ok', 'Promoted: the canary showed no regression over the planned steps.'],
  'rolled-back': ['rolled-back', 'Rolled back: the canary regressed.'],
  failed: ['failed', 'Failed: the gate could not check the canary, so it did not pass it.'],
};

export function writeSummary(s: SummaryBuilder, r: Report, mode: string): void {
  const [kind, text] = HEADLINE[r.verdict];
  s.heading(`canary-gate (${mode}): ${r.verdict}`);
  s.status(kind, text);
  const last = r.intervals.at(-1);
  s.keyValues([
    ['Verdict', r.verdict],
    ['Final weight', `${r.finalWeight} %`],
    ['Decided by', r.rule],
    ['Intervals', String(r.intervals.length)],
    ['Last weight analysed', last ? `${last.observation.weight} %` : 'none'],
    ['Policy', `steps ${r.policy.steps.join(' → ')} % × ${r.policy.intervalsPerStep} intervals, alpha ${r.policy.alpha}, guard rail ${(r.policy.maxErrorRate * 100).toFixed(1)} % errors, min ${r.policy.minCanaryRequests} canary requests, no data: ${r.policy.noData}, at most ${r.policy.maxIntervals} intervals`],
  ]);
  s.heading('Metrics', 3);
  s.table(
    ['metric', 'status', 'estimate', 'samples (canary / baseline)', 'rule', 'smallest regression this traffic could catch (80 %)'],
    r.metrics.map((m) => [m.metric, m.status, m.estimate, `${m.samples.canary} / ${m.samples.baseline}`, m.rule, m.detectable]),
  );
  for (const chart of charts(r)) s.paragraph(`**${chart.title}**\n\n\`\`\`mermaid\n${chart.mermaid}\n\`\`\``);
  s.details(
    'Every interval',
    [
      '| interval | weight | canary requests / errors | baseline requests / errors | decision |',
      '| ---: | ---: | ---: | ---: | --- |',
      ...r.intervals.map(({ observation: o, decision: d }) => `| ${d.interval} | ${o.weight} % | ${arm(o.canary)} | ${arm(o.baseline)} | ${d.action}: ${escapeCell(d.rule)} |`),
    ].join('\n'),
  );
  if (r.warnings.length) s.list(r.warnings.map((w) => md(`⚠️ ${escapeCell(w)}`)));
  s.paragraph(
    r.verdict === 'paused'
      ? 'Next: a job with a protected `environment` (required reviewers) resumes the gate with this run\'s recording as `observations`; the canary keeps its share of traffic meanwhile.'
      : r.verdict === 'promoted'
      ? 'Next: the new revision serves all traffic; keep watching the same metrics after promotion.'
      : r.verdict === 'rolled-back'
        ? 'Next: the previous revision serves all traffic. Look at the failing metric above, fix, and release again.'
        : 'Next: traffic goes back to the previous revision. Check that the metrics reach the gate (queries, scrape targets) and that the canary gets traffic, then run again.',
  );
}

function arm(a: IntervalObservation['canary']): string {
  return a ? `${a.requests} / ${a.errors}` : 'no data';
}

function escapeCell(t: string): string {
  return t.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

export interface Chart {
  title: string;
  mermaid: string;
}

/** One xychart per metric: canary (first line) and baseline (second) per interval that had data. */
export function charts(r: Report): Chart[] {
  const rows = r.intervals.filter(({ observation: o }) => o.canary && o.baseline && o.canary.requests > 0 && o.baseline.requests > 0);
  if (rows.length === 0) return [];
  const x = rows.map(({ decision }) => decision.interval);
  const out: Chart[] = [];
  const rate = (a: IntervalObservation['canary']): number => (a && a.requests ? (100 * a.errors) / a.requests : 0);
  out.push(chart('Error rate per interval (%): canary first line, baseline second', 'error rate (%)', x, [rows.map((row) => rate(row.observation.canary)), rows.map((row) => rate(row.observation.baseline))]));
  const latency = (a: IntervalObservation['canary']): number => (a?.latency ? 1000 * histogramQuantile(a.latency.le, a.latency.counts, 0.95) : NaN);
  if (r.policy.latency && rows.some((row) => row.observation.canary?.latency)) {
    out.push(chart('p95 latency per interval (ms): canary first line, baseline second', 'p95 (ms)', x, [rows.map((row) => latency(row.observation.canary)), rows.map((row) => latency(row.observation.baseline))]));
  }
  const median = (a: IntervalObservation['canary']): number => (a?.predictions ? histogramQuantile(a.predictions.le, a.predictions.counts, 0.5) : NaN);
  if (r.policy.predictionDrift && rows.some((row) => row.observation.canary?.predictions)) {
    out.push(chart('Median prediction per interval: canary first line, baseline second', 'median prediction', x, [rows.map((row) => median(row.observation.canary)), rows.map((row) => median(row.observation.baseline))]));
  }
  out.push(chart('Canary weight per interval (%)', 'weight (%)', x, [rows.map((row) => row.observation.weight)], 'bar'));
  return out;
}

function chart(title: string, yLabel: string, x: number[], series: number[][], kind: 'line' | 'bar' = 'line'): Chart {
  // Mermaid needs a number in every slot: an interval without a value shows as 0 (and its row says "no data").
  const clean = series.map((s) => s.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : 0)));
  const max = Math.max(...clean.flat(), 0);
  const top = max > 0 ? Number((max * 1.15).toPrecision(2)) : 1;
  const lines = [
    'xychart-beta',
    `  title "${title.replace(/"/g, "'")}"`,
    `  x-axis "interval" [${x.join(', ')}]`,
    `  y-axis "${yLabel}" 0 --> ${top}`,
    ...clean.map((s) => `  ${kind} [${s.join(', ')}]`),
  ];
  return { title, mermaid: lines.join('\n') };
}
