/**
 * The starter pipeline workflows/canary-analyze.yml under act in host mode: the recorded healthy
 * canary is promoted; the recorded regression is rolled back and fails the job.
 */
import { expect, it } from '@jest/globals';
import { localWorkflow, runAct } from './act';

it('replays a healthy recording to a promotion', async () => {
  const run = await runAct({ workflow: await localWorkflow('canary-analyze.yml'), inputs: { observations: 'test/fixtures/canary/healthy.jsonl' } });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(/canary verdict: promoted \(final weight 100 %\)/);
});

it('replays a regressed recording to a rollback, failing the job', async () => {
  const run = await runAct({ workflow: await localWorkflow('canary-analyze.yml'), inputs: { observations: 'test/fixtures/canary/latency.jsonl' } });
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/canary verdict: rolled-back \(final weight 0 %\)/);
  expect(run.output).toMatch(/latency higher than baseline/);
});
