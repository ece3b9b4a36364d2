#!/usr/bin/env node
/**
 * Generates the input and output tables of every public action from its action.yml, so the docs
 * cannot drift from the metadata.
 *
 * In README.md (and in `<action>/README.md` when that file has markers), the text between
 *
 *   <!-- BEGIN GENERATED: <action> inputs -->   and   <!-- END GENERATED: <action> inputs -->
 *   <!-- BEGIN GENERATED: <action> outputs -->  and   <!-- END GENERATED: <action> outputs -->
 *
 * is replaced by a table. README.md must hold both blocks for every action. An empty block for an
 * action without action.yml yet is left alone (a placeholder for an action being written).
 *
 *   node scripts/gen-readme.mjs           rewrite the blocks in place
 *   node scripts/gen-readme.mjs --check   change nothing; print a diff and exit 1 if a file is not
 *                                         what would be generated, or a block is missing/unknown
 *   node scripts/gen-readme.mjs README.md only the files named (either mode)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { listRootActions } from './check-actions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
/** Optional file arguments limit the run to those files (e.g. `gen-readme.mjs README.md`). */
const onlyFiles = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const KINDS = ['inputs', 'outputs'];
const MARKER = /<!-- (BEGIN|END) GENERATED: ([a-z0-9-]+) (inputs|outputs) -->/g;

/** Makes text safe inside one Markdown table cell. */
export function cell(text) {
  return String(text)
    .trim()
    .replace(/\r\n?/g, '\n')
    .replace(/\|/g, '\\|')
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, ' ');
}

/** A code span that survives backticks inside the value. */
function code(value) {
  const text = String(value);
  if (text === '') return "`''`";
  const fence = text.includes('`') ? '`` ' : '`';
  const close = text.includes('`') ? ' ``' : '`';
  return cell(`${fence}${text}${close}`);
}

export function inputsTable(inputs) {
  const entries = Object.entries(inputs ?? {});
  if (entries.length === 0) return '_This action has no inputs._';
  const rows = entries.map(([name, spec]) => {
    const required = spec?.required === true ? 'yes' : 'no';
    const dflt = spec?.default === undefined ? '' : code(spec.default);
    let description = cell(spec?.description ?? '');
    if (spec?.deprecationMessage) description = `**Deprecated:** ${cell(spec.deprecationMessage)}<br>${description}`;
    return `| \`${name}\` | ${required} | ${dflt} | ${description} |`;
  });
  return ['| Name | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable(outputs) {
  const entries = Object.entries(outputs ?? {});
  if (entries.length === 0) return '_This action has no outputs._';
  const rows = entries.map(([name, spec]) => `| \`${name}\` | ${cell(spec?.description ?? '')} |`);
  return ['| Name | Description |', '| --- | --- |', ...rows].join('\n');
}

/**
 * Replaces every marker block in text. Returns the new text plus the (action, kind) pairs found
 * and problems (unknown actions, unbalanced markers).
 */
export function renderBlocks(text, tables) {
  const problems = [];
  const found = new Set();
  const markers = [...text.matchAll(MARKER)];
  let out = '';
  let pos = 0;
  for (let i = 0; i < markers.length; i++) {
    const begin = markers[i];
    const [, kindOfMarker, action, kind] = begin;
    const end = markers[i + 1];
    const line = text.slice(0, begin.index).split('\n').length;
    if (kindOfMarker !== 'BEGIN' || !end || end[1] !== 'END' || end[2] !== action || end[3] !== kind) {
      problems.push(
        kindOfMarker === 'BEGIN'
          ? `line ${line}: '${begin[0]}' has no matching END marker right after it`
          : `line ${line}: '${begin[0]}' has no BEGIN marker before it`,
      );
      continue;
    }
    i++;
    const key = `${action} ${kind}`;
    if (found.has(key)) problems.push(`line ${line}: a second block for ${key}`);
    found.add(key);
    const table = tables.get(action)?.[kind];
    if (table === undefined) {
      // An empty block may wait for an action that is being written; generated text left behind by
      // an action that is gone may not.
      if (text.slice(begin.index + begin[0].length, end.index).trim() !== '') {
        problems.push(`line ${line}: block for '${action}', but no ${action}/action.yml exists; empty or remove the block`);
      }
      continue;
    }
    out += text.slice(pos, begin.index + begin[0].length) + '\n' + table + '\n';
    pos = end.index;
  }
  out += text.slice(pos);
  return { text: out, found, problems };
}

function unifiedDiff(path, before, after) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-readme-'));
  try {
    writeFileSync(join(dir, 'generated'), after);
    const r = spawnSync('diff', ['-u', '--label', `${path} (committed)`, '--label', `${path} (generated)`, join(root, path), join(dir, 'generated')], {
      encoding: 'utf8',
    });
    return r.stdout || `(diff unavailable${r.error ? `: ${r.error.message}` : ''})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const actions = listRootActions(root).filter((a) => existsSync(join(root, a, 'action.yml')));
  const tables = new Map();
  const problems = [];
  for (const action of actions) {
    let meta;
    try {
      meta = parse(readFileSync(join(root, action, 'action.yml'), 'utf8')) ?? {};
    } catch (error) {
      problems.push(`${action}/action.yml: ${error.message.split('\n')[0]} (run pnpm check:actions)`);
      continue;
    }
    tables.set(action, { inputs: inputsTable(meta.inputs), outputs: outputsTable(meta.outputs) });
  }

  let files = ['README.md', ...actions.map((a) => `${a}/README.md`).filter((f) => existsSync(join(root, f)))];
  if (onlyFiles.length > 0) {
    const unknown = onlyFiles.filter((f) => !files.includes(f));
    if (unknown.length > 0) {
      process.stderr.write(`gen-readme: not a README this script generates: ${unknown.join(', ')} (known: ${files.join(', ')})\n`);
      process.exit(1);
    }
    files = onlyFiles;
  }
  if (!existsSync(join(root, 'README.md'))) problems.push('README.md: missing');
  let changed = 0;
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    const before = readFileSync(join(root, file), 'utf8');
    const { text: after, found, problems: fileProblems } = renderBlocks(before, tables);
    for (const p of fileProblems) problems.push(`${file}: ${p}`);
    if (file === 'README.md') {
      for (const action of tables.keys()) {
        for (const kind of KINDS) {
          if (!found.has(`${action} ${kind}`)) {
            problems.push(
              `README.md: no ${kind} block for ${action}; add these two lines in its section, then run pnpm docs:\n` +
                `    <!-- BEGIN GENERATED: ${action} ${kind} -->\n    <!-- END GENERATED: ${action} ${kind} -->`,
            );
          }
        }
      }
    }
    if (after === before) continue;
    changed++;
    if (check) {
      problems.push(`${file}: out of date with action.yml; run \`pnpm docs\` and commit:\n${unifiedDiff(file, before, after)}`);
    } else {
      writeFileSync(join(root, file), after);
      process.stdout.write(`gen-readme: updated ${file}\n`);
    }
  }

  if (problems.length > 0) {
    process.stderr.write(`gen-readme: ${problems.length} problem(s)\n`);
    for (const p of problems) process.stderr.write(`  ${p}\n`);
    process.exit(1);
  }
  const verb = check ? 'up to date' : changed ? 'written' : 'already up to date';
  process.stdout.write(`gen-readme: ${files.length} file(s) ${verb} for ${actions.length} action(s)\n`);
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) main();
