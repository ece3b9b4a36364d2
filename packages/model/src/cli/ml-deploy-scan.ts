/**
 * ml-deploy-scan: validate-model's scan from a shell, before a push. The same scanner, the same
 * default `fail-on` and the same rule that a model nothing could be read from never passes; no
 * ONNX Runtime (it imports `@ml-deploy/model/scan` only).
 *
 *   ml-deploy-scan <path> [--fail-on LIST] [--allow-globals LIST] [--allow-dangerous-globals 'NAME: REASON']... [--json]
 *
 * Exit codes: 0 passed, 1 rejected (a finding fails the gate), 2 bad command line, 3 the scan
 * itself failed (a bug: please report it).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_FAIL_ON, failsGate, type Finding, scanModel, type ScanReport, type Severity } from '../scan';

const SEVERITIES: readonly Severity[] = ['dangerous', 'unknown-import', 'malformed', 'warning', 'info'];
const GLOBAL = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?$/;
const DANGEROUS_ENTRY = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*:\s*(\S.*)$/;

const USAGE = `usage: ml-deploy-scan <model file or directory> [options]

Scans a model the way the validate-model action does, without running it.

options:
  --fail-on LIST                 severities that fail the scan, comma-separated, or 'none'
                                 (default: ${DEFAULT_FAIL_ON.join(',')}); one of ${SEVERITIES.join(', ')}.
                                 malformed findings (a file not read to its end) always fail
  --allow-globals LIST           your own classes a pickle may import: 'module.name' or 'module.*',
                                 comma-separated (never clears a dangerous global)
  --allow-dangerous-globals 'module.name: reason'
                                 accept one dangerous global, with the reason (repeatable)
  --json                         print the scan report and the verdict as JSON on stdout
  -h, --help                     this text

exit codes: 0 passed, 1 rejected, 2 bad command line, 3 the scan itself failed`;

class UsageError extends Error {}

interface CliOptions {
  path: string;
  failOn: Severity[];
  allow: string[];
  allowDangerous: Array<{ name: string; reason: string }>;
  json: boolean;
}

function shown(v: string): string {
  const s = JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  return s;
}

function list(raw: string): string[] {
  return raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export function parseCommandLine(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'fail-on': { type: 'string' },
        'allow-globals': { type: 'string', multiple: true },
        'allow-dangerous-globals': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`expected one model path, got ${positionals.length === 0 ? 'none' : positionals.map(shown).join(' ')}`);
  let failOn: Severity[] = [...DEFAULT_FAIL_ON];
  if (values['fail-on'] !== undefined) {
    const items = list(values['fail-on']);
    const expected = `'none', or severities from ${SEVERITIES.join(', ')}, comma-separated`;
    if (items.length === 0) throw new UsageError(`--fail-on: got ${shown(values['fail-on'])}, expected ${expected}`);
    if (items.includes('none')) {
      if (items.length > 1) throw new UsageError(`--fail-on: got ${shown(values['fail-on'])}, expected 'none' alone (report-only) or severities`);
      failOn = [];
    } else {
      failOn = [];
      for (const item of items) {
        if (!(SEVERITIES as readonly string[]).includes(item)) throw new UsageError(`--fail-on: got ${shown(item)}, expected ${expected}`);
        if (!failOn.includes(item as Severity)) failOn.push(item as Severity);
      }
    }
  }
  const allow = (values['allow-globals'] ?? []).flatMap(list);
  for (const g of allow) if (!GLOBAL.test(g)) throw new UsageError(`--allow-globals: got ${shown(g)}, expected Python globals as 'module.name' or 'module.*'`);
  const allowDangerous = (values['allow-dangerous-globals'] ?? []).map((entry) => {
    const m = DANGEROUS_ENTRY.exec(entry.trim());
    if (!m) throw new UsageError(`--allow-dangerous-globals: got ${shown(entry)}, expected 'module.name: reason' (the exact global, no wildcard, and why your team accepts it)`);
    return { name: m[1] as string, reason: (m[2] as string).trim() };
  });
  return { path: positionals[0] as string, failOn, allow, allowDangerous, json: values.json ?? false };
}

function where(f: Finding): string {
  if (!f.location) return f.file;
  return f.location === f.file || f.location.startsWith(`${f.file} `) || f.location.startsWith(`${f.file}/`) ? f.location : `${f.file} @ ${f.location}`;
}

/** Runs the scan; returns the exit code. */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let opts: CliOptions | 'help';
  try {
    opts = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`ml-deploy-scan: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    out(USAGE);
    return 0;
  }
  let report: ScanReport;
  try {
    report = await scanModel(opts.path, { allow: opts.allow, allowDangerous: opts.allowDangerous });
  } catch (e) {
    err(`ml-deploy-scan: the scan failed: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
  const { failOn } = opts;
  const failing = report.findings.filter((f) => failsGate(f, failOn));
  const verdict = failing.length === 0 ? 'pass' : 'fail';
  if (opts.json) {
    out(JSON.stringify({ verdict, failOn, failing: failing.length, ...report }, null, 2));
  } else {
    out(`${report.root}: ${report.format}${report.formats ? ` (${report.formats.join(', ')})` : ''}, ${report.files.length} file(s), ${report.size} bytes, sha256 ${report.sha256 || '(none)'}`);
    for (const f of report.findings) out(`${failsGate(f, failOn) ? 'FAIL' : '    '} [${f.severity}] ${f.rule}: ${f.message}${f.import && !f.message.includes(f.import) ? ` [${f.import}]` : ''} (${where(f)})`);
    out(verdict === 'pass' ? `passed: no finding at ${failOn.length ? failOn.join(', ') : 'any fail-on severity (report-only)'}, nothing malformed` : `rejected: ${failing.length} finding(s) fail the gate (fail-on: ${failOn.join(', ') || 'none'}; malformed always)`);
  }
  return verdict === 'pass' ? 0 : 1;
}
