/**
 * canary-gate inputs: the only place they are parsed. Keys as in canary-gate/action.yml (defaults
 * live there). Every check that needs no cloud call runs here, before any traffic moves.
 */
import { InputError, type InputReader, UserError, parseBoolean, parseChoice, parseInteger, parseList } from '@ml-deploy/action-kit';
import { type CanaryPolicy, DEFAULT_POLICY, type NoDataPolicy, validatePolicy } from '@ml-deploy/canary';

export type Mode = 'analyze' | 'run' | 'rollback';
export const MODES: readonly Mode[] = ['analyze', 'run', 'rollback'];
export const ANALYSES = ['error-rate', 'latency', 'prediction-drift'] as const;

export interface Inputs {
  mode: Mode;
  observations: string | undefined;
  policy: CanaryPolicy;
  'fail-on-rollback': boolean;
  'report-path': string | undefined;
}

export function parseInputs(read: InputReader): Inputs {
  const mode = parseChoice('mode', read('mode') ?? 'run', MODES);
  const observations = read('observations')?.trim();
  if (mode === 'analyze' && !observations) {
    throw new InputError('observations', '', 'a path to recorded observations (JSON lines) for mode: analyze');
  }
  if (mode !== 'analyze') {
    // Traffic shifters and metric providers are wired into the action separately; say so before anything moves.
    throw new InputError('mode', mode, `'analyze' in this version: mode '${mode}' needs a traffic shifter and a metric provider, which are not wired into the action yet`);
  }

  const stepsRaw = read('steps') ?? DEFAULT_POLICY.steps.join(',');
  const steps = parseList(stepsRaw).map((s) => {
    const v = s.replace(/%$/, '').trim();
    if (!/^\d+(\.\d+)?$/.test(v)) throw new InputError('steps', stepsRaw, 'canary weights in percent, increasing, each below 100, e.g. 5,25,50');
    return Number(v);
  });
  const intervalsPerStep = parseInteger('intervals-per-step', read('intervals-per-step') ?? String(DEFAULT_POLICY.intervalsPerStep), { min: 1, max: 1000 });
  const alpha = parseFraction('alpha', read('alpha') ?? String(DEFAULT_POLICY.alpha), 'a probability such as 0.01 (or 1%), above 0 and below 0.5', 0.5);
  const maxErrorRate = parseFraction('max-error-rate', read('max-error-rate') ?? '5%', 'an error rate such as 5% or 0.05, above 0 and at most 100%', 1, true);
  const minRequests = parseInteger('min-requests', read('min-requests') ?? String(DEFAULT_POLICY.minCanaryRequests), { min: 0 });
  const noData = parseChoice<NoDataPolicy>('no-data', read('no-data') ?? 'hold', ['hold', 'fail', 'pass']);
  const planned = steps.length * intervalsPerStep;
  const maxIntervalsRaw = read('max-intervals');
  const maxIntervals = maxIntervalsRaw === undefined ? 2 * planned : parseInteger('max-intervals', maxIntervalsRaw, { min: planned });
  const analysesRaw = read('analyses') ?? 'error-rate,latency';
  const analyses = parseList(analysesRaw);
  for (const a of analyses) {
    if (!(ANALYSES as readonly string[]).includes(a)) throw new InputError('analyses', analysesRaw, `a list of ${ANALYSES.join(', ')}`);
  }
  if (!analyses.includes('error-rate')) throw new InputError('analyses', analysesRaw, 'a list that includes error-rate (always analysed)');

  const policy: CanaryPolicy = {
    ...DEFAULT_POLICY,
    steps,
    intervalsPerStep,
    alpha,
    maxErrorRate,
    minCanaryRequests: minRequests,
    noData,
    maxIntervals,
    latency: analyses.includes('latency'),
    predictionDrift: analyses.includes('prediction-drift'),
  };
  const problems = validatePolicy(policy);
  if (problems.some((p) => p.startsWith('steps'))) {
    throw new InputError('steps', stepsRaw, 'canary weights in percent, increasing, each above 0 and below 100, e.g. 5,25,50');
  }
  if (problems.length) throw new UserError(`canary policy from the inputs: ${problems.join('; ')}`);

  return {
    mode,
    observations,
    policy,
    'fail-on-rollback': parseBoolean('fail-on-rollback', read('fail-on-rollback') ?? 'true'),
    'report-path': read('report-path')?.trim(),
  };
}

/** A probability written as 0.01 or 1%. */
function parseFraction(input: string, raw: string, expected: string, maxExclusive: number, inclusive = false): number {
  const v = raw.trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
  if (!m) throw new InputError(input, raw, expected);
  const x = Number(m[1]) / (m[2] ? 100 : 1);
  if (!(x > 0) || (inclusive ? x > maxExclusive : x >= maxExclusive)) throw new InputError(input, raw, expected);
  return x;
}
