import { describe, expect, it } from '@jest/globals';
import { fakeClock, memoryLogger } from '@ml-deploy/action-kit';
import type { CloudRunApi, OperationState, Service } from '../src/cloud-run-api';
import { formatSplit, LATEST, pinnedTraffic, REVISION, servingSplit, tagUrls, trafficFor, waitForOperation } from '../src/traffic';

const base = 'projects/p/locations/r/services/api';
const svc: Service = {
  latestReadyRevision: `${base}/revisions/api-00002-bbb`,
  trafficStatuses: [
    { type: LATEST, percent: 90 },
    { type: REVISION, revision: 'api-00001-aaa', percent: 10, tag: 'old', uri: 'https://old---api-1.r.run.app' },
    { type: REVISION, revision: 'api-00003-ccc', tag: 'canary', uri: 'https://canary---api-1.r.run.app' },
  ],
};

describe('traffic', () => {
  it('servingSplit resolves LATEST through latestReadyRevision and keeps tags', () => {
    expect(servingSplit(svc)).toEqual([
      { revision: 'api-00002-bbb', percent: 90, latest: true },
      { revision: 'api-00001-aaa', percent: 10, tag: 'old', uri: 'https://old---api-1.r.run.app', latest: false },
      { revision: 'api-00003-ccc', percent: 0, tag: 'canary', uri: 'https://canary---api-1.r.run.app', latest: false },
    ]);
  });

  it('pinnedTraffic names every revision (no LATEST), so a later revision cannot take traffic', () => {
    expect(pinnedTraffic(svc)).toEqual([
      { type: REVISION, revision: 'api-00002-bbb', percent: 90 },
      { type: REVISION, revision: 'api-00001-aaa', percent: 10, tag: 'old' },
      { type: REVISION, revision: 'api-00003-ccc', percent: 0, tag: 'canary' },
    ]);
  });

  it('trafficFor keeps tags of the current service on their revisions at 0 %', () => {
    expect(trafficFor([{ revision: 'LATEST', percent: 100 }], svc)).toEqual([
      { type: LATEST, percent: 100 },
      { type: REVISION, revision: 'api-00001-aaa', percent: 0, tag: 'old' },
      { type: REVISION, revision: 'api-00003-ccc', percent: 0, tag: 'canary' },
    ]);
    expect(trafficFor([{ revision: 'api-00003-ccc', percent: 100 }], svc)).toEqual([
      { type: REVISION, revision: 'api-00003-ccc', percent: 100, tag: 'canary' },
      { type: REVISION, revision: 'api-00001-aaa', percent: 0, tag: 'old' },
    ]);
  });

  it('tagUrls and formatSplit', () => {
    expect([...tagUrls(svc)]).toEqual([
      ['old', 'https://old---api-1.r.run.app'],
      ['canary', 'https://canary---api-1.r.run.app'],
    ]);
    expect(formatSplit(servingSplit(svc))).toBe('api-00002-bbb (LATEST)=90%, api-00001-aaa=10% tag old, api-00003-ccc=0% tag canary');
  });

  it('waitForOperation prints condition changes, and the same line again every 30 s while nothing changes', async () => {
    const clock = fakeClock(0);
    const logger = memoryLogger();
    const states: OperationState[] = [
      ...Array.from({ length: 12 }, () => ({ name: 'op', done: false, metadata: { terminalCondition: { type: 'Ready', state: 'CONDITION_RECONCILING' } }, error: undefined })),
      { name: 'op', done: true, metadata: {}, error: undefined },
    ] as OperationState[];
    let i = 0;
    const api = { getOperation: async () => states[Math.min(i++, states.length - 1)]! } as unknown as CloudRunApi;
    const done = await waitForOperation(api, 'projects/p/locations/r/operations/op', { timeoutMs: 600_000, intervalMs: 5000, clock, logger });
    expect(done.done).toBe(true);
    expect(logger.lines[0]).toBe('[0ms] Ready: reconciling');
    expect(logger.lines.filter((l) => l === 'still waiting: Ready: reconciling').length).toBeGreaterThanOrEqual(2);
  });
});
