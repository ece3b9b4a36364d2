/**
 * Tests of the repository scripts (check-actions, gen-readme, build-dist), run by scripts/test.sh
 * with `node --test scripts/test/`. Each end-to-end case builds a throwaway repository in a temp
 * dir (the scripts and schema copied in, node_modules linked) holding a toy action, and runs the
 * real CLI on it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scanInputsSource } from '../check-actions.mjs';
import { cell, inputsTable, outputsTable, renderBlocks } from '../gen-readme.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const temps = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const TOY_ACTION = `name: Toy
description: A toy.
inputs:
  greeting:
    description: What to say | to whom.
    required: true
  max-count:
    description: How many times.
    default: '1'
outputs:
  message:
    description: The message.
runs:
  using: node24
  main: ../actions/toy/dist/index.js
`;

const TOY_INPUTS = `export interface Inputs { greeting: string; 'max-count': number }
export function parseInputs(read: (name: string) => string | undefined): Inputs {
  return { greeting: read('greeting') ?? '', 'max-count': Number(read('max-count') ?? '1') };
}
`;

const TOY_INDEX = `import * as core from '@actions/core';
import { parseInputs } from './inputs';
const inputs = parseInputs((name) => core.getInput(name) || undefined);
core.setOutput('message', \`\${inputs.greeting} x\${inputs['max-count']}\`);
`;

const README = `# toy repo
<!-- BEGIN GENERATED: toy inputs -->
<!-- END GENERATED: toy inputs -->
<!-- BEGIN GENERATED: toy outputs -->
<!-- END GENERATED: toy outputs -->
`;

/** A throwaway repository with the toy action; `files` overrides or adds files. */
function toyRepo(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-scripts-test-'));
  temps.push(dir);
  cpSync(join(repo, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(repo, 'schemas'), join(dir, 'schemas'), { recursive: true });
  cpSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const all = {
    'toy/action.yml': TOY_ACTION,
    'actions/toy/src/index.ts': TOY_INDEX,
    'actions/toy/src/inputs.ts': TOY_INPUTS,
    'actions/toy/dist/index.js': '// stand-in bundle\n',
    'README.md': README,
    // Like the root package.json: ncc emits ESM (and a {"type":"module"} package.json) because of it.
    'package.json': '{ "private": true, "type": "module" }\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    if (text === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(dir, script, ...args) {
  const r = spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('check-actions', () => {
  test('a well-formed action passes', () => {
    const r = run(toyRepo(), 'check-actions.mjs');
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /1 action\(s\) ok: toy/);
  });

  const failing = [
    {
      name: 'node20 instead of node24',
      files: { 'toy/action.yml': TOY_ACTION.replace('node24', 'node20') },
      expect: /runs.using is 'node20'; every JavaScript action here uses 'node24'/,
    },
    {
      name: 'runs.main bundle missing',
      files: { 'actions/toy/dist/index.js': null },
      expect: /points at actions\/toy\/dist\/index.js, which does not exist/,
    },
    {
      name: 'input without description',
      files: { 'toy/action.yml': TOY_ACTION.replace('    description: How many times.\n', '') },
      expect: /input 'max-count' has no description/,
    },
    {
      name: 'output without description',
      files: { 'toy/action.yml': TOY_ACTION.replace('    description: The message.\n', '    value: x\n') },
      expect: /output 'message' has no description/,
    },
    {
      name: 'camelCase input',
      files: { 'toy/action.yml': TOY_ACTION.replace('max-count:', 'maxCount:') },
      expect: /input 'maxCount' is not kebab-case/,
    },
    {
      name: 'extra file in the public folder',
      files: { 'toy/index.js': '' },
      expect: /toy\/index.js: a public action folder holds only action.yml/,
    },
    {
      name: 'unknown key (typo)',
      files: { 'toy/action.yml': TOY_ACTION.replace("    default: '1'", "    default: '1'\n    requird: true") },
      expect: /inputs.max-count: unknown key "requird"/,
    },
    {
      name: 'declared but never read',
      files: {
        'actions/toy/src/inputs.ts':
          "export const parseInputs = (read: (n: string) => string | undefined) => ({ greeting: read('greeting') });\n",
      },
      expect: /input 'max-count' is declared in toy\/action.yml but never read/,
    },
    {
      name: 'read but undeclared',
      files: { 'actions/toy/src/inputs.ts': `${TOY_INPUTS}export const r = (read: (n: string) => string) => read('region');\n` },
      expect: /reads input 'region', which toy\/action.yml does not declare/,
    },
    {
      name: 'duplicate YAML key',
      files: { 'toy/action.yml': TOY_ACTION.replace('name: Toy\n', 'name: Toy\nname: Again\n') },
      expect: /YAML: Map keys must be unique/,
    },
    {
      name: 'action package without a public action.yml',
      files: { 'actions/orphan/src/index.ts': 'export {};\n' },
      expect: /actions\/orphan: no root action.yml runs it/,
    },
  ];
  for (const c of failing) {
    test(`fails: ${c.name}`, () => {
      const r = run(toyRepo(c.files), 'check-actions.mjs');
      assert.equal(r.status, 1, r.out);
      assert.match(r.out, c.expect);
    });
  }

  test('input names in comments do not count as read', () => {
    const { quoted, read } = scanInputsSource("// read('ghost')\n/* optional('phantom') */\nconst a = required('real');\n");
    assert.deepEqual([...read], ['real']);
    assert.ok(!quoted.has('ghost') && !quoted.has('phantom'));
  });

  test('readers: read/required/optional, *input*, parse*', () => {
    const { read } = scanInputsSource(
      "read('a'); required('b'); optional('c'); core.getInput(\"d\"); new InputError('e', v, 'x'); " +
        "parseChoice<'x' | 'y'>('f', v, ['rolling']); new UserError('oops'); s.startsWith('g');",
    );
    assert.deepEqual([...read].sort(), ['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('gen-readme', () => {
  test('cell escapes pipes and newlines', () => {
    assert.equal(cell('a | b\nc\n\nd'), 'a \\| b c<br><br>d');
  });

  test('tables: required, defaults (empty, backticks), deprecation, no outputs', () => {
    const table = inputsTable({
      a: { description: 'A.', required: true },
      b: { description: 'B.', default: '' },
      c: { description: 'C.', default: 'x`y' },
      d: { description: 'D.', deprecationMessage: 'use a' },
    });
    assert.match(table, /^\| `a` \| yes \|  \| A\. \|$/m);
    assert.match(table, /^\| `b` \| no \| `''` \| B\. \|$/m);
    assert.match(table, /^\| `c` \| no \| `` x`y `` \| C\. \|$/m);
    assert.match(table, /^\| `d` \| no \|  \| \*\*Deprecated:\*\* use a<br>D\. \|$/m);
    assert.equal(outputsTable(undefined), '_This action has no outputs._');
  });

  test('blocks: filled, empty placeholder kept, stale block and unbalanced markers reported', () => {
    const tables = new Map([['toy', { inputs: 'IN', outputs: 'OUT' }]]);
    const text = [
      '<!-- BEGIN GENERATED: toy inputs -->',
      'old',
      '<!-- END GENERATED: toy inputs -->',
      '<!-- BEGIN GENERATED: later inputs -->',
      '<!-- END GENERATED: later inputs -->',
      '<!-- BEGIN GENERATED: gone outputs -->',
      'left behind',
      '<!-- END GENERATED: gone outputs -->',
      '<!-- BEGIN GENERATED: toy outputs -->',
      '',
    ].join('\n');
    const r = renderBlocks(text, tables);
    assert.match(r.text, /toy inputs -->\nIN\n<!-- END/);
    assert.match(r.text, /later inputs -->\n<!-- END/);
    assert.equal(r.problems.length, 2, r.problems.join('\n'));
    assert.match(r.problems[0], /'gone', but no gone\/action.yml exists/);
    assert.match(r.problems[1], /has no matching END marker/);
  });

  test('--check fails with a diff, writes nothing; write mode then passes', () => {
    const dir = toyRepo();
    const before = readFileSync(join(dir, 'README.md'), 'utf8');
    const check = run(dir, 'gen-readme.mjs', '--check');
    assert.equal(check.status, 1, check.out);
    assert.match(check.out, /\+\| `greeting` \| yes \|  \| What to say \\\| to whom\. \|/);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), before);
    assert.equal(run(dir, 'gen-readme.mjs').status, 0);
    const again = run(dir, 'gen-readme.mjs', '--check');
    assert.equal(again.status, 0, again.out);
  });

  test('--check names the missing block and what to add', () => {
    const dir = toyRepo({ 'README.md': '# no markers\n' });
    const r = run(dir, 'gen-readme.mjs', '--check');
    assert.equal(r.status, 1);
    assert.match(r.out, /no inputs block for toy; add these two lines/);
    assert.match(r.out, /<!-- BEGIN GENERATED: toy outputs -->/);
  });
});

describe('build-dist', () => {
  test('builds, --check passes, a changed bundle fails with a diff in the job summary', () => {
    const dir = toyRepo();
    const build = run(dir, 'build-dist.mjs');
    assert.equal(build.status, 0, build.out);
    const bundle = readFileSync(join(dir, 'actions/toy/dist/index.js'), 'utf8');
    assert.ok(!bundle.includes(dir), 'bundle holds the checkout path');
    assert.equal(JSON.parse(readFileSync(join(dir, 'actions/toy/dist/package.json'), 'utf8')).type, 'module');
    assert.match(readFileSync(join(dir, 'actions/toy/dist/licenses.txt'), 'utf8'), /@actions\/core/);
    assert.equal(run(dir, 'build-dist.mjs', '--check').status, 0);

    writeFileSync(join(dir, 'actions/toy/dist/index.js'), bundle.replace(' x', ' X'));
    writeFileSync(join(dir, 'actions/toy/dist/stale.js'), '');
    const summary = join(dir, 'summary.md');
    const r = spawnSync(process.execPath, ['scripts/build-dist.mjs', '--check'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /2 file\(s\) differ/);
    assert.match(r.stderr, /actions\/toy\/dist\/stale.js\ncommitted but no longer produced/);
    const md = readFileSync(summary, 'utf8');
    assert.match(md, /```diff\n--- committed\n\+\+\+ rebuilt/);
  });

  test('a bundle that loads a file outside dist/ at run time fails the build', () => {
    // What ncc leaves for a native binding it could not copy (seen with onnxruntime-node's folder
    // inside pnpm's node_modules): a run-time require that only resolves inside the checkout.
    const dir = toyRepo({
      'actions/toy/src/index.ts': `${TOY_INDEX}export const native = eval('require')('../../node_modules/x/binding');\n`,
    });
    const r = run(dir, 'build-dist.mjs');
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /requires '\.\.\/\.\.\/node_modules\/x\/binding' at run time, outside dist/);
  });

  test('a bundle holding the checkout path fails the build', () => {
    const dir = toyRepo();
    writeFileSync(join(dir, 'actions/toy/src/index.ts'), `${TOY_INDEX}console.log(${JSON.stringify(join(dir, 'x'))});\n`);
    const r = run(dir, 'build-dist.mjs');
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /contains the absolute path/);
  });
});
