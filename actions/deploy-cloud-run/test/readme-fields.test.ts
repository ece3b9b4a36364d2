/**
 * README.md's "What each input sets" table for deploy-cloud-run against action.yml and the code:
 * every input is in the table once, and each row naming Service fields is checked by rendering a
 * base Service with that input alone (through parseInputs and deployOptions, as the action does)
 * and comparing the fields that changed with the ones the row names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { applyChanges, newRevisionName, type Service } from '@ml-deploy/gcp';
import { inputReader, loadActionYml, repoRoot } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';
import { deployOptions } from '../src/run';

const MARK = '<!-- deploy-cloud-run service fields';

/** Input → the field text of its row, from README.md. */
function readmeTable(): Map<string, string> {
  const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = text.indexOf(MARK);
  if (start < 0) throw new Error('README.md has no deploy-cloud-run service fields table');
  const rows = new Map<string, string>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.size) break;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const input = /^`([a-z-]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!input) continue;
    if (rows.has(input)) throw new Error(`README.md lists input '${input}' twice`);
    rows.set(input, cells[1] ?? '');
  }
  return rows;
}

/** The Service field paths a row names (backticked, starting with template. or labels). */
const fieldsOf = (cell: string) => [...cell.matchAll(/`((?:template\.|labels)[^`]*)`/g)].map((m) => m[1]!);

const base = (over: { cpu?: string; memory?: string; gpu?: boolean; accelerator?: string; cpuIdle?: boolean } = {}): Service => ({
  labels: { team: 'ml' },
  template: {
    ...(over.accelerator ? { nodeSelector: { accelerator: over.accelerator } } : {}),
    containers: [
      {
        image: `us-docker.pkg.dev/p/r/model@sha256:${'1'.repeat(64)}`,
        env: [{ name: 'MODEL_NAME', value: 'iris' }],
        ports: [{ containerPort: 8080 }],
        resources: {
          limits: { cpu: over.cpu ?? '1', memory: over.memory ?? '512Mi', ...(over.gpu ? { 'nvidia.com/gpu': '1' } : {}) },
          cpuIdle: over.cpuIdle ?? true,
        },
      },
    ],
  },
});

/** One value per template input that changes the base, and the base it needs (a GPU wants a GPU-sized one). */
const SAMPLES: Record<string, { inputs: Record<string, string>; base?: Service }> = {
  image: { inputs: { image: `us-docker.pkg.dev/p/r/model@sha256:${'2'.repeat(64)}` } },
  'env-vars': { inputs: { 'env-vars': 'THRESHOLD=0.7' } },
  secrets: { inputs: { secrets: 'API_KEY=api-key:1' } },
  cpu: { inputs: { cpu: '2' } },
  memory: { inputs: { memory: '1Gi' } },
  gpu: { inputs: { gpu: '1' }, base: base({ cpu: '4', memory: '16Gi', cpuIdle: false }) },
  'gpu-type': { inputs: { gpu: '1', 'gpu-type': 'nvidia-rtx-pro-6000' }, base: base({ cpu: '20', memory: '80Gi', gpu: true, accelerator: 'nvidia-l4', cpuIdle: false }) },
  concurrency: { inputs: { concurrency: '4' } },
  'min-instances': { inputs: { 'min-instances': '1' } },
  'max-instances': { inputs: { 'max-instances': '5' } },
  'request-timeout': { inputs: { 'request-timeout': '60s' } },
  'execution-environment': { inputs: { 'execution-environment': 'gen2' } },
  'startup-probe-path': { inputs: { 'startup-probe-path': '/healthz' } },
  'liveness-probe-path': { inputs: { 'liveness-probe-path': '/livez' } },
  'service-account': { inputs: { 'service-account': 'model-runtime@p-123456.iam.gserviceaccount.com' } },
  labels: { inputs: { labels: 'model=iris' } },
  'revision-suffix': { inputs: { 'revision-suffix': 'abc1234' } },
  'cpu-always-allocated': { inputs: { 'cpu-always-allocated': 'true' } },
};

/** Rows that name no template field, and what they must say. */
const NOT_TEMPLATE: Record<string, RegExp> = {
  service: /^`name`/,
  region: /^`name`/,
  'project-id': /^`name`/,
  'service-definition': /the whole Service/,
  revision: /^`traffic`/,
  'no-traffic': /^`traffic`/,
  tag: /^`traffic`/,
  traffic: /^`traffic`/,
  timeout: /^—/,
  'max-attempts': /^—/,
  endpoint: /^—/,
  'report-path': /^—/,
};

function changedPaths(before: Service, after: Service): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  const walk = (v: unknown, p: string, out: Map<string, string>) => {
    if (Array.isArray(v)) {
      out.set(`${p}#len`, String(v.length));
      v.forEach((x, i) => walk(x, `${p}[${i}]`, out));
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k, out);
    else out.set(p, JSON.stringify(v));
  };
  walk(before, '', a);
  walk(after, '', b);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...new Set([...keys].filter((k) => a.get(k) !== b.get(k)).map((k) => k.replace(/\[\d+\]/g, '[]').replace(/#len$/, '')))];
}

const render = (svc: Service, over: Record<string, string>) => {
  const opts = deployOptions(parseInputs(inputReader('deploy-cloud-run', { service: 'model-api', ...over })), 'p-123456');
  return applyChanges(svc, opts.render, newRevisionName('model-api', opts.revisionSuffix, 0, () => 0)).service;
};

describe("README's table of what each deploy-cloud-run input sets", () => {
  const table = readmeTable();
  const declared = Object.keys(loadActionYml('deploy-cloud-run').inputs);

  it('lists every input of action.yml, and nothing else', () => {
    expect([...table.keys()].sort()).toEqual([...declared].sort());
  });

  it('every row either names the Service fields its input renders into, or says what it is instead', () => {
    for (const input of declared) {
      expect([input, input in SAMPLES || input in NOT_TEMPLATE]).toEqual([input, true]);
      if (input in NOT_TEMPLATE) expect([input, table.get(input)]).toEqual([input, expect.stringMatching(NOT_TEMPLATE[input]!)]);
      else expect([input, fieldsOf(table.get(input)!).length > 0]).toEqual([input, true]);
    }
  });

  it.each(Object.keys(SAMPLES))('%s changes exactly the fields its row names', (input) => {
    const sample = SAMPLES[input]!;
    const b = sample.base ?? base();
    const without = { ...sample.inputs };
    delete without[input];
    const reference = render(b, without);
    const rendered = render(b, sample.inputs);
    const changed = changedPaths(reference, rendered);
    const fields = fieldsOf(table.get(input) ?? '');
    expect(fields.length).toBeGreaterThan(0);
    const under = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
    // Nothing changed outside the named fields, and every named field changed.
    expect(changed.filter((p) => !fields.some((f) => under(p, f)))).toEqual([]);
    expect(fields.filter((f) => !changed.some((p) => under(p, f)))).toEqual([]);
  });
});

/** The inputs of google-github-actions/deploy-cloudrun v3.0.1's action.yml (its outputs: `url`). */
const DEPLOY_CLOUDRUN_INPUTS = [
  'service', 'job', 'metadata', 'image', 'source', 'suffix', 'env_vars', 'env_vars_update_strategy', 'secrets',
  'secrets_update_strategy', 'labels', 'skip_default_labels', 'tag', 'timeout', 'flags', 'no_traffic', 'wait',
  'revision_traffic', 'tag_traffic', 'update_traffic_flags', 'project_id', 'region', 'gcloud_version', 'gcloud_component',
];

describe("README's table for users moving from google-github-actions/deploy-cloudrun", () => {
  const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = text.indexOf('<!-- deploy-cloudrun migration');
  const rows = text
    .slice(start)
    .split('\n')
    .slice(1)
    .filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((x) => x.startsWith('|') || x.trim() === '') )
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .slice(2);
  const names = (cell: string) => [...cell.matchAll(/`([a-z_-]+)`/g)].map((m) => m[1]!);
  const yml = loadActionYml('deploy-cloud-run');

  it('has a row for every deploy-cloudrun input, and its output', () => {
    expect(start).toBeGreaterThan(0);
    const theirs = rows.flatMap((r) => (r[0]!.startsWith('output') ? [] : names(r[0]!)));
    expect([...theirs].sort()).toEqual([...DEPLOY_CLOUDRUN_INPUTS].sort());
    expect(rows.some((r) => r[0] === 'output `url`' && r[1] === 'output `url`')).toBe(true);
  });

  it('names only inputs (and outputs) deploy-cloud-run has', () => {
    for (const r of rows) {
      const ours = names(r[1]!);
      const known = r[1]!.startsWith('output') ? Object.keys(yml.outputs) : Object.keys(yml.inputs);
      expect([r[0], ours.filter((n) => !known.includes(n))]).toEqual([r[0], []]);
    }
    const plus = rows.find((r) => r[0] === 'output `url`')![2]!;
    expect(names(plus).filter((n) => !(n in yml.outputs))).toEqual([]);
  });

  it('pins the Workload Identity Federation example by commit SHA', () => {
    const section = text.slice(text.indexOf('### deploy-cloud-run'), start);
    const uses = [...section.matchAll(/uses: ([\w./-]+)@(\S+)(.*)/g)].filter((m) => !m[1]!.startsWith('org/ml-deploy'));
    expect(uses.map((m) => m[1])).toContain('google-github-actions/auth');
    for (const m of uses) expect([m[1], /^[0-9a-f]{40}$/.test(m[2]!), /# v\d+\.\d+\.\d+/.test(m[3]!)]).toEqual([m[1], true, true]);
  });
});
