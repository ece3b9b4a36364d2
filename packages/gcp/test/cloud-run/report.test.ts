import { describe, expect, it } from '@jest/globals';
import { CancelledError, SummaryBuilder } from '@ml-deploy/action-kit';
import { newDeployReport, resultOutput, settleFailedReport } from '../../src/cloud-run/deploy';
import { type DeployReport, writeSummary } from '../../src/cloud-run/report';

const base = (over: Partial<DeployReport> = {}): DeployReport => ({
  ...newDeployReport({ project: 'demo-project', region: 'europe-west4', service: 'model-api', revision: undefined }, Date.parse('2026-01-01T00:00:00Z')),
  durationMs: 42_000,
  revision: 'model-api-00002-abc',
  previousRevision: 'model-api-00001-xyz',
  image: `europe-west4-docker.pkg.dev/demo-project/models/iris@sha256:${'2'.repeat(64)}`,
  imageDigest: `sha256:${'2'.repeat(64)}`,
  changes: ['env: +THRESHOLD'],
  trafficBefore: [{ revision: 'model-api-00001-xyz', percent: 100, latest: true }],
  ...over,
});
const summarise = (r: DeployReport) => {
  const s = new SummaryBuilder();
  writeSummary(s, r);
  return s.toString();
};
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'));

describe('deploy-cloud-run job summary', () => {
  it('deployed: what was deployed, traffic before and after, revision conditions, next step, condition log', () => {
    const md = summarise(
      base({
        result: 'deployed',
        url: 'https://model-api-123.europe-west4.run.app',
        trafficAfter: [{ revision: 'model-api-00002-abc', percent: 100, latest: true }],
        revisionConditions: [
          { type: 'Ready', state: 'succeeded', message: '' },
          { type: 'ContainerHealthy', state: 'succeeded', message: '' },
        ],
        conditions: [{ at: '2026-01-01T00:00:05.000Z', line: 'ConfigurationsReady: reconciling (Revision model-api-00002-abc is starting: 1/2.)' }],
        apiCalls: { GetService: 3, UpdateService: 2 },
      }),
    );
    expect(headings(md)).toEqual(['## deploy-cloud-run: model-api', '### Traffic', '### Revision conditions', '### Next']);
    expect(md).toContain('✅ **Deployed** in 42s');
    expect(md).toContain('| **Deploy** | new revision |');
    expect(md).toContain('| **Previous revision** | `model-api-00001-xyz` |');
    expect(md).toContain('| `model-api-00002-abc` | 0% | 100% |');
    expect(md).toContain('| `model-api-00001-xyz` | 100% | 0% |');
    expect(md).toContain('| Ready | ✅ succeeded |  |');
    expect(md).toContain('Service conditions while waiting (1)');
    expect(md).toContain('Cloud Run API calls (5)');
    expect(md).toContain('to go back, run this action with `revision:` set to the previous revision');
  });

  it('failed: the failing conditions, the logs link and what went wrong, with messages escaped', () => {
    const md = summarise(
      base({
        result: 'failed',
        trafficAfter: [{ revision: 'model-api-00001-xyz', percent: 100, latest: true }],
        revisionConditions: [
          { type: 'Ready', state: 'failed', message: 'The user-provided container failed to start and listen on the port | PORT=8080' },
          { type: 'ContainerHealthy', state: 'failed', message: 'exit code 1' },
        ],
        logsUrl: 'https://console.cloud.google.com/logs/query;query=x',
        failure: 'revision model-api-00002-abc is not Ready (failed); traffic stayed on model-api-00001-xyz (LATEST)=100% (read back from the service)',
      }),
    );
    expect(headings(md)).toEqual(['## deploy-cloud-run: model-api', '### Traffic', '### Revision conditions', '### What went wrong', '### Next']);
    expect(md).toContain('❌ **Deploy failed**');
    expect(md).toContain('| Ready | ❌ failed | The user-provided container failed to start and listen on the port \\| PORT=8080 |');
    expect(md).toContain('[Logs of revision model-api-00002-abc](https://console.cloud.google.com/logs/query;query=x)');
    expect(md).toContain('> revision model-api-00002-abc is not Ready (failed); traffic stayed on');
    expect(md).toContain('Read the revision conditions and logs above');
  });

  it('rolled-back: the rollback section says where traffic went, read back', () => {
    const md = summarise(
      base({
        result: 'rolled-back',
        trafficAfter: [{ revision: 'model-api-00001-xyz', percent: 100, latest: false }],
        failure: 'moving traffic to model-api-00002-abc failed: quota',
        rollback: { to: 'model-api-00001-xyz (LATEST)=100%', result: 'traffic is back on model-api-00001-xyz=100% (read back from the service)' },
      }),
    );
    expect(headings(md)).toContain('### Rollback');
    expect(md).toContain('↩️ **Deploy failed; traffic was put back on the previous revision**');
    expect(md).toContain('| **Result** | traffic is back on model-api-00001-xyz=100% (read back from the service) |');
  });

  it('existing revision: says nothing was created; no-traffic preview points at the tag URL', () => {
    const promoted = summarise(base({ result: 'deployed', mode: 'existing-revision', trafficAfter: [{ revision: 'model-api-00002-abc', percent: 100, latest: false }] }));
    expect(promoted).toContain('| **Deploy** | existing revision (traffic only, nothing created) |');
    const preview = summarise(
      base({
        result: 'deployed',
        tag: 'preview',
        tagUrl: 'https://preview---model-api-123.europe-west4.run.app',
        trafficAfter: [
          { revision: 'model-api-00001-xyz', percent: 100, latest: false },
          { revision: 'model-api-00002-abc', percent: 0, latest: false, tag: 'preview' },
        ],
      }),
    );
    expect(preview).toContain('| `model-api-00002-abc` | 0% | 0% | preview |');
    expect(preview).toContain('The revision takes no traffic yet: test it at its tag URL');
  });
});

describe('result output', () => {
  it('is one of deployed | rolled-back | failed | superseded; a cancelled deploy counts as rolled-back only when the put-back was read back', () => {
    const r = base();
    settleFailedReport(r, new CancelledError());
    expect(r.result).toBe('cancelled');
    expect(resultOutput(r)).toBe('failed');
    r.rollback = { to: 'x', result: 'started on cancellation, not confirmed', confirmed: false };
    expect(resultOutput(r)).toBe('failed');
    r.rollback = { to: 'x', result: 'traffic is back on x (read back from the service)', confirmed: true };
    expect(resultOutput(r)).toBe('rolled-back');
    const s = base({ result: 'superseded' });
    settleFailedReport(s, new Error('another deploy'));
    expect(resultOutput(s)).toBe('superseded');
    const d = base({ result: 'deployed' });
    settleFailedReport(d, new Error('writing the report failed'));
    expect(resultOutput(d)).toBe('failed');
  });
});
