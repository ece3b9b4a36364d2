import { describe, expect, it } from '@jest/globals';
import { FaultSchedule, MetricRegistry } from '../src';

describe('MetricRegistry text format', () => {
  it('writes HELP/TYPE once, escapes label values, and makes buckets cumulative with +Inf, _sum and _count', () => {
    const r = new MetricRegistry({ model: 'a"b\\c\nd', version: '1' });
    const c = r.counter('x_total', 'Counted\nthings.');
    const h = r.histogram('y', 'Sizes.', [5, 1, 1]);
    c.inc({ route: '/p' });
    c.inc({ route: '/p' }, 2);
    h.observe(0.5);
    h.observe(3);
    h.observe(9);
    expect(r.render()).toBe(
      [
        '# HELP x_total Counted\\nthings.',
        '# TYPE x_total counter',
        'x_total{model="a\\"b\\\\c\\nd",version="1",route="/p"} 3',
        '# HELP y Sizes.',
        '# TYPE y histogram',
        'y_bucket{model="a\\"b\\\\c\\nd",version="1",le="1"} 1',
        'y_bucket{model="a\\"b\\\\c\\nd",version="1",le="5"} 2',
        'y_bucket{model="a\\"b\\\\c\\nd",version="1",le="+Inf"} 3',
        'y_sum{model="a\\"b\\\\c\\nd",version="1"} 12.5',
        'y_count{model="a\\"b\\\\c\\nd",version="1"} 3',
        '',
      ].join('\n'),
    );
  });

  it('refuses invalid names and duplicate families', () => {
    const r = new MetricRegistry({});
    expect(() => r.counter('bad-name', '')).toThrow("metric name 'bad-name' is not valid");
    r.counter('ok', '');
    expect(() => r.counter('ok', '')).toThrow('metric ok registered twice');
  });
});

describe('FaultSchedule (test only)', () => {
  it.each([
    [0, 0],
    [0.1, 10],
    [0.25, 25],
    [1, 100],
  ])('error rate %p fails exactly %p of 100 requests', (rate, failures) => {
    const s = new FaultSchedule({ errorRate: rate, latencyMs: 0, predictionShift: 0 });
    let n = 0;
    for (let i = 0; i < 100; i++) if (s.next().fail) n++;
    expect(n).toBe(failures);
  });
});
