#!/usr/bin/env node
/**
 * Checks every public action (a root folder holding `action.yml`):
 *   - action.yml is valid YAML (no duplicate keys) and matches schemas/action.schema.json
 *     (GitHub's metadata syntax, with a description required on every input and output);
 *   - input and output names are kebab-case;
 *   - JavaScript actions say `runs.using: node24` and `runs.main` (and pre/post, if any) point at an
 *     existing `../actions/<name>/dist/*.js`;
 *   - the folder holds nothing but action.yml (and optionally README.md);
 *   - `actions/<name>/src/inputs.ts` reads exactly the inputs action.yml declares:
 *       declared but never mentioned as a quoted string ('name') in inputs.ts   -> fail
 *       read there but not declared                                             -> fail
 *     "read" means the quoted name is the first argument of a call whose function is `read`,
 *     `required` or `optional`, has `input` in its name (getInput, core.getBooleanInput,
 *     new InputError(...)), or starts with `parse` (parseDuration('timeout', ...)). Comments are
 *     ignored.
 *   - every action package with src/index.ts is used by some root action.yml.
 *
 *   node scripts/check-actions.mjs          all root actions
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ALLOWED_IN_ACTION_FOLDER = new Set(['action.yml', 'README.md']);
const REQUIRED_NODE = 'node24';
/** Functions that take an input name first, besides any with `input` in the name and parse*. */
const READER_NAMES = new Set(['read', 'required', 'optional']);

const problems = [];
const report = (where, message) => problems.push(`${where}: ${message}`);

/** Root folders that hold an action.yml or action.yaml (the public actions), sorted. */
export function listRootActions(repoRoot) {
  return readdirSync(repoRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .filter((d) => existsSync(join(repoRoot, d.name, 'action.yml')) || existsSync(join(repoRoot, d.name, 'action.yaml')))
    .map((d) => d.name)
    .sort();
}

function loadSchemaValidator() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'action.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

/** Turns ajv errors into short lines, dropping the noise of if/then wrappers. */
function formatSchemaErrors(errors) {
  const lines = new Set();
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue;
    const at = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : '(top level)';
    // Names and descriptions of inputs/outputs get their own clearer lines in main().
    if (/^(inputs|outputs)$/.test(at) && ['propertyNames', 'pattern'].includes(e.keyword)) continue;
    if (/^(inputs|outputs)\.[^.]+$/.test(at) && e.keyword === 'required' && e.params.missingProperty === 'description') continue;
    let msg = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') msg = `unknown key "${e.params.additionalProperty}"`;
    if (e.keyword === 'required') msg = `missing "${e.params.missingProperty}"`;
    if (e.keyword === 'enum') msg = `must be one of ${e.params.allowedValues.join(', ')}`;
    if (at.endsWith('runs.using') && ['pattern', 'enum'].includes(e.keyword)) continue; // see anyOf
    if (e.keyword === 'anyOf' && at.endsWith('runs.using')) msg = 'must be node24, composite or docker';
    if (/^runs\.steps\.\d+$/.test(at) && ['not', 'anyOf', 'required'].includes(e.keyword)) {
      msg = 'a step has either `run` with `shell`, or `uses`';
    }
    if (e.keyword === 'not' && /^outputs\./.test(at)) msg = '"value" is only for composite actions';
    lines.add(`${at}: ${msg}`);
  }
  return [...lines];
}

/** Removes comments so a name mentioned in one does not count as read. */
function stripComments(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')))
    .join('\n');
}

/**
 * What inputs.ts mentions: `quoted` is every quoted one-word string, `read` the quoted first
 * arguments of input-reading calls (see the header).
 */
export function scanInputsSource(source) {
  const text = stripComments(source);
  const quoted = new Set();
  for (const m of text.matchAll(/(['"`])([A-Za-z0-9_.-]+)\1/g)) quoted.add(m[2]);
  const read = new Set();
  const call = /([A-Za-z_$][\w$]*)\s*(?:<[^()]*?>)?\(\s*(['"`])([^'"`\n]*)\2/g;
  for (const m of text.matchAll(call)) {
    const fn = m[1];
    if (READER_NAMES.has(fn) || /input/i.test(fn) || /^parse[A-Z]/.test(fn)) read.add(m[3]);
  }
  return { quoted, read };
}

function checkInputsSource(packageName, declaredByAction) {
  const file = join('actions', packageName, 'src', 'inputs.ts');
  const declaredAll = new Set([...declaredByAction.values()].flatMap((s) => [...s]));
  if (!existsSync(join(root, file))) {
    if (declaredAll.size > 0) {
      report(file, `missing; it must parse the inputs ${[...declaredAll].join(', ')} declared in action.yml`);
    }
    return;
  }
  const { quoted, read } = scanInputsSource(readFileSync(join(root, file), 'utf8'));
  for (const [action, declared] of declaredByAction) {
    for (const name of declared) {
      if (!quoted.has(name)) {
        report(file, `input '${name}' is declared in ${action}/action.yml but never read here (no '${name}' in the code)`);
      }
    }
  }
  for (const name of [...read].sort()) {
    if (!declaredAll.has(name)) {
      const where = [...declaredByAction.keys()].map((a) => `${a}/action.yml`).join(', ');
      report(file, `reads input '${name}', which ${where} does not declare; add it there with a description, or stop reading it`);
    }
  }
}

function checkJavaScriptRuns(action, runs) {
  const where = `${action}/action.yml`;
  if (runs.using !== REQUIRED_NODE) {
    report(where, `runs.using is '${runs.using}'; every JavaScript action here uses '${REQUIRED_NODE}'`);
  }
  let packageName;
  for (const key of ['main', 'pre', 'post']) {
    const target = runs[key];
    if (typeof target !== 'string') continue;
    const m = /^\.\.\/actions\/([a-z0-9-]+)\/dist\/[\w.-]+\.js$/.exec(target);
    if (!m) {
      report(where, `runs.${key} is '${target}'; it must be '../actions/<name>/dist/<file>.js'`);
      continue;
    }
    if (key === 'main') {
      packageName = m[1];
      if (!target.endsWith('/dist/index.js')) {
        report(where, `runs.main is '${target}'; it must be '../actions/${m[1]}/dist/index.js'`);
      }
    }
    const resolved = posix.join(action, target);
    if (!existsSync(join(root, resolved))) {
      report(where, `runs.${key} points at ${resolved}, which does not exist; run \`pnpm build\` and commit the dist`);
    }
  }
  return packageName;
}

function main() {
  const validate = loadSchemaValidator();
  const actions = listRootActions(root);
  const packagesUsed = new Map(); // package name -> Map(action -> Set(declared inputs))

  for (const action of actions) {
    const dir = join(root, action);
    const where = `${action}/action.yml`;

    for (const entry of readdirSync(dir)) {
      if (!ALLOWED_IN_ACTION_FOLDER.has(entry)) {
        const hint = entry === 'action.yaml' ? '; rename it to action.yml' : '; code lives in actions/<name>/';
        report(`${action}/${entry}`, `a public action folder holds only action.yml (and README.md)${hint}`);
      }
    }
    if (!existsSync(join(dir, 'action.yml'))) continue;

    const doc = parseDocument(readFileSync(join(dir, 'action.yml'), 'utf8'), { uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) report(where, `YAML: ${e.message.split('\n')[0]}`);
      continue;
    }
    const meta = doc.toJS();
    if (!validate(meta)) {
      for (const line of formatSchemaErrors(validate.errors)) report(where, line);
    }
    if (typeof meta !== 'object' || meta === null) continue;

    // Spelled out even though the schema covers them: these are the mistakes people make most.
    for (const kind of ['inputs', 'outputs']) {
      for (const [name, spec] of Object.entries(meta[kind] ?? {})) {
        if (!KEBAB.test(name)) report(where, `${kind.slice(0, -1)} '${name}' is not kebab-case`);
        if (typeof spec?.description !== 'string' || spec.description.trim() === '') {
          report(where, `${kind.slice(0, -1)} '${name}' has no description`);
        }
      }
    }

    const runs = meta.runs ?? {};
    if (typeof runs.using === 'string' && runs.using.startsWith('node')) {
      const packageName = checkJavaScriptRuns(action, runs);
      if (packageName) {
        if (!packagesUsed.has(packageName)) packagesUsed.set(packageName, new Map());
        packagesUsed.get(packageName).set(action, new Set(Object.keys(meta.inputs ?? {})));
      }
    }
  }

  for (const [packageName, declaredByAction] of packagesUsed) {
    if (!existsSync(join(root, 'actions', packageName, 'src', 'index.ts'))) {
      report(`actions/${packageName}`, 'has no src/index.ts, yet an action.yml runs its bundle');
      continue;
    }
    checkInputsSource(packageName, declaredByAction);
  }

  if (existsSync(join(root, 'actions'))) {
    for (const d of readdirSync(join(root, 'actions'), { withFileTypes: true })) {
      if (!d.isDirectory() || !existsSync(join(root, 'actions', d.name, 'src', 'index.ts'))) continue;
      if (!packagesUsed.has(d.name)) {
        report(`actions/${d.name}`, `no root action.yml runs it; add ${d.name}/action.yml with runs.main: ../actions/${d.name}/dist/index.js`);
      }
    }
  }

  if (problems.length > 0) {
    process.stderr.write(`check-actions: ${problems.length} problem(s)\n`);
    for (const p of problems) process.stderr.write(`  ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-actions: ${actions.length} action(s) ok${actions.length ? `: ${actions.join(', ')}` : ''}\n`);
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) main();
