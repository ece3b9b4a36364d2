#!/usr/bin/env node
/**
 * bench/model-scan/object-heavy.mjs: issue 9's three questions in one run, ours beside picklescan
 * and modelscan.
 *
 *   pnpm exec node bench/model-scan/object-heavy.mjs [--runs 3] [--big-mb 320] [--cap-gib 4]
 *
 * 1. Object-heavy pickles (test/fixtures/model/make_object_heavy.py): five shapes at ~32 MB and two
 *    at several hundred MB; seconds and peak RSS per tool (median of --runs for the 32 MB ones,
 *    one run for the big ones). picklescan and modelscan grow with the object count, so on the big
 *    files they run under an address-space cap of --cap-gib (prlimit): this machine is shared.
 * 2. The benign zoo (test/fixtures/model/make_zoo.py): false alarms per tool under each tool's
 *    own failing verdict (ours: the default gate, dangerous or unknown-import).
 * 3. The hostile fixtures (test/fixtures/model/make_fixtures.py): caught per tool, ours under the
 *    default gate.
 * Writes bench/model-scan/object-heavy.md and the model-scan-objects section of bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'bench', '.work');
const heavy = join(work, 'object-heavy');
const zooDir = join(work, 'zoo');
const corpus = join(work, 'corpus');
const dist = join(work, 'dist', 'index.js');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 3);
const bigMb = opt('--big-mb', 320);
const capGiB = opt('--cap-gib', 4);
const python = process.env.ML_DEPLOY_PYTHON ?? (existsSync(join(root, '.venv', 'bin', 'python3')) ? join(root, '.venv', 'bin', 'python3') : 'python3');
const bin = (name) => {
  const r = spawnSync(python, ['-c', 'import sys,os,shutil;print(shutil.which(sys.argv[1], path=os.pathsep.join([os.path.join(sys.prefix,"bin"),os.path.join(sys.base_prefix,"bin"),os.environ.get("PATH","")])) or "")', name], { encoding: 'utf8' });
  const found = r.stdout.trim();
  if (!found) throw new Error(`${name} not found for ${python}; pip install -r requirements-dev.txt`);
  return found;
};
const picklescan = bin('picklescan');
const modelscan = bin('modelscan');
const node = process.execPath;
const log = (msg) => process.stderr.write(`[object-heavy] ${msg}\n`);
const run = (cmd, a, o = {}) => {
  const r = spawnSync(cmd, a, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...o });
  if (r.error) throw r.error;
  return r;
};

function timed(cmd, a, capBytes) {
  const tfile = join(work, 'time-oh.txt');
  const full = capBytes ? ['prlimit', `--as=${capBytes}`, '--', cmd, ...a] : [cmd, ...a];
  const r = run('/usr/bin/time', ['-v', '-o', tfile, ...full], { cwd: work });
  const t = readFileSync(tfile, 'utf8');
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(t)?.[1] ?? '0:0';
  const seconds = wall.split(':').map(Number).reduce((acc, p) => acc * 60 + p, 0);
  const rssMiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1] ?? 0) / 1024;
  return { seconds, rssMiB, code: r.status, out: `${r.stdout}\n${r.stderr}` };
}
const median = (xs) => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)];

mkdirSync(heavy, { recursive: true });
const shapes = ['dicts-tuples', 'lists', 'nested', 'strings', 'objects'];
const bigShapes = ['dicts-tuples', 'nested'];
log('building object-heavy pickles (once)');
run(python, [join(root, 'test', 'fixtures', 'model', 'make_object_heavy.py'), heavy, '32', ...shapes], { stdio: ['ignore', 'ignore', 'inherit'] });
run(python, [join(root, 'test', 'fixtures', 'model', 'make_object_heavy.py'), heavy, String(bigMb), ...bigShapes], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(join(zooDir, 'zoo.json'))) {
  log('building the benign zoo');
  run(python, [join(root, 'test', 'fixtures', 'model', 'make_zoo.py'), zooDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!existsSync(join(corpus, 'manifest.json'))) {
  log('building the fixture corpus');
  run(python, [join(root, 'test', 'fixtures', 'model', 'make_fixtures.py'), corpus], { stdio: ['ignore', 'ignore', 'inherit'] });
}
log('bundling our scanner CLI with ncc');
rmSync(join(work, 'dist'), { recursive: true, force: true });
const ncc = run(node, [join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'), 'build', join('bench', 'model-scan', 'scan-cli.ts'), '-o', join('bench', '.work', 'dist'), '--no-cache', '--quiet'], { cwd: root });
if (ncc.status !== 0) throw new Error(`ncc failed: ${ncc.stderr}`);

const tools = {
  ours: (p) => [node, [dist, p]],
  picklescan: (p) => [picklescan, ['--path', p]],
  modelscan: (p) => [modelscan, ['-p', p]],
};
const outcome = (tool, m) => {
  if (m.code !== 0 && /MemoryError|Cannot allocate|memory/i.test(m.out)) return `out of memory under the ${capGiB} GiB cap`;
  if (tool === 'ours') {
    const cols = m.out.trim().split('\n')[0]?.split('\t') ?? [];
    return `${cols[1] ?? '?'}; findings ${cols[5] ?? '?'}`;
  }
  if (tool === 'picklescan') {
    const err = /ERROR: (.*)/.exec(m.out)?.[1];
    return err ? `error: ${err.slice(0, 70)}` : `${/Dangerous globals: (\d+)/.exec(m.out)?.[1] ?? '?'} dangerous globals`;
  }
  const err = /Parsing error: (.*)/.exec(m.out)?.[1];
  return err ? `error: ${err.slice(0, 70)}` : /No issues found/.test(m.out) ? 'no issues' : `exit ${m.code}`;
};
const perf = [];
const nodeBaseline = median(Array.from({ length: runs }, () => timed(node, [dist, join(corpus, 'benign', 'sklearn-logreg-p4.pkl')])));
for (const [shape, mb, n] of [...shapes.map((s) => [s, 32, runs]), ...bigShapes.map((s) => [s, bigMb, 1])]) {
  const p = join(heavy, `${shape}-${mb}mb.pkl`);
  const bytes = statSync(p).size;
  for (const [tool, mk] of Object.entries(tools)) {
    const [cmd, a] = mk(p);
    const cap = tool === 'ours' ? 0 : capGiB * 2 ** 30;
    const m = median(Array.from({ length: n }, () => timed(cmd, a, cap)));
    perf.push({ shape, bytes, tool, runs: n, seconds: m.seconds, rssMiB: m.rssMiB, code: m.code, note: outcome(tool, m) });
    log(`${shape} ${(bytes / 1e6).toFixed(0)} MB ${tool}: ${m.seconds.toFixed(2)} s, ${m.rssMiB.toFixed(0)} MiB, exit ${m.code}`);
  }
}

log('zoo and hostile fixtures: every tool on every file');
function verdicts(dir, manifestName) {
  const manifest = JSON.parse(readFileSync(join(dir, manifestName), 'utf8'));
  const ours = run(node, [dist, '--json', ...manifest.map((m) => join(dir, m.name))], { cwd: work });
  const reports = ours.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const out = join(work, `detect-${manifestName}`);
  run(python, [join(root, 'bench', 'model-scan', 'bench_helper.py'), 'detect', dir, out, manifestName], { stdio: 'inherit' });
  const others = JSON.parse(readFileSync(out, 'utf8'));
  return manifest.map((m, k) => {
    const r = reports[k];
    const gate = r.findings.filter((f) => f.severity === 'dangerous' || f.severity === 'unknown-import');
    const o = others[k];
    return {
      ...m,
      ours: gate.length ? (gate.some((f) => f.severity === 'dangerous') ? 'dangerous' : 'unknown') : r.findings.some((f) => f.severity === 'malformed') ? 'malformed' : 'clean',
      oursWhy: [...new Set(gate.map((f) => f.import ?? f.rule))].slice(0, 3),
      picklescan: o.picklescan.infected > 0 || o.picklescan.dangerous.length > 0 ? 'dangerous' : o.picklescan.error ? 'error' : 'clean',
      picklescanWhy: o.picklescan.dangerous.slice(0, 3),
      modelscan: o.modelscan.issues > 0 ? 'dangerous' : o.modelscan.error ? 'error' : 'clean',
      modelscanWhy: o.modelscan.dangerous.slice(0, 3),
    };
  });
}
const zoo = verdicts(zooDir, 'zoo.json');
const hostile = verdicts(corpus, 'manifest.json').filter((d) => !d.benign);

// --- report -----------------------------------------------------------------------------------
const versions = run(python, ['-c', 'import importlib.metadata as m;print(" ".join(f"{p} {m.version(p)}" for p in ["picklescan","modelscan","scikit-learn","xgboost-cpu","lightgbm","catboost","pandas","joblib","numpy"]))']).stdout.trim();
const commit = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.trim();
const L = [];
L.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, **shared with other engineers' builds and tests during the run (load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end on 2 cores): timings are noisy, compare tools within a row, not across runs**. Node ${process.version}; ${versions}. Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC. Code: ${commit}.`);
L.push(`Command: \`pnpm exec node bench/model-scan/object-heavy.mjs --runs ${runs} --big-mb ${bigMb} --cap-gib ${capGiB}\`. Wall clock and peak RSS from \`/usr/bin/time -v\`, process start-up included; median of ${runs} runs for the 32 MB files, one run for the big ones. picklescan and modelscan run under \`prlimit --as=${capGiB} GiB\` (address space) so they cannot take the shared machine down.`);
L.push('');
L.push('### Object-heavy pickles (standard pickler, protocol 4)');
L.push('');
L.push(`Our CLI's own baseline (a 1 KB pickle): ${nodeBaseline.rssMiB.toFixed(0)} MiB peak RSS, ${nodeBaseline.seconds.toFixed(2)} s.`);
L.push('');
L.push('| input | tool | seconds | × picklescan | peak RSS MiB | exit | outcome |');
L.push('|---|---|---:|---:|---:|---:|---|');
for (const r of perf) {
  const ps = perf.find((x) => x.shape === r.shape && x.bytes === r.bytes && x.tool === 'picklescan');
  const ratio = ps && ps.code === 0 ? (ps.seconds / Math.max(r.seconds, 0.01)).toFixed(1) : '—';
  L.push(`| ${r.shape} (${(r.bytes / 1e6).toFixed(0)} MB) | ${r.tool} | ${r.seconds.toFixed(2)} | ${ratio} | ${r.rssMiB.toFixed(0)} | ${r.code} | ${r.note} |`);
}
L.push('');
L.push('### The benign zoo: false alarms');
L.push('');
const zooFamilies = [...new Set(zoo.map((z) => z.family))];
L.push(`${zoo.length} files made by the real libraries (${zooFamilies.join(', ')}). A false alarm is a file the tool fails: ours under the default gate (\`dangerous\` or \`unknown-import\`), picklescan a dangerous global, modelscan an issue.`);
L.push('');
L.push('| tool | false alarms | errors (could not read) | clean |');
L.push('|---|---:|---:|---:|');
for (const t of ['ours', 'picklescan', 'modelscan']) {
  L.push(`| ${t} | ${zoo.filter((z) => z[t] === 'dangerous' || z[t] === 'unknown').length} / ${zoo.length} | ${zoo.filter((z) => z[t] === 'error' || z[t] === 'malformed').length} | ${zoo.filter((z) => z[t] === 'clean').length} |`);
}
for (const t of ['ours', 'picklescan', 'modelscan']) {
  const fa = zoo.filter((z) => z[t] === 'dangerous' || z[t] === 'unknown');
  if (fa.length) L.push(`\n${t} false alarms (first 10): ${fa.slice(0, 10).map((z) => `${z.name} (${(z[`${t}Why`] ?? []).join(', ')})`).join('; ')}.`);
}
L.push('');
L.push('### Hostile fixtures');
L.push('');
const fam = (d) => (d.name.startsWith('malformed/') ? 'damaged' : 'payload');
L.push(`${hostile.length} fixtures from make_fixtures.py: ${hostile.filter((d) => fam(d) === 'payload').length} carry a payload or evasion, ${hostile.filter((d) => fam(d) === 'damaged').length} are damaged files (truncated, bad checksums, zip bomb). Caught: ours fails the default gate; picklescan / modelscan report it dangerous.`);
L.push('');
L.push('| tool | payload fixtures caught | damaged fixtures: failed / reported malformed or error / passed |');
L.push('|---|---:|---|');
for (const t of ['ours', 'picklescan', 'modelscan']) {
  const p = hostile.filter((d) => fam(d) === 'payload');
  const dmg = hostile.filter((d) => fam(d) === 'damaged');
  const failed = (v) => v === 'dangerous' || v === 'unknown';
  L.push(`| ${t} | ${p.filter((d) => failed(d[t])).length} / ${p.length} | ${dmg.filter((d) => failed(d[t])).length} / ${dmg.filter((d) => d[t] === 'malformed' || d[t] === 'error').length} / ${dmg.filter((d) => d[t] === 'clean').length} |`);
}
const missed = hostile.filter((d) => fam(d) === 'payload' && !(d.ours === 'dangerous' || d.ours === 'unknown'));
L.push('');
L.push(`Payload fixtures that pass our default gate: ${missed.length ? missed.map((d) => d.name).join(', ') : 'none'}.`);
const body = `${L.join('\n')}\n`;
writeFileSync(join(root, 'bench', 'model-scan', 'object-heavy.md'), `# model-scan: object-heavy pickles, the zoo and the hostile fixtures\n\n${body}`);
const readmePath = join(root, 'bench', 'README.md');
const start = '<!-- model-scan-objects:start -->';
const end = '<!-- model-scan-objects:end -->';
const section = `${start}\n## model-scan: object-heavy pickles, the benign zoo, the hostile fixtures\n\nSource: \`bench/model-scan/object-heavy.mjs\` (inputs from \`test/fixtures/model/make_object_heavy.py\`, \`make_zoo.py\`, \`make_fixtures.py\`). Same tables: [model-scan/object-heavy.md](model-scan/object-heavy.md).\n\n${body}${end}`;
let readme = readFileSync(readmePath, 'utf8');
readme = readme.includes(start) ? readme.slice(0, readme.indexOf(start)) + section + readme.slice(readme.indexOf(end) + end.length) : readme.replace('<!-- model-scan:end -->', `<!-- model-scan:end -->\n\n${section}`);
writeFileSync(readmePath, readme);
log('wrote bench/model-scan/object-heavy.md and bench/README.md');
