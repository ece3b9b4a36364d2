import { describe, expect, it } from '@jest/globals';
import { parseInputs } from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => values[name];

describe('parseInputs', () => {
  it('builds the default policy for mode: analyze', () => {
    const i = parseInputs(reader({ mode: 'analyze', observations: 'x.jsonl' }));
    expect(i.policy.steps).toEqual([5, 25, 50]);
    expect(i.policy.intervalsPerStep).toBe(5);
    expect(i.policy.maxIntervals).toBe(30);
    expect(i.policy.maxErrorRate).toBe(0.05);
    expect(i.policy.noData).toBe('hold');
    expect(i.policy.latency).toBe(true);
    expect(i.policy.predictionDrift).toBe(false);
    expect(i['fail-on-rollback']).toBe(true);
  });

  it('reads percentages and fractions alike', () => {
    const i = parseInputs(reader({ mode: 'analyze', observations: 'x', alpha: '2%', 'max-error-rate': '0.1', steps: '10%, 50%', analyses: 'error-rate,prediction-drift' }));
    expect(i.policy.alpha).toBeCloseTo(0.02);
    expect(i.policy.maxErrorRate).toBeCloseTo(0.1);
    expect(i.policy.steps).toEqual([10, 50]);
    expect(i.policy.latency).toBe(false);
    expect(i.policy.predictionDrift).toBe(true);
  });

  it.each([
    [{ mode: 'analyse' }, /input 'mode': got "analyse", expected one of 'analyze', 'run', 'rollback'/],
    [{ mode: 'analyze' }, /input 'observations'.*expected a path to recorded observations/],
    [{ mode: 'run' }, /input 'mode': got "run", expected 'analyze' in this version/],
    [{ mode: 'analyze', observations: 'x', steps: '50,25' }, /input 'steps': got "50,25", expected canary weights in percent, increasing/],
    [{ mode: 'analyze', observations: 'x', steps: '5,100' }, /input 'steps'/],
    [{ mode: 'analyze', observations: 'x', alpha: '0.5' }, /input 'alpha': got "0.5"/],
    [{ mode: 'analyze', observations: 'x', 'max-error-rate': '150%' }, /input 'max-error-rate': got "150%"/],
    [{ mode: 'analyze', observations: 'x', 'no-data': 'skip' }, /input 'no-data': got "skip", expected one of 'hold', 'fail', 'pass'/],
    [{ mode: 'analyze', observations: 'x', 'max-intervals': '10' }, /input 'max-intervals': got "10", expected a whole number of at least 15/],
    [{ mode: 'analyze', observations: 'x', analyses: 'latency' }, /input 'analyses'.*includes error-rate/],
    [{ mode: 'analyze', observations: 'x', analyses: 'error-rate,cpu' }, /input 'analyses': got "error-rate,cpu"/],
    [{ mode: 'analyze', observations: 'x', 'fail-on-rollback': 'yes' }, /input 'fail-on-rollback'/],
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(reader(values as Record<string, string>))).toThrow(message);
  });
});
