#!/usr/bin/env node
/**
 * Builds every action bundle: wipes `actions/<name>/dist` and runs ncc on `actions/<name>/src/index.ts`,
 * with a licenses file beside each bundle. A package with one command, `packages/<name>/src/bin/<cmd>.ts`,
 * is bundled the same way into `packages/<name>/dist/<cmd>.js` (the model server: dist/server.js).
 *
 *   node scripts/build-dist.mjs            rebuild every actions/*\/dist in place
 *   node scripts/build-dist.mjs --check    rebuild into a temp dir and compare byte for byte with the
 *                                          dist in the working tree; print (and append to
 *                                          $GITHUB_STEP_SUMMARY) what differs; exit 1 on any difference
 *   node scripts/build-dist.mjs deploy-ecs only the named actions or packages (either mode)
 *
 * A bundle must not depend on where the repository sits: CI builds from a fresh clone in another
 * directory and compares with the committed bytes. Every bundle is therefore scanned for the
 * absolute path of the repository, and the build fails if it is found.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nccCli = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const MAX_DIFF_LINES = 40;

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--check');
if (unknown.length > 0) {
  fail(`unknown option ${unknown.join(' ')}; usage: build-dist.mjs [--check] [action ...]`);
}

/** Action packages with an entry point, sorted so logs and summaries are stable. */
function listActions() {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'src', 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/**
 * Everything to bundle: { name, kind, entry, out (dist folder), file (the bundle's name) }, all
 * paths relative to the repository root. Actions first, then packages with a src/bin command.
 */
function listTargets() {
  const targets = listActions().map((name) => ({
    name,
    kind: 'actions',
    entry: join('actions', name, 'src', 'index.ts'),
    out: join('actions', name, 'dist'),
    file: 'index.js',
  }));
  const pkgs = join(root, 'packages');
  if (existsSync(pkgs)) {
    for (const d of readdirSync(pkgs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const bin = join(pkgs, d.name, 'src', 'bin');
      if (!d.isDirectory() || !existsSync(bin)) continue;
      const cmds = readdirSync(bin).filter((f) => f.endsWith('.ts')).sort();
      if (cmds.length !== 1) fail(`packages/${d.name}/src/bin holds ${cmds.length} commands; one bundle per package (dist/<cmd>.js) is supported`);
      const cmd = cmds[0].replace(/\.ts$/, '');
      targets.push({ name: d.name, kind: 'packages', entry: join('packages', d.name, 'src', 'bin', `${cmd}.ts`), out: join('packages', d.name, 'dist'), file: `${cmd}.js` });
    }
  }
  return targets;
}

function fail(message) {
  process.stderr.write(`build-dist: ${message}\n`);
  process.exit(1);
}

/** Runs ncc for one target into outDir; throws with ncc's output on failure. */
function bundle(target, outDir) {
  const { entry } = target;
  rmSync(outDir, { recursive: true, force: true });
  // cwd is the repository root and every path given is relative, so nothing machine-specific
  // reaches ncc's options. No cache: a stale cache entry must never decide what we commit.
  // --transpile-only: ncc would type-check the whole root tsconfig program (bench/, tests, every
  // package), so one unrelated type error would fail every bundle. Types are checked once, by
  // `pnpm typecheck` (same tsconfig) in scripts/test.sh and CI; the emitted bytes are the same
  // either way (isolatedModules), and the build is faster.
  const result = spawnSync(
    process.execPath,
    [nccCli, 'build', entry, '--out', outDir, '--license', 'licenses.txt', '--no-cache', '--transpile-only', '--quiet'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) {
    throw new Error(
      `ncc failed for ${entry} (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
  if (!existsSync(join(outDir, 'index.js'))) {
    throw new Error(`ncc produced no index.js for ${entry} in ${outDir}`);
  }
  if (target.file !== 'index.js') renameSync(join(outDir, 'index.js'), join(outDir, target.file));
  assertNoMachinePaths(target.out, outDir);
}

/**
 * Fails when a bundle embeds this machine's checkout path (it would differ on every clone), or
 * loads a file outside its dist/ at run time: ncc leaves `eval("require")("../..")` for a require
 * it could not resolve, and in a user's workflow there is nothing (no node_modules) beside dist/.
 */
function assertNoMachinePaths(label, outDir) {
  for (const file of listFiles(outDir)) {
    // Copied assets (native binaries) come verbatim from their packages and may hold their own
    // build machine's paths; only what ncc writes is ours to check.
    if (!/\.(c|m)?js$|\.json$|\.txt$/.test(file)) continue;
    const text = readFileSync(join(outDir, file), 'latin1');
    const escape = /eval\(\s*["']require["']\s*\)\(\s*["'`](\.\.\/[^"'`]*)["'`]/.exec(text);
    if (escape) {
      throw new Error(
        `${label}/${file} requires '${escape[1]}' at run time, outside dist/: ncc could not ` +
          'bundle or copy it, and it will not exist where users run the action. Make the import ' +
          'static (so ncc bundles it or copies the asset), or ship the file inside dist/.',
      );
    }
    const at = text.indexOf(root);
    if (at >= 0) {
      const line = text.slice(0, at).split('\n').length;
      throw new Error(
        `${label}/${file}:${line} contains the absolute path ${root}; ` +
          'the bundle would differ in another checkout. Find the import that captures ' +
          '__dirname/import.meta.url at build time and make it runtime-relative.',
      );
    }
  }
}

/** Relative paths of every file under dir, sorted. */
function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Short unified diff of two files (text), or a size note for binaries. */
function shortDiff(committed, built) {
  const result = spawnSync('diff', ['-u', '--label', 'committed', '--label', 'rebuilt', committed, built], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    return `(diff unavailable: ${result.error.message}; sizes ${statSync(committed).size} vs ${statSync(built).size} bytes)`;
  }
  const lines = result.stdout.split('\n');
  const cut = lines.length > MAX_DIFF_LINES;
  return lines.slice(0, MAX_DIFF_LINES).join('\n') + (cut ? `\n... (${lines.length - MAX_DIFF_LINES} more diff lines)` : '');
}

/** Compares committed vs rebuilt dist trees; returns a list of {file, detail}. */
function compareTrees(target, committedDir, builtDir) {
  const problems = [];
  const committed = new Set(listFiles(committedDir));
  const built = new Set(listFiles(builtDir));
  for (const file of [...new Set([...committed, ...built])].sort()) {
    const path = `${target.out}/${file}`;
    if (!committed.has(file)) {
      problems.push({ path, detail: 'missing from the committed dist (the build makes it)' });
    } else if (!built.has(file)) {
      problems.push({ path, detail: 'committed but no longer produced by the build (stale)' });
    } else {
      const a = readFileSync(join(committedDir, file));
      const b = readFileSync(join(builtDir, file));
      if (!a.equals(b)) {
        problems.push({ path, detail: shortDiff(join(committedDir, file), join(builtDir, file)) });
      }
    }
  }
  return problems;
}

function writeSummary(problems) {
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  const parts = ['## check-dist: committed bundles differ from a fresh build', ''];
  parts.push('Run `pnpm build` and commit `actions/*/dist` (and `packages/*/dist`).', '');
  for (const p of problems) {
    parts.push(`### \`${p.path}\``, '', '```diff', p.detail, '```', '');
  }
  appendFileSync(summaryFile, parts.join('\n') + '\n');
}

const allTargets = listTargets();
const all = listActions();
const missing = only.filter((n) => !allTargets.some((t) => t.name === n));
if (missing.length > 0) {
  fail(`no action package with src/index.ts or package with src/bin named ${missing.join(', ')} (found: ${allTargets.map((t) => t.name).join(', ') || 'none'})`);
}
const targets = only.length > 0 ? allTargets.filter((t) => only.includes(t.name)) : allTargets;
const actions = targets.map((t) => t.name);
if (actions.length === 0) {
  process.stdout.write('build-dist: no actions/*/src/index.ts found; nothing to build\n');
  process.exit(0);
}

// Dist folders whose action lost its entry point: stale bundles a release could still ship.
if (only.length === 0 && existsSync(join(root, 'actions'))) {
  for (const d of readdirSync(join(root, 'actions'), { withFileTypes: true })) {
    if (d.isDirectory() && !all.includes(d.name) && existsSync(join(root, 'actions', d.name, 'dist'))) {
      const msg = `actions/${d.name}/dist exists but actions/${d.name}/src/index.ts does not; delete the dist`;
      if (check) fail(msg);
      process.stderr.write(`build-dist: warning: ${msg}\n`);
    }
  }
}

if (!check) {
  for (const target of targets) {
    const started = Date.now();
    try {
      bundle(target, join(root, target.out));
    } catch (error) {
      fail(error.message);
    }
    process.stdout.write(`build-dist: ${target.out} (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
  }
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'ml-deploy-dist-'));
let problems = [];
try {
  for (const target of targets) {
    const builtDir = join(work, target.kind, target.name);
    try {
      bundle(target, builtDir);
    } catch (error) {
      fail(error.message);
    }
    problems = problems.concat(compareTrees(target, join(root, target.out), builtDir));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length === 0) {
  process.stdout.write(`check-dist: ${targets.length} bundle(s) match a fresh build: ${targets.map((t) => t.out).join(', ')}\n`);
  process.exit(0);
}
process.stderr.write(`check-dist: ${problems.length} file(s) differ from a fresh build; run \`pnpm build\` and commit actions/*/dist and packages/*/dist\n`);
for (const p of problems) {
  process.stderr.write(`\n--- ${p.path}\n${p.detail}\n`);
}
writeSummary(problems);
process.exit(1);
