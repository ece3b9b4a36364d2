#!/usr/bin/env node
/**
 * bench/model-scan: our scanner against picklescan and modelscan on the same files, in one run.
 *
 *   pnpm exec node bench/model-scan/run.mjs [--runs 3] [--skip-detect] [--detect-only]
 *
 * --detect-only reuses the timings of the previous run (bench/.work/perf.json) and redoes the
 * detection table, e.g. after adding fixtures.
 *
 * Builds (once, under the git-ignored bench/.work/) a 1 GiB joblib file of numpy arrays, a 2 GiB
 * one (peak-RSS run), a ~1 GiB PyTorch-format zip, 10,000 small pickles and the fixture corpus
 * (test/fixtures/model/make_fixtures.py). Bundles our CLI with ncc, then times every tool with
 * /usr/bin/time -v (wall clock, peak RSS), `sha256sum` on the same bytes as the floor, and runs
 * the detection table. Writes bench/model-scan/results.md and the model-scan section of
 * bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'bench', '.work');
const inputs = join(work, 'inputs');
const corpus = join(work, 'corpus');
const dist = join(work, 'dist', 'index.js');
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const python = process.env.ML_DEPLOY_PYTHON ?? (existsSync(join(root, '.venv', 'bin', 'python3')) ? join(root, '.venv', 'bin', 'python3') : 'python3');
/** A console script of the Python that runs the helper: its venv's bin, else the base install's. */
const bin = (name) => {
  const r = spawnSync(python, ['-c', 'import sys,os,shutil;print(shutil.which(sys.argv[1], path=os.pathsep.join([os.path.join(sys.prefix,"bin"),os.path.join(sys.base_prefix,"bin"),os.environ.get("PATH","")])) or "")', name], { encoding: 'utf8' });
  const found = r.stdout.trim();
  if (!found) throw new Error(`${name} not found for ${python}; pip install -r requirements-dev.txt`);
  return found;
};
const picklescan = bin('picklescan');
const modelscan = bin('modelscan');

function log(msg) {
  process.stderr.write(`[model-scan] ${msg}\n`);
}

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** Runs a command under /usr/bin/time -v; returns wall seconds, peak RSS (MiB), exit code, output. */
function timed(cmd, cmdArgs, opts = {}) {
  const tfile = join(work, 'time.txt');
  const r = run('/usr/bin/time', ['-v', '-o', tfile, cmd, ...cmdArgs], opts);
  const t = readFileSync(tfile, 'utf8');
  if (r.status === 127 || /Command exited with non-zero status 127/.test(t)) throw new Error(`${cmd} could not be started`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(t)?.[1] ?? '0:0';
  const parts = wall.split(':').map(Number);
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1] ?? 0);
  return { seconds, rssMiB: rssKb / 1024, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor(s.length / 2)];
}

function sizeOf(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  let n = 0;
  for (const e of readdirSync(p)) n += sizeOf(join(p, e));
  return n;
}

mkdirSync(work, { recursive: true });
log(`building inputs under ${inputs} (once)`);
run(python, [join(root, 'bench', 'model-scan', 'bench_helper.py'), 'make-inputs', inputs], { stdio: 'inherit' });
if (!existsSync(join(corpus, 'manifest.json'))) {
  log('building the fixture corpus');
  run(python, [join(root, 'test', 'fixtures', 'model', 'make_fixtures.py'), corpus], { stdio: 'inherit' });
}
log('bundling our scanner CLI with ncc');
rmSync(join(work, 'dist'), { recursive: true, force: true });
const ncc = run(process.execPath, [join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'), 'build', join('bench', 'model-scan', 'scan-cli.ts'), '-o', join('bench', '.work', 'dist'), '--no-cache', '--quiet'], { cwd: root });
if (ncc.status !== 0) throw new Error(`ncc failed: ${ncc.stderr}`);

const node = process.execPath;
const tools = {
  ours: (p) => [node, [dist, p]],
  picklescan: (p) => [picklescan, ['--path', p]],
  modelscan: (p) => [modelscan, ['-p', p]],
  'floor: read+sha256 in Node': (p) => [node, [join(root, 'bench', 'model-scan', 'sha256-floor.mjs'), p]],
  'floor: sha256sum': (p) => (statSync(p).isDirectory() ? ['/bin/sh', ['-c', `find "${p}" -type f -print0 | xargs -0 sha256sum > /dev/null`]] : ['sha256sum', [p]]),
};
const workloads = [
  ['1 GiB joblib (numpy arrays)', join(inputs, 'big.joblib')],
  ['~1 GiB PyTorch zip', join(inputs, 'big.pt')],
  ['10,000 small pickles (dir)', join(inputs, 'small')],
];

const detectOnly = args.includes('--detect-only');
const previous = detectOnly ? JSON.parse(readFileSync(join(work, 'perf.json'), 'utf8')) : null;
const perf = previous ? previous.perf : [];
for (const [label, p] of detectOnly ? [] : workloads) {
  const bytes = sizeOf(p);
  for (const [tool, mk] of Object.entries(tools)) {
    const [cmd, cmdArgs] = mk(p);
    timed(cmd, cmdArgs, { cwd: work }); // warm-up: page cache and interpreter caches
    const samples = [];
    for (let k = 0; k < runs; k++) samples.push(timed(cmd, cmdArgs, { cwd: work }));
    const m = median(samples);
    const note = tool === 'ours' ? oursNote(m, bytes) : outcomeNote(tool, m);
    perf.push({ label, tool, bytes, seconds: m.seconds, rssMiB: m.rssMiB, code: m.code, note });
    log(`${label} ${tool}: ${m.seconds.toFixed(2)} s, ${(bytes / 1e6 / Math.max(m.seconds, 0.01)).toFixed(0)} MB/s, ${m.rssMiB.toFixed(0)} MiB (exit ${m.code})`);
  }
}

function oursNote(m, bytes) {
  const cols = m.stdout.trim().split('\n').slice(-1)[0]?.split('\t') ?? [];
  const read = Number(cols[4] ?? 0);
  return `${cols[1] ?? '?'}; whole input hashed and scanned; bytes read ${(read / bytes).toFixed(3)}× its size${cols[5] && cols[5] !== '{}' ? `; findings ${cols[5]}` : ''}`;
}

function outcomeNote(tool, m) {
  const text = `${m.stdout}\n${m.stderr}`;
  if (tool === 'picklescan') {
    const err = /ERROR: parsing pickle in .*?: (.*)/.exec(text)?.[1];
    const scanned = /Scanned files: (\d+)/.exec(text)?.[1];
    return `${scanned ?? '?'} files scanned${err ? `; stopped: ${err.slice(0, 60)}` : ''}`;
  }
  if (tool === 'modelscan') {
    const err = /Parsing error: (.*)/.exec(text)?.[1];
    const skipped = /Total skipped: (\d+)/.exec(text)?.[1];
    return `${err ? `stopped: ${err.slice(0, 60)}` : 'no parse error'}${skipped ? `; ${skipped} skipped` : ''}`;
  }
  return '';
}

log('peak RSS on a 2 GiB file');
const big2 = join(inputs, 'big-2g.joblib');
const rss2 = previous ? previous.rss2 : median(Array.from({ length: runs }, () => timed(node, [dist, big2], { cwd: work })));
const sha2 = previous ? previous.sha2 : median(Array.from({ length: runs }, () => timed(node, [join(root, 'bench', 'model-scan', 'sha256-floor.mjs'), big2], { cwd: work })));
log(`2 GiB: ${rss2.seconds.toFixed(2)} s, ${rss2.rssMiB.toFixed(0)} MiB`);

let detection = null;
if (!args.includes('--skip-detect')) {
  log('detection table (corpus of fixtures)');
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
  const ours = run(node, [dist, '--json', ...manifest.map((m) => join(corpus, m.name))], { cwd: work });
  const ourReports = ours.stdout.trim().split('\n').map((l) => JSON.parse(l));
  run(python, [join(root, 'bench', 'model-scan', 'bench_helper.py'), 'detect', corpus, join(work, 'detect.json')], { stdio: 'inherit' });
  const others = JSON.parse(readFileSync(join(work, 'detect.json'), 'utf8'));
  detection = manifest.map((m, k) => {
    const r = ourReports[k];
    const o = others[k];
    const dangerous = r.findings.filter((f) => f.severity === 'dangerous');
    const malformed = r.findings.filter((f) => f.severity === 'malformed');
    const unknown = r.findings.filter((f) => f.severity === 'unknown-import');
    const oursOutcome = dangerous.length ? 'dangerous' : malformed.length ? 'malformed' : unknown.length ? 'unknown' : 'clean';
    const ps = o.picklescan.infected > 0 || o.picklescan.dangerous.length > 0 ? 'dangerous' : o.picklescan.error ? 'error' : o.picklescan.issues > 0 ? 'suspicious' : 'clean';
    const ms = o.modelscan.issues > 0 ? 'dangerous' : o.modelscan.error ? 'error' : 'clean';
    return { ...m, ours: oursOutcome, oursImports: [...new Set(dangerous.map((f) => f.import ?? f.rule))], picklescan: ps, modelscan: ms };
  });
  writeFileSync(join(work, 'detection.json'), JSON.stringify(detection, null, 1));
}

// --- report -----------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const date = (previous?.date ?? new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC') + (previous ? ` (timings); detection table ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC` : '');
const commit = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.trim();
const versions = run(python, ['-c', 'import importlib.metadata as m;print(" ".join(f"{p} {m.version(p)}" for p in ["picklescan","modelscan","joblib","numpy"]))'], { encoding: 'utf8' }).stdout.trim();
const mbps = (b, s) => (b / 1e6 / Math.max(s, 0.001)).toFixed(0);
const lines = [];
let detailStart = -1; // the per-fixture table goes to results.md only
lines.push(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; ${versions}. Date: ${date}. Code: ${previous?.commit ? `timings at ${previous.commit}, detection at ${commit}` : commit}.`);
lines.push(`Command: \`pnpm exec node bench/model-scan/run.mjs --runs ${runs}\` (median of ${runs} runs after one warm-up; files in page cache; wall clock and peak RSS from \`/usr/bin/time -v\`, process start-up included for every tool).`);
lines.push('');
lines.push('### Throughput');
lines.push('');
lines.push('| input | tool | seconds | MB/s | × picklescan | peak RSS MiB | exit | notes |');
lines.push('|---|---|---:|---:|---:|---:|---:|---|');
for (const [label] of workloads) {
  const ps = perf.find((r) => r.label === label && r.tool === 'picklescan');
  for (const r of perf.filter((x) => x.label === label)) {
    const ratio = ps ? (ps.seconds / Math.max(r.seconds, 0.001)).toFixed(2) : '';
    lines.push(`| ${label} (${(r.bytes / 1e6).toFixed(0)} MB) | ${r.tool} | ${r.seconds.toFixed(2)} | ${mbps(r.bytes, r.seconds)} | ${ratio} | ${r.rssMiB.toFixed(0)} | ${r.code} | ${r.note ?? ''} |`);
  }
}
lines.push('');
lines.push(`Peak RSS of our scanner on a 2 GiB joblib file (${(statSync(big2).size / 2 ** 30).toFixed(2)} GiB): **${rss2.rssMiB.toFixed(0)} MiB**, ${rss2.seconds.toFixed(2)} s (${mbps(statSync(big2).size, rss2.seconds)} MB/s); read+sha256 floor in Node on the same file: ${sha2.seconds.toFixed(2)} s, ${sha2.rssMiB.toFixed(0)} MiB.`);
lines.push('');
lines.push('### Reading the numbers');
lines.push('');
for (const [label] of workloads) {
  const get = (t) => perf.find((r) => r.label === label && r.tool === t);
  const ours = get('ours');
  const ps = get('picklescan');
  const floor = get('floor: read+sha256 in Node');
  const ratio = ps.seconds / Math.max(ours.seconds, 0.001);
  const verdict = ratio >= 3 ? `**met**: ${ratio.toFixed(1)}× picklescan` : `**missed**: ${ratio.toFixed(2)}× picklescan`;
  lines.push(`- ${label}: target ≥3× picklescan ${verdict}. Ours ${ours.seconds.toFixed(2)} s against a floor of ${floor.seconds.toFixed(2)} s just to read and sha256 the same bytes in Node (${(ours.seconds / Math.max(floor.seconds, 0.001)).toFixed(2)}× the floor).`);
}
lines.push('- Why the large-file targets cannot be met as stated: picklescan and modelscan do not read those files. On the joblib file both stop at the first raw numpy array with a parse error (exit 2 / 3, "opcode unknown"): they never see the rest of the file, which is exactly where the joblib-after-array fixture hides its payload. On the PyTorch zip they read only `archive/data.pkl` (a few KB) and neither hash nor look at the 1 GiB of storages. Our scanner must read and sha256 every byte (integrity is part of the contract), so its time is bounded below by the read+sha256 floor, which alone is several times picklescan\'s time; we are at that floor.');
if (detection) {
  lines.push('');
  lines.push('### Detection');
  lines.push('');
  const mal = detection.filter((d) => !d.benign);
  const ben = detection.filter((d) => d.benign);
  const caught = (t, v) => v === 'dangerous' || (t === 'ours' && v === 'malformed');
  const count = (t, rows, pred) => rows.filter((d) => pred(d[t])).length;
  lines.push('| tool | malicious caught (dangerous) | malicious flagged only as error/malformed | malicious missed | benign false alarms (dangerous) | benign errors/unknown |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const t of ['ours', 'picklescan', 'modelscan']) {
    lines.push(`| ${t} | ${count(t, mal, (v) => v === 'dangerous')} / ${mal.length} | ${count(t, mal, (v) => v === 'malformed' || v === 'error')} | ${count(t, mal, (v) => v === 'clean' || v === 'suspicious' || v === 'unknown')} | ${count(t, ben, (v) => v === 'dangerous')} / ${ben.length} | ${count(t, ben, (v) => v !== 'clean' && v !== 'dangerous')} |`);
  }
  const missedByUs = mal.filter((d) => !caught('ours', d.ours) && (d.picklescan === 'dangerous' || d.modelscan === 'dangerous'));
  lines.push('');
  lines.push(`Fixtures another tool catches and we miss: ${missedByUs.length === 0 ? 'none' : missedByUs.map((d) => d.name).join(', ')}.`);
  lines.push('');
  detailStart = lines.length;
  lines.push('| fixture | family | ours | picklescan | modelscan |');
  lines.push('|---|---|---|---|---|');
  const cell = (t, v, benign) => {
    if (benign) return v === 'clean' ? 'clean' : v === 'dangerous' ? '**false alarm**' : v;
    if (v === 'dangerous') return 'caught';
    if (v === 'malformed' || v === 'error') return t === 'ours' ? 'caught (malformed)' : 'error only';
    return '**missed**';
  };
  for (const d of detection) {
    lines.push(`| ${d.name} | ${d.family} | ${cell('ours', d.ours, d.benign)}${d.oursImports.length && !d.benign ? ` (${d.oursImports.slice(0, 3).join(', ')})` : ''} | ${cell('picklescan', d.picklescan, d.benign)} | ${cell('modelscan', d.modelscan, d.benign)} |`);
  }
}
const body = lines.join('\n') + '\n';
const summaryBody = (detailStart >= 0 ? [...lines.slice(0, detailStart), 'Per-fixture table (each fixture: caught / missed / false alarm per tool): [model-scan/results.md](model-scan/results.md).'] : lines).join('\n') + '\n';
writeFileSync(join(root, 'bench', 'model-scan', 'results.md'), `# model-scan results\n\n${body}`);
if (!previous) writeFileSync(join(work, 'perf.json'), JSON.stringify({ perf, rss2, sha2, date, commit }, null, 1));

// bench/README.md: replace only our section (between markers); keep the others'.
const readmePath = join(root, 'bench', 'README.md');
const start = '<!-- model-scan:start -->';
const end = '<!-- model-scan:end -->';
const section = `${start}\n## model-scan: our scanner vs picklescan and modelscan\n\nSource: \`bench/model-scan/\` (runner \`run.mjs\`, inputs \`bench_helper.py\`, CLI \`scan-cli.ts\`). Full tables: [model-scan/results.md](model-scan/results.md).\n\n${summaryBody}${end}`;
let readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '# Benchmarks\n\n';
readme = readme.includes(start) ? readme.slice(0, readme.indexOf(start)) + section + readme.slice(readme.indexOf(end) + end.length) : `${readme.trimEnd()}\n\n${section}\n`;
writeFileSync(readmePath, readme);
log('wrote bench/model-scan/results.md and bench/README.md');
