import { describe, expect, it } from '@jest/globals';
import type { Service } from '../../src/cloud-run-api';
import { applyChanges, newRevisionName, noRenderChanges, type RenderChanges, serviceFromFile } from '../../src/cloud-run/render';

const inputs = (over: Partial<RenderChanges>): RenderChanges => ({ ...noRenderChanges(), ...over });
const base = (): Service => ({
  labels: { team: 'ml' },
  template: {
    containers: [
      {
        image: 'us-docker.pkg.dev/p/r/model:1',
        env: [
          { name: 'MODEL_NAME', value: 'iris' },
          { name: 'API_KEY', valueSource: { secretKeyRef: { secret: 'old-key', version: '1' } } },
        ],
        resources: { limits: { cpu: '1', memory: '512Mi' } },
        ports: [{ containerPort: 9000 }],
      },
    ],
  },
});

describe('applyChanges', () => {
  it('merges env vars and secrets by name, keeping the rest in order, and says what changed', () => {
    const r = applyChanges(base(), inputs({ envVars: [['MODEL_NAME', 'iris'], ['THRESHOLD', '0.7']], secrets: [['API_KEY', { secret: 'new-key', version: 'latest' }]] }), 'model-api-x');
    expect(r.service.template!.containers![0]!.env).toEqual([
      { name: 'MODEL_NAME', value: 'iris' },
      { name: 'API_KEY', valueSource: { secretKeyRef: { secret: 'new-key', version: 'latest' } } },
      { name: 'THRESHOLD', value: '0.7' },
    ]);
    expect(r.changes).toEqual(['env: +THRESHOLD ~API_KEY']);
    expect(r.service.template!.revision).toBe('model-api-x');
  });

  it('a GPU sets the limit and the accelerator, and needs CPU always allocated', () => {
    expect(() => applyChanges(base(), inputs({ gpu: 1, cpu: '4', memory: '16Gi' }), 'r')).toThrow("a GPU revision needs CPU always allocated: set 'cpu-always-allocated: true'");
    const r = applyChanges(base(), inputs({ gpu: 1, cpu: '4', memory: '16Gi', cpuAlwaysAllocated: true }), 'r');
    expect(r.service.template!.containers![0]!.resources).toEqual({ limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, cpuIdle: false });
    expect(r.service.template!.nodeSelector).toEqual({ accelerator: 'nvidia-l4' });
  });

  it("checks the merged size: memory alone against the service's CPU", () => {
    expect(() => applyChanges(base(), inputs({ memory: '8Gi' }), 'r')).toThrow("input 'memory': got \"8Gi\", expected a size Cloud Run accepts together with the service's cpu 1: more than 4Gi of memory needs at least 2 CPU");
  });

  it('probes go on the container port; scaling, timeout, concurrency, labels on service and revision', () => {
    const r = applyChanges(
      base(),
      inputs({ startupProbePath: '/healthz', minInstances: 1, maxInstances: 4, requestTimeoutSeconds: 120, concurrency: 8, labels: [['model', 'iris'], ['model-version', '2']] }),
      'r',
    );
    const t = r.service.template!;
    expect(t.containers![0]!.startupProbe).toEqual({ httpGet: { path: '/healthz', port: 9000 }, periodSeconds: 5, failureThreshold: 24, timeoutSeconds: 3 });
    expect(t.scaling).toEqual({ minInstanceCount: 1, maxInstanceCount: 4 });
    expect(t.timeout).toEqual({ seconds: 120 });
    expect(t.maxInstanceRequestConcurrency).toBe(8);
    expect(r.service.labels).toEqual({ team: 'ml', model: 'iris', 'model-version': '2' });
    expect(t.labels).toEqual({ model: 'iris', 'model-version': '2' });
  });

  it('a new service needs an image', () => {
    expect(() => applyChanges({ template: { containers: [{}] } }, inputs({}), 'r')).toThrow("input 'image': got \"\", expected an image: the service does not exist yet");
  });
});

describe('serviceFromFile and newRevisionName', () => {
  it('refuses the Knative form gcloud exports, and reads the v2 form', () => {
    expect(() => serviceFromFile({ apiVersion: 'serving.knative.dev/v1', kind: 'Service' }, 's.yaml')).toThrow('not the Knative serving.knative.dev/v1 form');
    expect(serviceFromFile({ template: { timeout: '60s', containers: [{ image: 'i' }] }, uri: 'https://ignored' }, 's.yaml')).toEqual({ template: { timeout: { seconds: '60' }, containers: [{ image: 'i' }] } });
  });

  it('names revisions like Cloud Run, or with the suffix given', () => {
    expect(newRevisionName('api', 'abc1234', 7)).toBe('api-abc1234');
    expect(newRevisionName('api', undefined, 11, () => 0)).toBe('api-00012-aaa');
  });
});
