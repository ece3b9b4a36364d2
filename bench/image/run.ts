/**
 * bench/image: what build-image sends to a registry and how long it takes, beside a plain
 * `buildah bud` + `buildah push` of the same Dockerfile in the same run; then the built-in server's
 * throughput and p99 latency beside a Flask + onnxruntime server of the same model.
 *
 *   bench/image/run.sh
 *
 * Part 1 (push): a real registry (docker-registry) behind a byte-counting TCP proxy, so every byte
 * a tool sends to the registry is counted; upload requests (POST/PATCH/PUT) come from the
 * registry's access log. Each tool has its own fresh buildah storage (vfs, chroot). Scenarios:
 * (a) first push, (b) rebuild with only a new model (same size, other weights), (c) rebuild with
 * nothing changed. Ours is the committed bundle run as the runner runs it.
 *
 * Part 2 (serving): `node packages/serving/dist/server.js` and `gunicorn flask_app:app` on the
 * iris classifier, pinned with taskset to 1 core and to 2 cores, loaded by a closed-loop generator
 * in this process (fixed concurrency, fixed duration after a warm-up; keep-alive).
 *
 * Environment: BENCH_MODEL_MB (default 8), BENCH_SECONDS (default 10), BENCH_CONCURRENCY (8),
 * BENCH_PARTS (push,serving).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@ml-deploy/test/action-yml';
import { freePort, LOOPBACK } from '@ml-deploy/test/harness/free-port';
import { buildahEnv, pushNodeBase } from '@ml-deploy/test/harness/images';
import { startRegistry } from '@ml-deploy/test/harness/registry';
import { runBundle } from '@ml-deploy/test/run-bundle';
import { installedOnnxRuntimeDir, seededOnnxRuntimeCache } from '@ml-deploy/test/fixtures/onnx/fixtures';

// ONNX Runtime as a runner's tool cache holds it after build-image's first fetch (the same bytes as
// the pinned npm release): neither side of the bench pays the download.
const ortCache = seededOnnxRuntimeCache();

const MODEL_MB = Number(process.env.BENCH_MODEL_MB || 8);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const PARTS = (process.env.BENCH_PARTS || 'push,serving').split(',');
const WORK = join(repoRoot, 'bench', '.work', 'image');
mkdirSync(WORK, { recursive: true });
const py = join(repoRoot, '.venv', 'bin', 'python');

/** Async, so the byte-counting proxy in this process keeps forwarding while the command runs. */
function shAsync(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: ${err}`))));
  });
}

function sh(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

// ------------------------------------------------------------------ byte-counting proxy

interface Proxy {
  host: string;
  sent(): number;
  reset(): void;
  close(): Promise<void>;
}

async function countingProxy(upstreamPort: number): Promise<Proxy> {
  let bytes = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const up = connect(upstreamPort, LOOPBACK);
    sockets.add(client).add(up);
    client.on('data', (d) => (bytes += d.length));
    client.pipe(up);
    up.pipe(client);
    const end = () => {
      client.destroy();
      up.destroy();
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, LOOPBACK, r));
  return {
    host: `${LOOPBACK}:${port}`,
    sent: () => bytes,
    reset: () => (bytes = 0),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

// ------------------------------------------------------------------ part 1: pushes

interface PushRow {
  tool: string;
  scenario: string;
  seconds: number;
  bytesSent: number;
  uploads: number;
  digest: string;
}

async function pushBench(): Promise<{ rows: PushRow[]; modelBytes: number; notes: string[] }> {
  const registry = await startRegistry();
  const proxy = await countingProxy(registry.port);
  const notes: string[] = [];
  try {
    // Straight to the registry: spawnSync would block this process, and with it the proxy.
    const base = pushNodeBase(registry).replace(registry.host, proxy.host);
    const models = [1, 2].map((seed) => {
      const p = join(WORK, `model-${seed}.onnx`);
      sh(py, [join(repoRoot, 'bench/image/make_model.py'), p, String(seed), String(MODEL_MB)]);
      return p;
    });
    const modelBytes = statSync(models[0]!).size;
    const uploads = () => (readFileSync(registry.logPath, 'utf8').match(/"(PUT|PATCH|POST) \/v2\//g) ?? []).length;
    const rows: PushRow[] = [];
    const measure = async (tool: string, scenario: string, fn: () => Promise<string>) => {
      proxy.reset();
      const u0 = uploads();
      const t0 = performance.now();
      const digest = await fn();
      rows.push({ tool, scenario, seconds: (performance.now() - t0) / 1000, bytesSent: proxy.sent(), uploads: uploads() - u0, digest });
      process.stderr.write(`${tool} ${scenario}: ${rows.at(-1)!.seconds.toFixed(1)} s, ${proxy.sent()} bytes\n`);
    };

    // Ours: the committed bundle, as the runner runs it.
    const ours = buildahEnv();
    const oursRun = async (model: string, version: string) => {
      const r = await runBundle('build-image', {
        inputs: { model, image: `${proxy.host}/bench/ours`, 'base-image': base, push: 'true', tags: 'latest', 'model-version': version, 'source-date-epoch': '1700000000' },
        env: { PATH: process.env.PATH ?? '', ML_DEPLOY_ORT_CACHE: ortCache, CONTAINERS_STORAGE_CONF: ours.env.CONTAINERS_STORAGE_CONF!, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' },
        timeoutMs: 900_000,
      });
      if (r.code !== 0) throw new Error(`build-image failed:\n${r.stdout}\n${r.stderr}`);
      return r.outputs.digest!;
    };
    // The anchor: one Dockerfile with the same files, built and pushed with plain buildah.
    const anchor = buildahEnv();
    const ctx = mkdtempSync(join(tmpdir(), 'bench-image-anchor-'));
    cpSync(join(repoRoot, 'packages/serving/dist/server.js'), join(ctx, 'server/server.js'));
    cpSync(join(repoRoot, 'packages/serving/dist/package.json'), join(ctx, 'server/package.json'));
    cpSync(installedOnnxRuntimeDir(), join(ctx, 'server', process.arch), { recursive: true });
    writeFileSync(join(ctx, 'Dockerfile'), `FROM ${base}\nCOPY server/ /opt/ml-deploy/server/\nCOPY model/ /opt/ml/model/\nENV MODEL_PATH=/opt/ml/model/model.onnx HOST=0.0.0.0 PORT=8080\nCMD ["/opt/ml-deploy/server/server.js"]\n`);
    const regConf = join(ctx, '..', `registries-${Date.now()}.conf`);
    writeFileSync(regConf, `[[registry]]\nlocation = "${proxy.host}"\ninsecure = true\n`);
    const anchorEnv = { ...anchor.env, CONTAINERS_REGISTRIES_CONF: regConf };
    const anchorRun = async (model: string) => {
      mkdirSync(join(ctx, 'model'), { recursive: true });
      cpSync(model, join(ctx, 'model/model.onnx'));
      await shAsync('buildah', ['bud', '--quiet', '-t', 'bench/anchor:latest', ctx], anchorEnv);
      const df = join(ctx, '..', `anchor-digest-${Date.now()}`);
      await shAsync('buildah', ['push', '--quiet', '--digestfile', df, 'bench/anchor:latest', `docker://${proxy.host}/bench/anchor:latest`], anchorEnv);
      return readFileSync(df, 'utf8').trim();
    };

    for (const [tool, fn] of [
      ['build-image', (m: string, v: string) => oursRun(m, v)],
      ['buildah bud + push', (m: string) => anchorRun(m)],
    ] as const) {
      await measure(tool, '(a) first push', () => fn(models[0]!, '1'));
      await measure(tool, '(b) only a new model', () => fn(models[1]!, '2'));
      await measure(tool, '(c) nothing changed', () => fn(models[1]!, '2'));
    }
    ours.cleanup();
    anchor.cleanup();
    notes.push(`model: ${MODEL_MB} MiB of random float32 weights (make_model.py), ${modelBytes} bytes; the two models differ only in their weights`);
    return { rows, modelBytes, notes };
  } finally {
    await proxy.close();
    await registry.stop();
  }
}

// ------------------------------------------------------------------ part 2: serving

interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, body: string, seconds: number, concurrency: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const one = () =>
    new Promise<number>((resolve) => {
      const t0 = performance.now();
      const req = request(`${url}/predict`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - t0 : -1));
      });
      req.on('error', () => resolve(-1));
      req.end(body);
    });
  const run = async (ms: number, record: boolean) => {
    const lat: number[] = [];
    let errors = 0;
    const stop = performance.now() + ms;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < stop) {
          const l = await one();
          if (!record) continue;
          if (l < 0) errors++;
          else lat.push(l);
        }
      }),
    );
    return { lat, errors };
  };
  await run(2000, false); // warm-up
  const { lat, errors } = await run(seconds * 1000, true);
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] ?? NaN;
  return { requests: lat.length, errors, rps: lat.length / seconds, p50: pct(50), p99: pct(99) };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready`);
}

interface ServeRow extends LoadResult {
  server: string;
  cores: number;
  batch: number;
}

async function servingBench(): Promise<ServeRow[]> {
  const fx = JSON.parse(sh(py, [join(repoRoot, 'test/fixtures/onnx/make_fixtures.py'), join(WORK, 'fixtures')])) as { classifier: string };
  const rows: ServeRow[] = [];
  const node = join(repoRoot, 'node_modules/node/bin/node');
  for (const cores of [1, 2]) {
    const cpuList = cores === 1 ? '0' : '0,1';
    const servers: [string, (port: number) => ChildProcess][] = [
      ['built-in (Node 24 + onnxruntime-node)', (port) => spawn('taskset', ['-c', cpuList, node, join(repoRoot, 'packages/serving/dist/server.js'), '--model', fx.classifier, '--host', LOOPBACK, '--port', String(port), '--threads', String(cores)], { stdio: 'ignore', env: { ...process.env, ML_DEPLOY_ORT_CACHE: ortCache } })],
      [`Flask + onnxruntime (gunicorn -w ${cores})`, (port) => spawn('taskset', ['-c', cpuList, join(repoRoot, '.venv/bin/gunicorn'), '-w', String(cores), '-b', `${LOOPBACK}:${port}`, '--chdir', join(repoRoot, 'bench/image'), 'flask_app:app'], { stdio: 'ignore', env: { ...process.env, MODEL_PATH: fx.classifier, ORT_THREADS: '1' } })],
    ];
    for (const [name, start] of servers) {
      const port = await freePort();
      const child = start(port);
      const url = `http://${LOOPBACK}:${port}`;
      try {
        await waitReady(url, child);
        for (const batch of [1, 32]) {
          const body = JSON.stringify({ instances: Array.from({ length: batch }, (_, i) => [5.1 + (i % 3), 3.5, 1.4, 0.2]) });
          const r = await load(url, body, SECONDS, CONCURRENCY);
          rows.push({ server: name, cores, batch, ...r });
          process.stderr.write(`${name} ${cores} core(s) batch ${batch}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(2)} ms\n`);
        }
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
    }
  }
  return rows;
}

// ------------------------------------------------------------------ report

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const started = new Date();
const load0 = loadavg();
const push = PARTS.includes('push') ? await pushBench() : undefined;
const serving = PARTS.includes('serving') ? await servingBench() : undefined;
const commit = sh('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']).trim();
const md: string[] = [];
md.push(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, **shared with other engineers' builds and tests during the run** (load average ${load0.map((l) => l.toFixed(1)).join(' / ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end). ${sh('buildah', ['--version']).trim()}; Node ${sh(join(repoRoot, 'node_modules/node/bin/node'), ['--version']).trim()}. Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Code: ${commit}.`);
if (push) {
  md.push('', '### Pushes: bytes sent to the registry and wall time', '', push.notes.join('; ') + '.', '');
  md.push('| tool | scenario | wall s | bytes sent to the registry | × model size | upload requests | digest |', '|---|---|---:|---:|---:|---:|---|');
  for (const r of push.rows) md.push(`| ${r.tool} | ${r.scenario} | ${r.seconds.toFixed(1)} | ${r.bytesSent} (${mib(r.bytesSent)}) | ${(r.bytesSent / push.modelBytes).toFixed(3)} | ${r.uploads} | \`${r.digest.slice(0, 19)}...\` |`);
  const b = push.rows.find((r) => r.tool === 'build-image' && r.scenario.startsWith('(b)'))!;
  const c = push.rows.find((r) => r.tool === 'build-image' && r.scenario.startsWith('(c)'))!;
  md.push('', `- (b) target ≤ model size + 1 % (${Math.round(push.modelBytes * 1.01)} bytes): **${b.bytesSent <= push.modelBytes * 1.01 ? 'met' : 'missed'}**, ${b.bytesSent} bytes (${((b.bytesSent / push.modelBytes - 1) * 100).toFixed(2)} % over the model's size, which counts HTTP headers, the config and the manifest).`);
  md.push(`- (c) target: push nothing: **${c.uploads === 0 ? 'met' : 'missed'}**, ${c.uploads} upload requests; ${c.bytesSent} bytes of request headers (reads that check the tag).`);
}
if (serving) {
  md.push('', `### Serving: the iris classifier, closed loop, ${CONCURRENCY} concurrent keep-alive connections, ${SECONDS} s after a 2 s warm-up`, '');
  md.push('The load generator runs on the same 2 cores (not pinned): at 2 cores it competes with the server.', '');
  md.push('| server | cores | rows per request | requests | errors | req/s | p50 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of serving) md.push(`| ${r.server} | ${r.cores} | ${r.batch} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
}
writeFileSync(join(WORK, 'results.json'), JSON.stringify({ push, serving }, null, 2));
writeFileSync(join(WORK, 'results.md'), md.join('\n') + '\n');
process.stdout.write(md.join('\n') + '\n');
