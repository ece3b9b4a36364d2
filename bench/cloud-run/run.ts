/**
 * bench/cloud-run: our deploy-cloud-run bundle beside the published bundle of
 * google-github-actions/deploy-cloudrun ("the anchor") in one run, both as the runner runs them
 * (`node <main>` with INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), on this machine with
 * no internet (only package registries are reachable here, none of Google's hosts).
 *
 *   bench/cloud-run/run.sh
 *
 * What it measures, for each tool:
 * - bundle: bytes of the JavaScript the runner loads (main file and its chunks), and gzip'd;
 * - cold start: spawn to the first HTTP request the tool makes (ours: to the Cloud Run fake;
 *   the anchor: through a recording proxy, HTTPS_PROXY, which refuses every CONNECT), and peak RSS;
 * - API calls: what each makes for one deploy, counted at the fake (ours) or the proxy (anchor);
 * - offline: what each does when nothing but loopback answers.
 * Ours also deploys end to end against the fake (update with traffic, and a tagged no-traffic
 * preview), which the anchor cannot: it needs gcloud, which it downloads first.
 *
 * Environment: ML_DEPLOY_ANCHOR_MIRROR (bare git dir; default the fetch tool's mirror of
 * google-github-actions/deploy-cloudrun), ML_DEPLOY_ANCHOR_REF (default newest vX.Y.Z tag),
 * BENCH_REPS (default 5). Results: bench/.work/cloud-run/results.{json,md}, markdown on stdout.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot, runnerInputEnv } from '@ml-deploy/test/action-yml';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { node24, parseOutputFile, runnerFiles } from '@ml-deploy/test/run-bundle';

const MIRROR = process.env.ML_DEPLOY_ANCHOR_MIRROR || '/work/.mirror/google-github-actions+deploy-cloudrun/repo';
const REPS = Number(process.env.BENCH_REPS || 5);
const WORK = join(repoRoot, 'bench', '.work', 'cloud-run');
const OURS_DIST = join(repoRoot, 'actions', 'deploy-cloud-run', 'dist');
const TIME_BIN = '/usr/bin/time';
const PROJECT = 'bench-project';
const REGION = 'us-central1';
const SERVICE = 'model-api';
const IMAGE = `us-docker.pkg.dev/bench-project/models/iris@sha256:${'4'.repeat(64)}`;

interface Anchor {
  tag: string;
  commit: string;
  dir: string;
  main: string;
}

function prepareAnchor(): Anchor | undefined {
  if (!existsSync(MIRROR)) {
    console.error(`bench: anchor skipped: no mirror at ${MIRROR} (fetch github:google-github-actions/deploy-cloudrun, or set ML_DEPLOY_ANCHOR_MIRROR)`);
    return undefined;
  }
  const git = (...args: string[]) => execFileSync('git', [`--git-dir=${MIRROR}`, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const tag = process.env.ML_DEPLOY_ANCHOR_REF || git('tag', '--list', 'v*', '--sort=-v:refname').split('\n').find((t) => /^v\d+\.\d+\.\d+$/.test(t))!;
  const commit = git('rev-parse', `${tag}^{commit}`).trim();
  const dir = join(WORK, `anchor-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  for (const path of ['action.yml', 'package.json', ...git('ls-tree', '-r', '--name-only', commit, 'dist').split('\n').filter(Boolean)]) {
    const out = join(dir, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, execFileSync('git', [`--git-dir=${MIRROR}`, 'show', `${commit}:${path}`], { maxBuffer: 64 << 20 }));
  }
  const yml = readFileSync(join(dir, 'action.yml'), 'utf8');
  const main = /main:\s*'?([^'\n]+)'?/.exec(yml)![1]!.trim();
  return { tag, commit, dir, main: join(dir, main) };
}

/** A forward proxy that records each request (CONNECT host or absolute URL) and refuses it. */
async function recordingProxy(): Promise<{ url: string; seen: Array<{ at: number; target: string }>; server: Server }> {
  const seen: Array<{ at: number; target: string }> = [];
  const server = createServer((req, res) => {
    seen.push({ at: Date.now(), target: `${req.method} ${req.url}` });
    res.writeHead(502);
    res.end('bench proxy: no internet here');
  });
  server.on('connect', (req, socket) => {
    seen.push({ at: Date.now(), target: `CONNECT ${req.url}` });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

interface Run {
  code: number | null;
  ms: number;
  rssKiB?: number;
  stdout: string;
  outputs: Record<string, string>;
  firstRequestMs?: number;
  firstTarget?: string;
}

async function runMain(main: string, env: Record<string, string>, firstRequest: () => { at: number; target: string } | undefined): Promise<Run> {
  const dir = join(WORK, 'runner', String(Date.now()) + Math.random().toString(36).slice(2, 6));
  mkdirSync(dir, { recursive: true });
  const { outputFile, env: runner } = runnerFiles(dir);
  const timeFile = join(dir, 'time.txt');
  const useTime = existsSync(TIME_BIN);
  const [cmd, args] = useTime ? [TIME_BIN, ['-f', '%M', '-o', timeFile, node24(), main]] : [node24(), [main]];
  const started = Date.now();
  const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', HOME: dir, ...runner, ...env }, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const ms = Date.now() - started;
  const first = firstRequest();
  return {
    code,
    ms,
    ...(useTime ? { rssKiB: Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) } : {}),
    stdout,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    ...(first ? { firstRequestMs: first.at - started, firstTarget: first.target } : {}),
  };
}

function bundleBytes(files: string[]): { bytes: number; gzip: number; files: number } {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    gzip += gzipSync(b).length;
  }
  return { bytes, gzip, files: files.length };
}

const jsFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(c|m)?js$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const range = (xs: number[]) => (xs.length ? `${Math.min(...xs)}–${Math.max(...xs)}` : '');

async function main(): Promise<void> {
  rmSync(join(WORK, 'runner'), { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const anchor = prepareAnchor();
  const fake: CloudRunFake = await startCloudRunFake();
  const proxy = await recordingProxy();
  const results: Record<string, unknown> = {};
  try {
    const oursInputs = (extra: Record<string, string>) =>
      runnerInputEnv('deploy-cloud-run', { service: SERVICE, region: REGION, 'project-id': PROJECT, endpoint: fake.url, image: IMAGE, ...extra });
    const oursEnv = { ML_DEPLOY_POLL_INTERVAL: '50ms' };
    const firstAtFake = (since: number) => () => {
      const c = fake.calls[since];
      return c ? { at: c.at, target: `${c.method} ${c.path}` } : undefined;
    };

    // ours: full deploys against the fake, a fresh service each time; anchor: same inputs, offline.
    const ours: Run[] = [];
    const oursCalls: string[][] = [];
    const anchorRuns: Run[] = [];
    for (let i = 0; i < REPS; i++) {
      const order = i % 2 ? ['anchor', 'ours'] : ['ours', 'anchor'];
      for (const tool of order) {
        if (tool === 'ours') {
          fake.reset();
          fake.seedService(PROJECT, REGION, SERVICE);
          const since = fake.calls.length;
          const r = await runMain(join(OURS_DIST, 'index.js'), { ...oursInputs({}), ...oursEnv }, firstAtFake(since));
          ours.push(r);
          oursCalls.push(fake.calls.slice(since).map((c) => c.method));
        } else if (anchor) {
          proxy.seen.length = 0;
          const r = await runMain(
            anchor.main,
            {
              ...Object.fromEntries(
                Object.entries({ service: SERVICE, region: REGION, project_id: PROJECT, image: IMAGE }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
              ),
              HTTPS_PROXY: proxy.url,
              https_proxy: proxy.url,
              HTTP_PROXY: proxy.url,
            },
            () => proxy.seen[0],
          );
          r.firstTarget = proxy.seen.map((s) => s.target).join(', ');
          anchorRuns.push(r);
        }
      }
    }

    // ours: a tagged preview with no traffic, and a failing revision (traffic kept), once each.
    fake.reset();
    fake.seedService(PROJECT, REGION, SERVICE);
    let since = fake.calls.length;
    const preview = await runMain(join(OURS_DIST, 'index.js'), { ...oursInputs({ 'no-traffic': 'true', tag: 'candidate' }), ...oursEnv }, firstAtFake(since));
    const previewCalls = fake.calls.slice(since).map((c) => c.method);
    fake.planRevisions(SERVICE, { outcome: 'fail' });
    since = fake.calls.length;
    const failing = await runMain(join(OURS_DIST, 'index.js'), { ...oursInputs({}), ...oursEnv }, firstAtFake(since));
    const failingCalls = fake.calls.slice(since).map((c) => c.method);
    // ours offline against the real endpoint: no credentials here (as without google-github-actions/auth).
    const oursOffline = await runMain(
      join(OURS_DIST, 'index.js'),
      { ...runnerInputEnv('deploy-cloud-run', { service: SERVICE, region: REGION, 'project-id': PROJECT, image: IMAGE }), HTTPS_PROXY: proxy.url, GOOGLE_APPLICATION_CREDENTIALS: join(WORK, 'none.json') },
      () => undefined,
    );

    const oursBundle = bundleBytes(jsFiles(OURS_DIST));
    const anchorBundle = anchor ? bundleBytes(jsFiles(join(anchor.dir, 'dist'))) : undefined;
    Object.assign(results, {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: +(totalmem() / 2 ** 30).toFixed(1), load: loadavg().map((l) => +l.toFixed(2)), node: execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim() },
      ours: { commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(), bundle: oursBundle, runs: ours.map(strip), calls: oursCalls, preview: { ...strip(preview), calls: previewCalls }, failing: { ...strip(failing), calls: failingCalls }, offline: strip(oursOffline) },
      anchor: anchor ? { tag: anchor.tag, commit: anchor.commit, bundle: anchorBundle, runs: anchorRuns.map(strip) } : undefined,
    });
    writeFileSync(join(WORK, 'results.json'), JSON.stringify(results, null, 2));
    const md = render(results as never);
    writeFileSync(join(WORK, 'results.md'), md);
    console.log(md);
  } finally {
    await fake.stop();
    proxy.server.close();
    proxy.server.closeAllConnections();
  }
}

function strip(r: Run) {
  const last = r.stdout.split('\n').filter((l) => l.startsWith('::error::')).pop();
  return { code: r.code, ms: r.ms, rssKiB: r.rssKiB, firstRequestMs: r.firstRequestMs, firstTarget: r.firstTarget, outputs: r.outputs, error: last };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function render(r: any): string {
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  const ours = r.ours.runs as Array<{ ms: number; rssKiB?: number; firstRequestMs?: number; code: number }>;
  const anchor = (r.anchor?.runs ?? []) as Array<{ ms: number; rssKiB?: number; firstRequestMs?: number; code: number; firstTarget?: string; error?: string }>;
  const row = (name: string, runs: typeof ours, what: string) =>
    `| ${name} | ${median(runs.map((x) => x.firstRequestMs ?? NaN).filter((x) => !Number.isNaN(x)))} (${range(runs.map((x) => x.firstRequestMs ?? NaN).filter((x) => !Number.isNaN(x)))}) | ${median(runs.map((x) => x.ms))} (${range(runs.map((x) => x.ms))}) | ${median(runs.map((x) => Math.round((x.rssKiB ?? 0) / 1024)))} | ${[...new Set(runs.map((x) => x.code))].join(',')} | ${what} |`;
  const count = (calls: string[]) => Object.entries(calls.reduce<Record<string, number>>((a, c) => ((a[c] = (a[c] ?? 0) + 1), a), {})).map(([k, n]) => `${k} ×${n}`).join(', ');
  return [
    `Date: ${r.date}. Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memGiB} GiB, load ${r.machine.load.join(' ')}, Node ${r.machine.node} for both.`,
    `Ours: actions/deploy-cloud-run/dist at ${r.ours.commit}. Anchor: google-github-actions/deploy-cloudrun ${r.anchor?.tag ?? '(skipped)'} (${r.anchor?.commit?.slice(0, 12) ?? ''}), its committed dist/.`,
    `${anchor.length} anchor runs and ${ours.length} of ours, alternating which goes first; milliseconds as median (min–max).`,
    '',
    '| tool | bundle (JS the runner loads) | gzip | files |',
    '| --- | ---: | ---: | ---: |',
    `| ours | ${mb(r.ours.bundle.bytes)} | ${mb(r.ours.bundle.gzip)} | ${r.ours.bundle.files} |`,
    r.anchor ? `| anchor | ${mb(r.anchor.bundle.bytes)} | ${mb(r.anchor.bundle.gzip)} | ${r.anchor.bundle.files} |` : '',
    '',
    '| tool | spawn → first HTTP request, ms | whole run, ms | peak RSS MiB | exit | what the run did |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    row('ours', ours, `deployed a new revision against the fake and moved 100 % of traffic to it (API calls: ${count(r.ours.calls[0] ?? [])})`),
    r.anchor ? row('anchor', anchor, `offline: first request ${anchor[0]?.firstTarget || '(none)'}; ${anchor[0]?.error ?? ''}`.replace(/\|/g, '\\|')) : '',
    '',
    `Ours, tagged preview (no-traffic, tag): exit ${r.ours.preview.code}, ${r.ours.preview.ms} ms, API calls: ${count(r.ours.preview.calls)}.`,
    `Ours, failing revision: exit ${r.ours.failing.code}, ${r.ours.failing.ms} ms, result output \`${r.ours.failing.outputs.result}\`, API calls: ${count(r.ours.failing.calls)}.`,
    `Ours offline against https://run.googleapis.com with no credentials: exit ${r.ours.offline.code} in ${r.ours.offline.ms} ms: ${String(r.ours.offline.error ?? '').replaceAll(repoRoot, '<repo>').replace(/\|/g, '\\|')}`,
  ]
    .filter((l) => l !== undefined)
    .join('\n');
}

await main();
