/**
 * Writes recorded canaries for tests and the README (JSON lines, the shape `mode: analyze` reads):
 *   node_modules/node/bin/node --experimental-transform-types --import ./bench/ecs-deploy/resolve-ts.mjs bench/canary/record.ts
 * healthy.jsonl: a healthy canary at 1,000 req/min; errors.jsonl: the canary fails 4× as often;
 * latency.jsonl: the canary is 15 % slower. Seeded: the files are reproducible.
 */
import { writeFileSync } from 'node:fs';
import { CanaryAnalysis } from '../../packages/canary/src/analysis';
import { HEALTHY, World, type Scenario } from './sim';

const dir = 'test/fixtures/canary';
const cases: Array<[string, Partial<Scenario>, number]> = [
  ['healthy', {}, 11],
  ['errors', { errorRatio: 4 }, 12],
  ['latency', { latencyScale: 1.15 }, 13],
];
for (const [name, s, seed] of cases) {
  const world = new World({ ...HEALTHY, name, ...s }, seed);
  const a = new CanaryAnalysis();
  const lines: string[] = [];
  while (!a.done) {
    const o = world.interval(a.currentWeight);
    a.observe(o);
    lines.push(JSON.stringify(o, (_k, v: unknown) => (v === Infinity ? '+Inf' : v)));
  }
  writeFileSync(`${dir}/${name}.jsonl`, `${lines.join('\n')}\n`);
  process.stdout.write(`${name}: ${lines.length} intervals, ${a.decisions.at(-1)!.action}\n`);
}
