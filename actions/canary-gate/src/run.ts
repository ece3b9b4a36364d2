/** canary-gate's logic: run(inputs, deps) -> outputs. No runner, no cloud: both come in as deps. */
import { type ActionContext, type Clock, formatDuration } from '@ml-deploy/action-kit';
import { CanaryAnalysis, type Decision, type IntervalObservation, type MetricProvider, type TrafficShifter } from '@ml-deploy/canary';
import type { Inputs } from './inputs';
import type { Recording } from './recording';
import { buildReport, type Report, writeSummary } from './report';

export interface Deps extends ActionContext {
  readObservations(path: string): Promise<IntervalObservation[]>;
  writeReport(report: Report): Promise<string>;
  /** mode run and rollback. */
  shifter?: TrafficShifter;
  /** mode run. */
  provider?: MetricProvider;
  clock?: Clock;
  /** mode run: where every interval's observation goes as it is analysed (JSON lines, replayable). */
  openRecording?(): Promise<Recording>;
}

export interface Outputs {
  verdict: Report['verdict'];
  'final-weight': number;
  report: string;
}

export async function run(inputs: Inputs, deps: Deps): Promise<Outputs> {
  if (inputs.mode === 'rollback') return rollback(deps);
  const analysis = new CanaryAnalysis(inputs.policy);
  const warnings: string[] = [];
  const result = inputs.mode === 'analyze' ? await replay(inputs, deps, analysis, warnings) : await live(inputs, deps, analysis, warnings);
  const { final, rule, finalWeight, paused } = result;
  const report = buildReport(analysis, analysis.done && !paused ? final : undefined, warnings, rule);
  if (finalWeight !== undefined) report.finalWeight = finalWeight;
  if (paused) report.verdict = 'paused';
  const path = await deps.writeReport(report);
  deps.setOutput('verdict', report.verdict);
  deps.setOutput('final-weight', report.finalWeight);
  deps.setOutput('report', path);
  writeSummary(deps.summary, report, inputs.mode);
  return { verdict: report.verdict, 'final-weight': report.finalWeight, report: path };
}

interface Outcome {
  final: Decision | undefined;
  rule: string;
  /** As read back from the platform (mode run). */
  finalWeight?: number;
  /** mode run: stopped for approval (`approval-after`), traffic left where it is. */
  paused?: boolean;
}

async function replay(inputs: Inputs, deps: Deps, analysis: CanaryAnalysis, warnings: string[]): Promise<Outcome> {
  const observations = await deps.readObservations(inputs.observations!);
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
  return { final, rule };
}

/**
 * Shift, wait one interval, read both arms for that window, decide; repeat. Whatever happens in
 * between (an error, cancellation), traffic goes back to the baseline unless the canary was promoted.
 */
async function live(inputs: Inputs, deps: Deps, analysis: CanaryAnalysis, warnings: string[]): Promise<Outcome> {
  const { shifter, provider } = deps;
  if (!shifter || !provider) throw new Error('mode run needs a traffic shifter and a metric provider');
  const clock = deps.clock!;
  const recording = await deps.openRecording?.();
  if (recording) {
    deps.setOutput('recording', recording.path);
    deps.logger.info(`every interval is recorded in ${recording.path} (replay it with mode: analyze)`);
  }
  let final: Decision | undefined;
  let replayed = 0;
  // Resume: the intervals an earlier (approved) job recorded go through the analysis first.
  if (inputs.mode === 'run' && inputs.observations) {
    const prior = await deps.readObservations(inputs.observations);
    for (const [i, o] of prior.entries()) {
      if (analysis.done) {
        warnings.push(`${prior.length - i} recorded intervals after the decision were not used`);
        break;
      }
      const expected = analysis.currentWeight;
      if (o.weight !== expected) warnings.push(`resumed interval ${i + 1}: recorded at ${o.weight} %, the policy would have run it at ${expected} %`);
      await recording?.append(o);
      final = analysis.observe(o);
    }
    replayed = analysis.decisions.length;
    deps.logger.info(`resumed from ${inputs.observations}: ${analysis.intervalCount} recorded intervals analysed; ${analysis.done ? `decided: ${final?.action}` : `next interval at ${analysis.currentWeight} %`}`);
  }
  let promoted = false;
  let paused = false;
  if (shifter.checkPlan) {
    const p = inputs.policy;
    warnings.push(...(await shifter.checkPlan({ steps: p.steps, intervalsPerStep: p.intervalsPerStep, intervalMs: inputs.interval }, deps.signal)));
  }
  let weight = await shifter.readWeight(deps.signal);
  deps.logger.info(`${shifter.name}: the canary serves ${weight} % now; metrics from ${provider.name}; one interval is ${formatDuration(inputs.interval)}`);
  try {
    while (!analysis.done) {
      const want = analysis.currentWeight;
      // Approval: the step at `weight` is done and the analysis would move on; stop here, traffic as it is.
      // (A step the resumed recording already finished was approved: that is why this run goes on.)
      if (analysis.decisions.length > replayed && want > weight && inputs.approvalAfter.includes(weight)) {
        paused = true;
        const rule = `approval required after the ${weight} % step (approval-after): resume with this run's recording as observations`;
        deps.logger.info(rule);
        return { final, rule, finalWeight: weight, paused };
      }
      if (want !== weight) {
        weight = await shifter.setWeight(want, deps.signal);
        if (weight !== want) warnings.push(`asked for ${want} %, ${shifter.name} reports ${weight} %: analysed at what it reports`);
        deps.logger.info(`canary weight ${weight} %`);
      }
      const start = new Date(clock.now());
      await clock.sleep(inputs.interval, deps.signal);
      const end = new Date(clock.now());
      const [baseline, canary] = await Promise.all([provider.observe('baseline', { start, end }, deps.signal), provider.observe('canary', { start, end }, deps.signal)]);
      const observation: IntervalObservation = { weight, baseline, canary, start: start.toISOString(), end: end.toISOString() };
      // Recorded before the analysis sees it: an interval the analysis refuses is kept too.
      await recording?.append(observation);
      final = analysis.observe(observation);
      deps.logger.info(
        `interval ${final.interval} at ${weight} %: canary ${canary ? `${canary.requests} requests, ${canary.errors} errors` : 'no data'}, baseline ${baseline ? `${baseline.requests} requests, ${baseline.errors} errors` : 'no data'}: ${final.action} (${final.rule})`,
      );
    }
    const target = final!.nextWeight;
    if (final!.action === 'promote' && inputs.approvalAfter.includes(weight) && analysis.decisions.length > replayed) {
      paused = true;
      const rule = `approval required before promotion (approval-after ${weight}): resume with this run's recording as observations`;
      deps.logger.info(rule);
      return { final, rule, finalWeight: weight, paused };
    }
    weight = await shifter.setWeight(target, deps.signal);
    promoted = final!.action === 'promote' && weight === 100;
    if (weight !== target) throw new Error(`${shifter.name} reports ${weight} % for the canary after setting ${target} %`);
    return { final, rule: final!.rule, finalWeight: weight };
  } finally {
    if (!promoted && !paused && weight !== 0) {
      // Failure or cancellation mid-analysis: restore the baseline, with a fresh signal (the job's may be aborted).
      try {
        weight = await shifter.setWeight(0);
        deps.logger.warning(`traffic restored to the baseline (${shifter.name} reports the canary at ${weight} %)`);
      } catch (err) {
        deps.logger.error(`could not restore traffic to the baseline: ${(err as Error).message}; run canary-gate with mode: rollback`);
      }
    }
  }
}

/** mode rollback: all traffic to the baseline, read back; for `if: cancelled() || failure()` steps. */
async function rollback(deps: Deps): Promise<Outputs> {
  const shifter = deps.shifter;
  if (!shifter) throw new Error('mode rollback needs a traffic shifter');
  const before = await shifter.readWeight(deps.signal);
  const after = await shifter.setWeight(0, deps.signal);
  const verdict = after === 0 ? 'rolled-back' : 'failed';
  deps.setOutput('verdict', verdict);
  deps.setOutput('final-weight', after);
  deps.summary.heading(`canary-gate (rollback): ${verdict}`);
  deps.summary.status(after === 0 ? 'rolled-back' : 'failed', `${shifter.name}: the canary served ${before} %; it serves ${after} % now.`);
  if (after !== 0) throw new Error(`${shifter.name} still reports ${after} % for the canary after setting 0 %`);
  return { verdict, 'final-weight': after, report: '' };
}

