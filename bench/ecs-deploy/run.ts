/**
 * bench/ecs-deploy: our deploy-ecs bundle against the published bundle of
 * aws-actions/amazon-ecs-deploy-task-definition ("the anchor"), side by side in one run, both as
 * the runner runs them (`node dist/index.js` with INPUT_* variables), against the same local
 * services: moto behind the ECS rollout layer (test/harness), a fresh service for every run.
 *
 *   node --import ./bench/ecs-deploy/resolve-ts.mjs bench/ecs-deploy/run.ts
 *
 * Environment:
 *   ML_DEPLOY_ANCHOR_MIRROR  bare git dir of the anchor (the `fetch` tool's mirror); default
 *                            /work/.mirror/aws-actions+amazon-ecs-deploy-task-definition/repo.
 *                            Missing: the anchor is skipped with a message, ours still runs.
 *   ML_DEPLOY_ANCHOR_REF     tag to take dist/ from; default the newest v* tag (version sort).
 *   BENCH_REPS               repetitions per tool and scenario (default 5).
 *   BENCH_REPORT_ONLY        set: only re-render results.md from the last results.json.
 *   BENCH_SCENARIOS          comma list of default,equal-15s,fast,fail,fail-max-failed,fail-breaker,
 *                            three-services (default: all).
 *
 * The anchor's files are extracted at run time into the git-ignored bench/.work/; nothing of it
 * is committed. Results: bench/.work/ecs-deploy/results.{json,md}, and the markdown on stdout.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CreateServiceCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { createEcsFixture, type EcsFixture, type EcsFixtureOptions } from '@ml-deploy/test/harness/ecs-fixtures';
import { type DeploymentPlan, type EcsLayer, startEcsLayer } from '@ml-deploy/test/harness/ecs-layer';
import { LOOPBACK } from '@ml-deploy/test/harness/free-port';
import { startMoto } from '@ml-deploy/test/harness/moto';
import { repoRoot, runnerInputEnv } from '@ml-deploy/test/action-yml';
import { node24, parseOutputFile, runnerFiles } from '@ml-deploy/test/run-bundle';
import { applyChanges, normaliseTaskDefinition } from '@ml-deploy/aws';

// ---------------------------------------------------------------- configuration

const MIRROR = process.env.ML_DEPLOY_ANCHOR_MIRROR || '/work/.mirror/aws-actions+amazon-ecs-deploy-task-definition/repo';
const REPS = Number(process.env.BENCH_REPS || 5);
const SCENARIOS = (process.env.BENCH_SCENARIOS || 'default,equal-15s,fast,fail,fail-max-failed,fail-breaker,three-services').split(',').map((s) => s.trim());
const WORK = join(repoRoot, 'bench', '.work', 'ecs-deploy');
const OURS_DIST = join(repoRoot, 'actions', 'deploy-ecs', 'dist');
const TIME_BIN = '/usr/bin/time';

/** The change both tools deploy: what a model release changes. */
const NEW_IMAGE = 'registry.example/model:2';
const NEW_ENV: Array<[string, string]> = [['MODEL_VERSION', '2']];
/** Both tools' default wait (30 minutes), kept for the success scenarios. */
const RUN_TIMEOUT_MS = 10 * 60_000;

type Tool = 'ours' | 'anchor';

interface Scenario {
  name: string;
  what: string;
  plan: DeploymentPlan;
  ours?: { inputs: Record<string, string>; env: Record<string, string> };
  anchor?: { inputs: Record<string, string> };
  /** The service as created (e.g. with the circuit breaker on). */
  fixture?: EcsFixtureOptions;
  /** Services to deploy (default 1): ours in one step, the anchor once per service, one after another. */
  services?: number;
  reps: number;
}

const ALL_SCENARIOS: Scenario[] = [
  {
    name: 'default',
    what: 'each tool at its default polling (ours: 6 s first interval, x1.5 backoff to 15 s while nothing changes; anchor: SDK waiter, 15 s then jittered exponential up to 600 s)',
    plan: { outcome: 'complete', steps: 2 },
    ours: { inputs: {}, env: {} },
    anchor: { inputs: {} },
    reps: REPS,
  },
  {
    name: 'equal-15s',
    what: "the same cadence for both: a check every 15 s (ours ML_DEPLOY_POLL_INTERVAL=15s; anchor wait-max-delay-seconds: 15, which its README recommends and which pins its waiter to its fixed 15 s minDelay)",
    plan: { outcome: 'complete', steps: 2 },
    ours: { inputs: {}, env: { ML_DEPLOY_POLL_INTERVAL: '15s' } },
    anchor: { inputs: { 'wait-max-delay-seconds': '15' } },
    reps: REPS,
  },
  {
    name: 'fast',
    what: 'ours at ML_DEPLOY_POLL_INTERVAL=1s (what emulator tests use); the anchor cannot poll faster than its hard-coded 15 s minDelay, so its best is the equal-15s row',
    plan: { outcome: 'complete', steps: 2 },
    ours: { inputs: {}, env: { ML_DEPLOY_POLL_INTERVAL: '1s' } },
    reps: REPS,
  },
  {
    name: 'fail',
    what: "the new deployment fails (layer plan {outcome:'fail'}: 3 steps, 3 stopped tasks, exit code 1), no circuit breaker on the service (ours circuit-breaker: false); default polling; anchor wait-for-minutes: 1 (its minimum; its default would wait 30 min)",
    plan: { outcome: 'fail' },
    ours: { inputs: { 'circuit-breaker': 'false' }, env: {} },
    anchor: { inputs: { 'wait-for-minutes': '1' } },
    reps: 1,
  },
  {
    name: 'fail-max-failed',
    what: "the same failure, ours with circuit-breaker: false and max-failed-tasks: 2 (its own stop rule, which does not depend on ECS marking the deployment FAILED)",
    plan: { outcome: 'fail' },
    ours: { inputs: { 'circuit-breaker': 'false', 'max-failed-tasks': '2' }, env: {} },
    reps: 1,
  },
  {
    name: 'fail-breaker',
    what: 'the same failure on a service created with the circuit breaker on (enable + rollback), so ECS (the layer) rolls back by itself; both at default polling, ours with its defaults, anchor wait-for-minutes: 5',
    plan: { outcome: 'fail' },
    fixture: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } },
    ours: { inputs: {}, env: {} },
    anchor: { inputs: { 'wait-for-minutes': '5' } },
    reps: 1,
  },
];
ALL_SCENARIOS.push({
  name: 'three-services',
  what:
    "three services of 2 tasks get the same release: ours in one step (`service` with three lines, each rendered from what it runs, rolled out in parallel), the anchor as a workflow must use it, one step per service, one after another, each registering the rendered file and waiting for its service; each tool at its default polling",
  plan: { outcome: 'complete', steps: 2 },
  ours: { inputs: {}, env: {} },
  anchor: { inputs: {} },
  services: 3,
  reps: Math.min(REPS, 3),
});
const scenarios = ALL_SCENARIOS.filter((s) => SCENARIOS.includes(s.name));

// ---------------------------------------------------------------- the anchor's bundle

interface Anchor {
  tag: string;
  commit: string;
  dir: string;
  main: string;
}

function git(...args: string[]): string {
  return execFileSync('git', [`--git-dir=${MIRROR}`, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/**
 * Extracts action.yml, package.json (its bundle is CommonJS: without the anchor's own package.json
 * our root's `"type": "module"` would apply) and every file of dist/ at the newest release tag.
 */
function prepareAnchor(): Anchor | undefined {
  if (!existsSync(MIRROR)) {
    console.error(
      `bench: anchor skipped: no mirror of aws-actions/amazon-ecs-deploy-task-definition at ${MIRROR}. ` +
        'Bring one with the fetch tool (github:aws-actions/amazon-ecs-deploy-task-definition) or set ML_DEPLOY_ANCHOR_MIRROR.',
    );
    return undefined;
  }
  try {
    const tag =
      process.env.ML_DEPLOY_ANCHOR_REF ||
      git('tag', '--list', 'v*', '--sort=-v:refname')
        .split('\n')
        .find((t) => /^v\d+\.\d+\.\d+$/.test(t));
    if (!tag) throw new Error('the mirror has no v<major>.<minor>.<patch> tag');
    const commit = git('rev-parse', `${tag}^{commit}`).trim();
    const dir = join(WORK, `anchor-${tag}`);
    rmSync(dir, { recursive: true, force: true });
    const files = git('ls-tree', '-r', '--name-only', tag, '--', 'dist', 'action.yml', 'package.json').split('\n').filter(Boolean);
    for (const file of files) {
      const out = join(dir, file);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, execFileSync('git', [`--git-dir=${MIRROR}`, 'show', `${tag}:${file}`], { maxBuffer: 64 << 20 }));
    }
    const main = join(dir, 'dist', 'index.js');
    if (!existsSync(main)) throw new Error(`${tag} has no dist/index.js`);
    return { tag, commit, dir, main };
  } catch (err) {
    console.error(`bench: anchor skipped: could not extract its bundle from ${MIRROR}: ${(err as Error).message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------- timing proxy

interface Hit {
  start: number;
  end: number;
}

/**
 * A pass-through proxy in front of the layer: the layer logs calls without timestamps, and the
 * cold start needs the moment the first request arrives. Times are performance.now() of this
 * process, the same clock the spawn is timed with.
 */
async function startTimingProxy(target: string): Promise<{ url: string; hits: Hit[]; reset(): void; stop(): Promise<void> }> {
  const up = new URL(target);
  let hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const hit: Hit = { start: performance.now(), end: 0 };
    hits.push(hit);
    const fwd = request(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
        r.on('end', () => (hit.end = performance.now()));
      },
    );
    fwd.on('error', (err) => {
      hit.end = performance.now();
      res.writeHead(502).end(String(err));
    });
    req.pipe(fwd);
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench: timing proxy has no port');
  return {
    url: `http://${LOOPBACK}:${address.port}`,
    get hits() {
      return hits;
    },
    reset() {
      hits = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------- one run

interface RunResult {
  tool: Tool;
  scenario: string;
  rep: number;
  code: number | null;
  coldStartMs: number | undefined;
  wallMs: number;
  /** Wall time minus the gaps of >= 0.5 s between API calls (the poll sleeps). */
  activeMs: number;
  sleepMs: number;
  calls: Record<string, number>;
  totalCalls: number;
  peakRssKb: number | undefined;
  cpuSec: number | undefined;
  /** What the tool itself said it checked, from its log/report. */
  claimed: string;
  /** What the layer's state shows afterwards (independent of the tool). */
  endState: string;
  /** Hash of the task definition the tool registered (normalised), to check both registered the same. */
  registeredHash: string | undefined;
  errorLine: string | undefined;
  summaryWritten: boolean;
  /** 1-minute load average when the run started (other work on the machine skews cold start and CPU). */
  load1: number;
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

async function runOnce(
  tool: Tool,
  scenario: Scenario,
  rep: number,
  ctx: { layer: EcsLayer; proxy: Awaited<ReturnType<typeof startTimingProxy>>; anchor: Anchor | undefined },
): Promise<RunResult> {
  const { layer, proxy, anchor } = ctx;
  const dir = join(WORK, 'runs', `${scenario.name}-${tool}-${rep}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  // A fresh service: moto and the layer reset, the fixture made again.
  await layer.reset();
  const fx: EcsFixture = await createEcsFixture(layer.url, scenario.fixture);
  const serviceNames = [fx.serviceName];
  for (let i = 2; i <= (scenario.services ?? 1); i++) {
    const name = `${fx.serviceName}-${i}`;
    await fx.client.send(
      new CreateServiceCommand({
        cluster: fx.clusterName,
        serviceName: name,
        taskDefinition: fx.taskDefinitionArn,
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: [fx.subnetId], securityGroups: [fx.securityGroupId], assignPublicIp: 'DISABLED' } },
      }),
    );
    serviceNames.push(name);
  }
  for (const service of serviceNames) layer.planDeployments({ cluster: fx.clusterName, service }, scenario.plan);

  let main: string;
  let env: Record<string, string>;
  /** The anchor deploys one service per step: the env of each step, run one after another. */
  let steps: Array<Record<string, string>>;
  if (tool === 'ours') {
    main = join(OURS_DIST, 'index.js');
    env = {
      ...runnerInputEnv('deploy-ecs', {
        cluster: fx.clusterName,
        service: serviceNames.join('\n'),
        image: NEW_IMAGE,
        'environment-variables': NEW_ENV.map(([k, v]) => `${k}=${v}`).join('\n'),
        ...scenario.ours!.inputs,
      }),
      ...scenario.ours!.env,
    };
    steps = [env];
  } else {
    // The anchor registers a file: render the one ours registers, with our own renderer, from
    // the task definition the service runs (what a user's render step would produce).
    const current = await fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: fx.taskDefinitionArn, include: ['TAGS'] }));
    const rendered = applyChanges(normaliseTaskDefinition({ taskDefinition: current.taskDefinition, tags: current.tags }, { label: 'fixture' }), {
      containerName: undefined,
      image: NEW_IMAGE,
      environment: NEW_ENV,
      secrets: [],
      cpu: undefined,
      memory: undefined,
    });
    const tdFile = join(dir, 'task-definition.json');
    writeFileSync(tdFile, JSON.stringify(rendered.taskDefinition, null, 2));
    main = anchor!.main;
    env = inputEnv({
      'task-definition': tdFile,
      cluster: fx.clusterName,
      service: fx.serviceName,
      'wait-for-service-stability': 'true',
      ...scenario.anchor!.inputs,
    });
    steps = serviceNames.map((service) => ({ ...env, INPUT_SERVICE: service }));
  }

  const { outputFile, summaryFile, env: runner } = runnerFiles(dir);
  const timeFile = join(dir, 'time.txt');

  layer.resetCalls();
  proxy.reset();
  const load1 = loadavg()[0]!;
  const useTime = existsSync(TIME_BIN);
  const [cmd, args] = useTime ? [TIME_BIN, ['-v', '-o', timeFile, node24(), main]] : [node24(), [main]];
  const t0 = performance.now();
  let stdout = '';
  let stderr = '';
  let code: number | null = 0;
  let peakRssKb: number | undefined;
  let cpuSec: number | undefined;
  // One step per entry of `steps`, one after another, as a job runs them; the job stops at a failure.
  for (const stepEnv of steps) {
    const child = spawn(cmd, args, { env: { ...runner, ...awsEnv(proxy.url), ...stepEnv }, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    clearTimeout(killer);
    if (useTime && existsSync(timeFile)) {
      const t = readFileSync(timeFile, 'utf8');
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1]);
      const user = Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN);
      const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN);
      peakRssKb = Math.max(peakRssKb ?? 0, rss);
      cpuSec = (cpuSec ?? 0) + user + sys;
    }
    if (code !== 0) break;
  }
  const t1 = performance.now();
  writeFileSync(join(dir, 'stdout.log'), stdout);
  writeFileSync(join(dir, 'stderr.log'), stderr);

  const hits = [...proxy.hits];
  const calls: Record<string, number> = {};
  for (const c of layer.calls) calls[c.operation] = (calls[c.operation] ?? 0) + 1;
  let sleepMs = 0;
  for (let i = 1; i < hits.length; i++) {
    const gap = hits[i]!.start - hits[i - 1]!.end;
    if (gap >= 500) sleepMs += gap;
  }
  const wallMs = t1 - t0;


  // What the tool claims, and what the layer shows (read from its state: no API call, nothing advances).
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  let claimed: string;
  if (tool === 'ours') {
    const report = outputs.report && existsSync(outputs.report) ? JSON.parse(readFileSync(outputs.report, 'utf8')) : undefined;
    claimed = report?.services
      ? `report result '${report.result}'; ${report.services.map((r: { service: string; result: string }) => `${r.service} ${r.result}`).join(', ')}`
      : report
        ? `report result '${report.result}'${report.deploymentId ? ` for ${report.deploymentId}` : ''}${report.rollback ? `; rollback ${report.rollback.deploymentId} (started by ${report.rollback.startedBy}): ${report.rollback.result}` : ''}`
        : 'no report';
  } else {
    const verified = [...stdout.matchAll(/Deployment (\S+) verified: rolloutState=(\S+)/g)];
    claimed = verified.length
      ? `services stable, then ${verified.map((v) => `'Deployment ${v[1]} verified: rolloutState=${v[2]}'`).join(', ')}`
      : code === 0
        ? 'exit 0, no verification line'
        : 'failed (see error)';
  }
  const tdName = (arn: string | undefined) => arn?.split('/').pop() ?? '?';
  const endState = serviceNames
    .map((name) => {
      const svc = layer.state().services.find((s) => s.service === name);
      const primary = svc?.deployments.find((d) => d.status === 'PRIMARY');
      const state = primary
        ? `PRIMARY ${tdName(primary.taskDefinition)} ${primary.rolloutState} ${primary.runningCount}/${primary.desiredCount}; ${svc!.deployments.length} deployment(s)`
        : 'no PRIMARY deployment';
      return serviceNames.length > 1 ? `${name}: ${state}` : state;
    })
    .join('; ');

  const oursReport = tool === 'ours' && outputs.report && existsSync(outputs.report) ? JSON.parse(readFileSync(outputs.report, 'utf8')) : undefined;
  const registeredArn = outputs['task-definition-arn'] ?? oursReport?.services?.[0]?.taskDefinitionArn;
  let registeredHash: string | undefined;
  if (registeredArn) {
    const td = await fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: registeredArn }));
    const normalised = normaliseTaskDefinition({ taskDefinition: td.taskDefinition }, { label: registeredArn });
    registeredHash = createHash('sha256').update(JSON.stringify(normalised)).digest('hex').slice(0, 12);
  }
  fx.client.destroy();

  // The step's failure message is the last error annotation (ours logs the reasons before it).
  const errorLine = stdout.split('\n').filter((l) => l.startsWith('::error::')).pop();
  return {
    tool,
    scenario: scenario.name,
    rep,
    code,
    coldStartMs: hits[0] ? hits[0].start - t0 : undefined,
    wallMs,
    activeMs: wallMs - sleepMs,
    sleepMs,
    calls,
    totalCalls: layer.calls.length,
    peakRssKb,
    cpuSec,
    claimed,
    endState,
    registeredHash,
    errorLine: errorLine?.slice('::error::'.length).slice(0, 400),
    summaryWritten: readFileSync(summaryFile, 'utf8').trim().length > 0,
    load1,
  };
}

// ---------------------------------------------------------------- statistics and tables

function stats(values: number[]): { median: number; min: number; max: number } | undefined {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]! };
}

function fmt(values: number[], unit: 'ms' | 's' | 'MB' | 'n'): string {
  const s = stats(values);
  if (!s) return 'n/a';
  const f = (x: number) =>
    unit === 'ms' ? `${Math.round(x)} ms` : unit === 's' ? `${(x / 1000).toFixed(2)} s` : unit === 'MB' ? `${(x / 1024).toFixed(1)} MiB` : `${x}`;
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

function sizeRow(label: string, dist: string): string {
  const index = join(dist, 'index.js');
  const raw = readFileSync(index);
  const d = dirBytes(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  return `| ${label} | ${raw.length.toLocaleString('en')} B (${kb(raw.length)}) | ${kb(gzipSync(raw).length)} | ${d.bytes.toLocaleString('en')} B (${kb(d.bytes)}), ${d.files} files |`;
}

function markdown(results: RunResult[], anchor: Anchor | undefined, meta: Record<string, string>): string {
  const out: string[] = [];
  const label = (t: Tool) => (t === 'ours' ? 'ours (deploy-ecs)' : `anchor ${anchor?.tag ?? ''}`.trim());
  const load = stats(results.map((r) => r.load1));
  const loadText = load ? ` 1-min load average at the start of each run: median ${load.median.toFixed(2)} (${load.min.toFixed(2)}–${load.max.toFixed(2)}).` : '';
  out.push(`Machine: ${meta.machine}. Run: ${meta.date}.${loadText} Ours: ${meta.ours}. Anchor: ${anchor ? `aws-actions/amazon-ecs-deploy-task-definition ${anchor.tag} (${anchor.commit.slice(0, 12)})` : 'skipped (no mirror)'}.`);
  out.push('');
  out.push('### Bundle size');
  out.push('');
  out.push('| bundle | dist/index.js | gzip -9 of it | whole dist/ folder |');
  out.push('| --- | --- | --- | --- |');
  out.push(sizeRow(label('ours'), OURS_DIST));
  if (anchor) out.push(sizeRow(label('anchor'), join(anchor.dir, 'dist')));
  out.push('');
  const success = results.filter((r) => !r.scenario.startsWith('fail') && r.scenario !== 'three-services');
  if (success.length) {
    out.push('### Start-up and footprint, pooled over every successful run');
    out.push('');
    out.push('These do not depend on the poll policy, so all success scenarios are pooled. Median (min–max).');
    out.push('');
    out.push('| tool | runs | cold start (spawn → first API call) | wall minus poll sleeps | peak RSS | CPU (user+sys) |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const tool of ['ours', 'anchor'] as Tool[]) {
      const r = success.filter((x) => x.tool === tool);
      if (r.length === 0) continue;
      out.push(
        `| ${label(tool)} | ${r.length} | ${fmt(r.map((x) => x.coldStartMs ?? NaN), 'ms')} | ${fmt(r.map((x) => x.activeMs), 'ms')} | ${fmt(r.map((x) => x.peakRssKb ?? NaN), 'MB')} | ${fmt(r.map((x) => (x.cpuSec ?? NaN) * 1000), 's')} |`,
      );
    }
    out.push('');
  }
  for (const sc of scenarios.filter((s) => !s.name.startsWith('fail'))) {
    const rows = results.filter((r) => r.scenario === sc.name);
    if (rows.length === 0) continue;
    out.push(`### Scenario \`${sc.name}\`: successful deploy${(sc.services ?? 1) > 1 ? ` of ${sc.services} services` : ''} (${sc.plan.outcome} in ${'steps' in sc.plan ? sc.plan.steps : '?'} layer steps${(sc.services ?? 1) > 1 ? ' each' : ''})`);
    out.push('');
    out.push(`${sc.what}. ${sc.reps} runs per tool, alternating, fresh service each. Median (min–max).`);
    out.push('');
    out.push('| tool | exit | cold start | wall | wall minus poll sleeps | poll sleeps | API calls | peak RSS | CPU (user+sys) |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const tool of ['ours', 'anchor'] as Tool[]) {
      const r = rows.filter((x) => x.tool === tool);
      if (r.length === 0) continue;
      const codes = [...new Set(r.map((x) => x.code))].join('/');
      out.push(
        `| ${label(tool)} | ${codes} | ${fmt(r.map((x) => x.coldStartMs ?? NaN), 'ms')} | ${fmt(r.map((x) => x.wallMs), 's')} | ${fmt(r.map((x) => x.activeMs), 'ms')} | ${fmt(r.map((x) => x.sleepMs), 's')} | ${fmt(r.map((x) => x.totalCalls), 'n')} | ${fmt(r.map((x) => x.peakRssKb ?? NaN), 'MB')} | ${fmt(r.map((x) => (x.cpuSec ?? NaN) * 1000), 's')} |`,
      );
    }
    out.push('');
    const ops = [...new Set(rows.flatMap((r) => Object.keys(r.calls)))].sort();
    out.push('API calls by operation (median, min–max):');
    out.push('');
    out.push(`| tool | ${ops.join(' | ')} | total |`);
    out.push(`| --- | ${ops.map(() => '---').join(' | ')} | --- |`);
    for (const tool of ['ours', 'anchor'] as Tool[]) {
      const r = rows.filter((x) => x.tool === tool);
      if (r.length === 0) continue;
      out.push(`| ${label(tool)} | ${ops.map((op) => fmt(r.map((x) => x.calls[op] ?? 0), 'n')).join(' | ')} | ${fmt(r.map((x) => x.totalCalls), 'n')} |`);
    }
    out.push('');
    out.push('What each verified at the end (its own claim; the layer\'s state afterwards):');
    out.push('');
    out.push('| tool | claim (all runs) | end state in the layer (all runs) | registered task definition (hash) |');
    out.push('| --- | --- | --- | --- |');
    for (const tool of ['ours', 'anchor'] as Tool[]) {
      const r = rows.filter((x) => x.tool === tool);
      if (r.length === 0) continue;
      const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.replace(/ecs-svc\/\d+/g, 'ecs-svc/<id>')))].join('<br>');
      out.push(`| ${label(tool)} | ${uniq(r.map((x) => x.claimed))} | ${uniq(r.map((x) => x.endState))} | ${uniq(r.map((x) => x.registeredHash ?? 'none'))} |`);
    }
    out.push('');
  }
  const fails = results.filter((r) => r.scenario.startsWith('fail'));
  if (fails.length) {
    out.push('### Failure behaviour: the new deployment fails');
    out.push('');
    for (const sc of scenarios.filter((s) => s.name.startsWith('fail'))) out.push(`- \`${sc.name}\`: ${sc.what}.`);
    out.push('');
    out.push('| scenario | tool | exit | wall | API calls | what it did / said | end state in the layer | job summary |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of fails) {
      const ops = Object.entries(r.calls).map(([k, v]) => `${k} ${v}`).join(', ');
      const clean = (x: string) => x.replace(/\|/g, '\\|').replace(/ecs-svc\/\d+/g, 'ecs-svc/<id>').replace(/arn:aws:ecs:[^:]+:\d+:task-definition\//g, '');
      out.push(
        `| ${r.scenario} | ${label(r.tool)} | ${r.code} | ${(r.wallMs / 1000).toFixed(1)} s | ${r.totalCalls} (${ops}) | ${clean(r.claimed)}; error: ${clean(r.errorLine ?? 'none')} | ${r.endState} | ${r.summaryWritten ? 'written' : 'none'} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- main

/** The commit of our committed bundle, and whether the working tree's copy differs from it. */
function bundleVersion(): string {
  try {
    const path = relative(repoRoot, join(OURS_DIST, 'index.js'));
    const commit = execFileSync('git', ['log', '-1', '--format=%h', '--', path], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', path], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return `actions/deploy-ecs/dist/index.js of ${commit || 'an uncommitted build'}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'actions/deploy-ecs/dist/index.js (git not available)';
  }
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  if (process.env.BENCH_REPORT_ONLY) {
    // Re-render the tables from the last run's results.json (e.g. after changing the report).
    const saved = JSON.parse(readFileSync(join(WORK, 'results.json'), 'utf8')) as { meta: Record<string, string>; anchor?: Anchor; results: RunResult[] };
    const md = markdown(saved.results, saved.anchor, saved.meta);
    writeFileSync(join(WORK, 'results.md'), `${md}\n`);
    console.log(md);
    return;
  }
  const anchor = prepareAnchor();
  if (anchor) console.error(`bench: anchor ${anchor.tag} (${anchor.commit}) extracted to ${relative(repoRoot, anchor.dir)}`);
  if (!existsSync(TIME_BIN)) console.error(`bench: ${TIME_BIN} missing (apt-get install -y time): peak RSS not measured`);

  const oursVersion = bundleVersion();
  const moto = await startMoto();
  const layer = await startEcsLayer({ upstream: moto.url, motoLogTail: moto.logTail });
  const proxy = await startTimingProxy(layer.url);
  const results: RunResult[] = [];
  try {
    for (const sc of scenarios) {
      const tools: Tool[] = [...(sc.ours ? ['ours' as const] : []), ...(sc.anchor && anchor ? ['anchor' as const] : [])];
      for (let rep = 1; rep <= sc.reps; rep++) {
        const order = rep % 2 === 1 ? tools : [...tools].reverse();
        for (const tool of order) {
          const r = await runOnce(tool, sc, rep, { layer, proxy, anchor });
          results.push(r);
          console.error(
            `bench: ${sc.name} ${tool} #${rep}: exit ${r.code}, cold ${Math.round(r.coldStartMs ?? NaN)} ms, wall ${(r.wallMs / 1000).toFixed(2)} s, ` +
              `active ${Math.round(r.activeMs)} ms, calls ${r.totalCalls} ${JSON.stringify(r.calls)}, rss ${r.peakRssKb} kB; ${r.claimed}; ${r.endState}`,
          );
        }
      }
    }
  } finally {
    await proxy.stop();
    await layer.stop();
    await moto.stop();
  }

  const meta = {
    machine: `${cpus().length} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${execFileSync(node24(), ['-v'], { encoding: 'utf8' }).trim()} for both bundles; moto, the layer and the bundle share the machine`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    ours: oursVersion,
  };
  const md = markdown(results, anchor, meta);
  writeFileSync(join(WORK, 'results.json'), JSON.stringify({ meta, anchor, results }, null, 2));
  writeFileSync(join(WORK, 'results.md'), `${md}\n`);
  console.log(md);
}

await main();
