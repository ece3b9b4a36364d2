/** canary-gate's logic: run(inputs, deps) -> outputs. No runner, no cloud: both come in as deps. */
import type { ActionContext } from '@ml-deploy/action-kit';
import { CanaryAnalysis, type Decision, type IntervalObservation } from '@ml-deploy/canary';
import type { Inputs } from './inputs';
import { buildReport, type Report, writeSummary } from './report';

export interface Deps extends ActionContext {
  readObservations(path: string): Promise<IntervalObservation[]>;
  writeReport(report: Report): Promise<string>;
}

export interface Outputs {
  verdict: Report['verdict'];
  'final-weight': number;
  report: string;
}

export async function run(inputs: Inputs, deps: Deps): Promise<Outputs> {
  const analysis = new CanaryAnalysis(inputs.policy);
  const observations = await deps.readObservations(inputs.observations!);
  const warnings: string[] = [];
  let final: Decision | undefined;
  let used = 0;
  for (const o of observations) {
    const expected = analysis.currentWeight;
    if (o.weight !== expected) warnings.push(`interval ${used + 1}: recorded at ${o.weight} %, the policy would have run it at ${expected} %`);
    final = analysis.observe(o);
    used++;
    deps.logger.info(`interval ${final.interval} at ${o.weight} %: ${final.action} (${final.rule})`);
    if (analysis.done) break;
  }
  let rule = final?.rule ?? 'no observation';
  if (!analysis.done) {
    rule = `the recording ended after ${used} intervals, before a decision (last: ${final?.action ?? 'none'}); a gate never passes what it could not check`;
    warnings.push(rule);
  } else if (used < observations.length) {
    warnings.push(`${observations.length - used} recorded intervals after the decision were not used`);
  }
  const report = buildReport(analysis, analysis.done ? final : undefined, warnings, rule);
  const path = await deps.writeReport(report);
  deps.setOutput('verdict', report.verdict);
  deps.setOutput('final-weight', report.finalWeight);
  deps.setOutput('report', path);
  writeSummary(deps.summary, report, inputs.mode);
  return { verdict: report.verdict, 'final-weight': report.finalWeight, report: path };
}
