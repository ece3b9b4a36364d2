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
    const throttled = base();
    throttled.template!.containers![0]!.resources!.cpuIdle = true;
    expect(() => applyChanges(throttled, inputs({ gpu: 1, cpu: '4', memory: '16Gi' }), 'r')).toThrow(
      "input 'cpu-always-allocated': got \"\", expected 'true' for a GPU revision",
    );
    const r = applyChanges(throttled, inputs({ gpu: 1, cpu: '4', memory: '16Gi', cpuAlwaysAllocated: true }), 'r');
    expect(r.service.template!.containers![0]!.resources).toEqual({ limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, cpuIdle: false });
    expect(r.service.template!.nodeSelector).toEqual({ accelerator: 'nvidia-l4' });
    expect(r.changes).toContain('cpu always allocated: false → true');
  });

  it.each([
    ['the service keeps 1 CPU', { gpu: 1, cpuAlwaysAllocated: true }, `input 'cpu': got "1", expected at least 4 CPU for a nvidia-l4 GPU`],
    ['2Gi of memory', { gpu: 1, cpu: '4', memory: '2Gi', cpuAlwaysAllocated: true }, `input 'memory': got "2Gi", expected at least 16Gi of memory for a nvidia-l4 GPU`],
    ['an RTX PRO 6000 with 8 CPU', { gpu: 1, gpuType: 'nvidia-rtx-pro-6000', cpu: '8', memory: '32Gi', cpuAlwaysAllocated: true }, 'at least 20 CPU for a nvidia-rtx-pro-6000 GPU'],
    ['gen1', { gpu: 1, cpu: '4', memory: '16Gi', cpuAlwaysAllocated: true, executionEnvironment: 'gen1' as const }, `input 'execution-environment': got "gen1", expected 'gen2' or unset for a GPU revision`],
  ])('GPU rules on the merged revision: %s', (_name, over, message) => {
    expect(() => applyChanges(base(), inputs(over), 'r')).toThrow(message);
  });

  it('a service definition with two GPUs or no accelerator is refused', () => {
    const two = base();
    two.template!.containers![0]!.resources = { limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '2' } };
    two.template!.nodeSelector = { accelerator: 'nvidia-l4' };
    expect(() => applyChanges(two, inputs({}), 'r')).toThrow(`input 'gpu': got "2", expected 1 (Cloud Run attaches one GPU per instance)`);
    delete two.template!.nodeSelector;
    two.template!.containers![0]!.resources!.limits!['nvidia.com/gpu'] = '1';
    expect(() => applyChanges(two, inputs({}), 'r')).toThrow("input 'gpu-type'");
  });

  it('below 1 CPU: concurrency 1, CPU only during requests, gen1', () => {
    expect(() => applyChanges(base(), inputs({ cpu: '500m', memory: '512Mi', concurrency: 4 }), 'r')).toThrow(`input 'concurrency': got "4", expected 1 with cpu 500m (less than 1 CPU)`);
    expect(() => applyChanges(base(), inputs({ cpu: '500m', memory: '512Mi', concurrency: 1 }), 'r')).toThrow(`input 'cpu-always-allocated'`);
    const r = applyChanges(base(), inputs({ cpu: '500m', memory: '512Mi', concurrency: 1, cpuAlwaysAllocated: false }), 'r');
    expect(r.service.template!.containers![0]!.resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, cpuIdle: true });
    expect(() => applyChanges(base(), inputs({ cpu: '500m', memory: '512Mi', concurrency: 1, cpuAlwaysAllocated: false, executionEnvironment: 'gen2' }), 'r')).toThrow(
      `input 'execution-environment': got "gen2", expected 'gen1' with cpu 500m`,
    );
  });

  it('adding resources to a container that had none writes cpuIdle: true (Cloud Run reads an unset cpuIdle as always allocated)', () => {
    const r = applyChanges({ template: { containers: [{ image: 'i' }] } }, inputs({ memory: '1Gi' }), 'r');
    expect(r.service.template!.containers![0]!.resources).toEqual({ limits: { memory: '1Gi' }, cpuIdle: true });
    expect(r.changes).toEqual(['memory: (default) → 1Gi']);
    const kept = applyChanges(base(), inputs({ memory: '1Gi' }), 'r');
    expect(kept.service.template!.containers![0]!.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' } });
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
