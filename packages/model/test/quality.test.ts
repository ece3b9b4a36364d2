import { describe, expect, it } from '@jest/globals';
import { evaluateRules, lookupMetric, parseRules, RuleSyntaxError, type QualityRule } from '../src/quality';

describe('parseRules', () => {
  it.each<[string, Omit<QualityRule, 'text' | 'line'>]>([
    ['accuracy >= 0.90', { metric: 'accuracy', operator: '>=', right: { kind: 'number', value: 0.9 } }],
    ['accuracy>=0.9', { metric: 'accuracy', operator: '>=', right: { kind: 'number', value: 0.9 } }],
    ['loss < -0.5', { metric: 'loss', operator: '<', right: { kind: 'number', value: -0.5 } }],
    ['latency_p95_ms <= 50', { metric: 'latency_p95_ms', operator: '<=', right: { kind: 'number', value: 50 } }],
    ['n == 1e3', { metric: 'n', operator: '==', right: { kind: 'number', value: 1000 } }],
    ['n != 0', { metric: 'n', operator: '!=', right: { kind: 'number', value: 0 } }],
    ['f1 > champion', { metric: 'f1', operator: '>', right: { kind: 'champion', metric: 'f1' } }],
    ['accuracy >= champion - 0.01', { metric: 'accuracy', operator: '>=', right: { kind: 'champion', metric: 'accuracy', adjust: { op: '-', value: 0.01 } } }],
    ['auc >= champion * 0.99', { metric: 'auc', operator: '>=', right: { kind: 'champion', metric: 'auc', adjust: { op: '*', value: 0.99 } } }],
    ['auc >= champion × 0.99', { metric: 'auc', operator: '>=', right: { kind: 'champion', metric: 'auc', adjust: { op: '*', value: 0.99 } } }],
    ['rmse <= champion + 0.5', { metric: 'rmse', operator: '<=', right: { kind: 'champion', metric: 'rmse', adjust: { op: '+', value: 0.5 } } }],
    ['eval.f1 >= champion.eval.f1_macro', { metric: 'eval.f1', operator: '>=', right: { kind: 'champion', metric: 'eval.f1_macro' } }],
    ['"f1-score" > 0.8', { metric: 'f1-score', operator: '>', right: { kind: 'number', value: 0.8 } }],
    ['folds.0.acc > 0.5', { metric: 'folds.0.acc', operator: '>', right: { kind: 'number', value: 0.5 } }],
    ['accuracy >= 0.9   # the floor agreed with product', { metric: 'accuracy', operator: '>=', right: { kind: 'number', value: 0.9 } }],
  ])('%s', (text, expected) => {
    const [rule] = parseRules(text);
    expect(rule).toMatchObject(expected);
    expect(rule!.line).toBe(1);
  });

  it('skips blank lines and comments and numbers lines', () => {
    const rules = parseRules('# gate\n\naccuracy >= 0.9\n  \nf1 > champion\n');
    expect(rules.map((r) => [r.line, r.text])).toEqual([
      [3, 'accuracy >= 0.9'],
      [5, 'f1 > champion'],
    ]);
  });

  it.each([
    ['accuracy => 0.9', /line 2, column 10: unknown operator starting with '='/],
    ['accuracy = 0.9', /unknown operator starting with '='/],
    ['accuracy 0.9', /expected an operator .* after 'accuracy', found '0.9'/],
    ['accuracy >=', /expected a number or 'champion' after '>=', found the end of the rule/],
    ['accuracy >= best', /expected a number or 'champion' after '>=', found 'best'/],
    ['accuracy >= 0.9 0.8', /unexpected '0.8' after the end of the rule/],
    ['accuracy >= champion -', /expected a number after '-', found the end of the rule/],
    ['accuracy >= champion / 2', /unexpected '\/'/],
    ['accuracy >= 90%', /unexpected '%' after the number 90/],
    ['>= 0.9', /expected a metric name, found '>='/],
    ['champion >= 0.9', /starts with the candidate's metric/],
    ['eval. >= 1', /expected a name after '.'/],
    ['"f1 >= 1', /a quote is not closed/],
  ])('refuses %s', (text, message) => {
    expect(() => parseRules(`# first\n${text}`)).toThrow(RuleSyntaxError);
    expect(() => parseRules(`# first\n${text}`)).toThrow(message);
    expect(() => parseRules(`# first\n${text}`)).toThrow(/^line 2, /);
  });
});

describe('lookupMetric', () => {
  const m = { accuracy: 0.9, eval: { f1: 0.8, per_class: [{ recall: 0.7 }] }, 'val.loss': 0.3 };
  it.each([
    ['accuracy', 0.9],
    ['eval.f1', 0.8],
    ['eval.per_class.0.recall', 0.7],
    ['val.loss', 0.3],
  ])('finds %s', (path, value) => {
    expect(lookupMetric(m, path)).toEqual({ found: true, value });
  });
  it('says when a path is missing', () => {
    expect(lookupMetric(m, 'eval.auc')).toEqual({ found: false });
    expect(lookupMetric(m, 'accuracy.x')).toEqual({ found: false });
  });
});

describe('evaluateRules', () => {
  const candidate = { accuracy: 0.92, f1: 0.85, eval: { auc: 0.97 }, latency_p95_ms: 12.5, name: 'x', nan: null };
  const champion = { accuracy: 0.93, f1: 0.85, eval: { auc: 0.98 } };
  const measuredBy = { latency_p50_ms: 'the smoke test', latency_p95_ms: 'the smoke test' };
  const run = (text: string, champ: Record<string, unknown> | null = champion) =>
    evaluateRules(parseRules(text), { candidate, ...(champ ? { champion: champ } : {}), measuredBy })[0]!;

  it.each([
    ['accuracy >= 0.90', true, '0.9', 0.92],
    ['accuracy >= 0.95', false, '0.95', 0.92],
    // 0.93 - 0.01 is 0.9200000000000002 in binary floating point: still a pass
    ['accuracy >= champion - 0.01', true, 'champion 0.93 - 0.01 = 0.92', 0.92],
    ['accuracy > champion - 0.01', false, 'champion 0.93 - 0.01 = 0.92', 0.92],
    ['f1 > champion', false, 'champion 0.85', 0.85],
    ['f1 >= champion', true, 'champion 0.85', 0.85],
    ['f1 == champion', true, 'champion 0.85', 0.85],
    ['f1 != champion', false, 'champion 0.85', 0.85],
    ['eval.auc >= champion * 0.99', false, 'champion 0.98 × 0.99 = 0.9702', 0.97],
    ['eval.auc >= champion × 0.98', true, 'champion 0.98 × 0.98 = 0.9604', 0.97],
    ['eval.auc >= champion.accuracy + 0.04', true, 'champion 0.93 + 0.04 = 0.97', 0.97],
    ['latency_p95_ms <= 50', true, '50', 12.5],
    ['latency_p95_ms < 10', false, '10', 12.5],
  ])('%s → %s', (text, passed, limitText, value) => {
    const r = run(text);
    expect(r.passed).toBe(passed);
    expect(r.limitText).toBe(limitText);
    expect(r.value).toBe(value);
  });

  it.each([
    ['auc >= 0.9', undefined, /candidate metric 'auc' not found \(available: accuracy, f1, eval.auc, latency_p95_ms\)/],
    ['name >= 0.9', undefined, /candidate metric 'name' is not a finite number \("x"\)/],
    ['nan >= 0.9', undefined, /candidate metric 'nan' is not a finite number \(null\)/],
    ['latency_p50_ms <= 5', undefined, /'latency_p50_ms' is measured by the smoke test, which did not produce it/],
    ['accuracy >= champion', 'none', /needs the champion's metrics, but none were given/],
    ['latency_p95_ms <= champion', undefined, /champion metric 'latency_p95_ms' not found \(available: accuracy, f1, eval.auc\)/],
  ])('fails %s with a reason, never silently', (text, champ, message) => {
    const r = run(text, champ === 'none' ? null : champion);
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(message);
  });

  it('returns one result per rule, in order', () => {
    const results = evaluateRules(parseRules('accuracy >= 0.9\nf1 > champion\nauc >= 0.5'), { candidate, champion });
    expect(results.map((r) => [r.rule.text, r.passed])).toEqual([
      ['accuracy >= 0.9', true],
      ['f1 > champion', false],
      ['auc >= 0.5', false],
    ]);
  });
});
