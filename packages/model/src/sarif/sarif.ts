/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run whose driver
 * lists every rule used, results with ruleId, level, message and a location whose URI is relative
 * to the repository root, as code scanning expects.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../types';
import { RULE_DOCS } from './rule-help';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRuleInput {
  id: string;
  /** One line shown in the alert list. */
  shortDescription: string;
  /** Longer help text (Markdown allowed in `help.markdown`). */
  help?: string;
  /** Where the rule is documented. */
  helpUri?: string;
  level: SarifLevel;
  /** 0.0–10.0; GitHub maps it to critical/high/medium/low for security rules. */
  securitySeverity?: number;
  tags?: string[];
}

export interface SarifResultInput {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** The file on disk (absolute, or relative to the current directory). */
  file: string;
  /** Where inside the file (a pickle offset, a zip member); kept in the message and properties. */
  location?: string;
}

export interface SarifOptions {
  tool: { name: string; version?: string; informationUri?: string };
  rules: SarifRuleInput[];
  results: SarifResultInput[];
  /** Locations are made relative to this directory (the repository checkout, GITHUB_WORKSPACE). */
  baseDir: string;
}

/** The SARIF log as a plain object, ready for JSON.stringify. */
export type SarifLog = Record<string, unknown> & { version: '2.1.0'; runs: Array<Record<string, unknown>> };

/**
 * Builds a SARIF 2.1.0 log. Results whose rule is not in `rules` are an error: code scanning
 * shows a rule's description next to each alert, and an undescribed rule is a bug here.
 */
export function buildSarif(opts: SarifOptions): SarifLog {
  const ruleIndex = new Map<string, number>();
  const rules = opts.rules.map((r, i) => {
    if (ruleIndex.has(r.id)) throw new Error(`sarif: rule '${r.id}' is defined twice`);
    ruleIndex.set(r.id, i);
    const properties: Record<string, unknown> = { tags: r.tags ?? [] };
    if (r.securitySeverity !== undefined) properties['security-severity'] = r.securitySeverity.toFixed(1);
    const rule: Record<string, unknown> = {
      id: r.id,
      name: toPascal(r.id),
      shortDescription: { text: r.shortDescription },
      fullDescription: { text: r.help ?? r.shortDescription },
      defaultConfiguration: { level: r.level },
      properties,
    };
    if (r.help) rule.help = { text: r.help, markdown: r.help };
    if (r.helpUri) rule.helpUri = r.helpUri;
    return rule;
  });
  const results = opts.results.map((res) => {
    const index = ruleIndex.get(res.ruleId);
    if (index === undefined) throw new Error(`sarif: result uses rule '${res.ruleId}', which is not defined`);
    const uri = relativeUri(opts.baseDir, res.file);
    const text = res.location ? `${res.message} (at ${res.location})` : res.message;
    const result: Record<string, unknown> = {
      ruleId: res.ruleId,
      ruleIndex: index,
      level: res.level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      // Our own fingerprint: without one, upload-sarif hashes the located file line by line,
      // which means reading a multi-gigabyte binary model for nothing.
      partialFingerprints: { primaryLocationLineHash: fingerprint(res.ruleId, uri, res.location ?? '', res.message) },
    };
    if (res.location) result.properties = { location: res.location };
    return result;
  });
  const driver: Record<string, unknown> = { name: opts.tool.name, rules };
  if (opts.tool.version) driver.semanticVersion = opts.tool.version;
  if (opts.tool.informationUri) driver.informationUri = opts.tool.informationUri;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, results, columnKind: 'utf16CodeUnits' }],
  };
}

/**
 * A URI relative to the repository root, with forward slashes and percent-encoding. A file outside
 * the checkout is not in the repository: it gets its absolute `file://` URI, which says where it
 * really is, rather than a made-up repository path that would point code scanning at another file.
 */
export function relativeUri(baseDir: string, file: string): string {
  const abs = resolve(file);
  const rel = relative(resolve(baseDir), abs);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return pathToFileURL(abs).href;
  return rel.split(sep).map((p) => encodeURIComponent(p)).join('/');
}

function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

function toPascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF level of a scan finding's severity. */
export function severityLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'dangerous':
    case 'malformed':
      return 'error';
    case 'unknown-import':
    case 'warning':
      return 'warning';
    default:
      return 'note';
  }
}

const SECURITY_SEVERITY: Record<Severity, number | undefined> = {
  dangerous: 9.0,
  'unknown-import': 5.0,
  malformed: 5.0,
  warning: 3.0,
  info: undefined,
};

const SEVERITY_TEXT: Record<Severity, string> = {
  dangerous: 'The model would run code or touch the system when loaded',
  'unknown-import': 'The model imports something that is not on the allow-list',
  malformed: 'The model file could not be parsed, so it cannot be vouched for',
  warning: 'Worth a look before deploying this model',
  info: 'Information about the model file',
};

/** Where the package documents its rules (each rule's helpUri is a section of it). */
export const RULES_DOC_URL = 'https://github.com/org/ml-deploy/blob/main/packages/model/README.md';

/**
 * A rule's help text and help URI from {@link RULE_DOCS}. A rule missing there (a bug: a test
 * checks every rule the sources emit) still gets a pointer to the rule list rather than nothing.
 */
export function ruleHelp(id: string, docsUrl: string = RULES_DOC_URL): { help: string; helpUri: string } {
  const doc = RULE_DOCS[id];
  return { help: doc?.help ?? 'See the rule list of @ml-deploy/model for what this finding means and what to do.', helpUri: `${docsUrl}#${doc?.section ?? 'what-is-detected'}` };
}

export interface FindingsSarifOptions {
  /** Findings that failed the gate are `error` results, whatever their severity's level. */
  failsGate?: (f: Finding) => boolean;
  /** Base of each rule's helpUri (default {@link RULES_DOC_URL}). */
  docsUrl?: string;
}

const LEVEL_ORDER: SarifLevel[] = ['error', 'warning', 'note'];

/**
 * Rules and results for scan findings. Each result's level is its severity's, or `error` when the
 * finding failed the gate. A rule id seen at several severities or levels takes the most severe
 * of each for its default level and security severity; each result keeps its own level.
 * @param resolveFile maps a finding's `file` (relative to the scanned root) to a path on disk.
 */
export function findingsToSarif(findings: Finding[], resolveFile: (file: string) => string, opts: FindingsSarifOptions = {}): { rules: SarifRuleInput[]; results: SarifResultInput[] } {
  const order: Severity[] = ['dangerous', 'malformed', 'unknown-import', 'warning', 'info'];
  const levelOf = (f: Finding): SarifLevel => (opts.failsGate?.(f) ? 'error' : severityLevel(f.severity));
  const byRule = new Map<string, { severity: Severity; level: SarifLevel }>();
  for (const f of findings) {
    const prev = byRule.get(f.rule);
    const level = levelOf(f);
    if (prev === undefined) byRule.set(f.rule, { severity: f.severity, level });
    else {
      if (order.indexOf(f.severity) < order.indexOf(prev.severity)) prev.severity = f.severity;
      if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(prev.level)) prev.level = level;
    }
  }
  const rules: SarifRuleInput[] = [...byRule].map(([id, { severity, level }]) => {
    const r: SarifRuleInput = { id, shortDescription: `${RULE_DOCS[id]?.short ?? SEVERITY_TEXT[severity]} (${id})`, level, tags: ['security', 'ml-model', severity], ...ruleHelp(id, opts.docsUrl ?? RULES_DOC_URL) };
    const s = SECURITY_SEVERITY[severity];
    if (s !== undefined) r.securitySeverity = s;
    return r;
  });
  const results: SarifResultInput[] = findings.map((f) => {
    const r: SarifResultInput = { ruleId: f.rule, level: levelOf(f), message: f.import && !f.message.includes(f.import) ? `${f.message} [${f.import}]` : f.message, file: resolveFile(f.file) };
    if (f.location) r.location = f.location;
    return r;
  });
  return { rules, results };
}
