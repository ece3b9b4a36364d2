/**
 * validate-model inputs: the only place they are parsed. Keys are spelled as in
 * validate-model/action.yml, defaults live there (the runner fills them in), and every check that
 * needs no model loading runs here, so a typo fails before any work with the input's name.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  InputError,
  type InputReader,
  parseBooleanOrChoice,
  parseDuration,
  parseInteger,
  parseList,
  readStructuredFile,
} from '@ml-deploy/action-kit';
import {
  type ExpectedSignature,
  type Metrics,
  parseExpectedSignature,
  parseRules,
  type QualityRule,
  RuleSyntaxError,
  type Severity,
  SignatureError,
} from '@ml-deploy/model';
import { type ImageReference, isImageReference, parseImageReference } from '@ml-deploy/oci';

export const SEVERITIES: readonly Severity[] = ['dangerous', 'unknown-import', 'malformed', 'warning', 'info'];
/** Metrics the smoke test measures; thresholds may name them without a metrics file. */
export const MEASURED_METRICS = ['latency_p50_ms', 'latency_p95_ms'] as const;

export interface Inputs {
  'model-path': string;
  /** Lowercase hex, without a `sha256:` prefix. */
  'expected-sha256': string | undefined;
  'allow-globals': string[];
  /** Dangerous globals the team accepts, each with its reason (never a wildcard). */
  'allow-dangerous-globals': Array<{ name: string; reason: string }>;
  /** Empty: report-only (`none`). */
  'fail-on': Severity[];
  'expected-signature': { signature: ExpectedSignature; source: string } | undefined;
  'smoke-test': 'true' | 'false' | 'auto';
  'sample-input': string | undefined;
  runs: number;
  'warmup-runs': number;
  /** Milliseconds. */
  'latency-budget': number | undefined;
  metrics: { path: string; values: Metrics } | undefined;
  'champion-metrics': { path: string; values: Metrics } | undefined;
  /** The image serving now; its model-metadata label holds the champion's metrics (read in run()). */
  'champion-image': { text: string; reference: ImageReference } | undefined;
  thresholds: QualityRule[];
  'report-dir': string | undefined;
  'model-name': string | undefined;
  'model-version': string | undefined;
}

/** Reads and checks every input; throws InputError naming the first bad one. */
export async function parseInputs(read: InputReader): Promise<Inputs> {
  const optionalInput = (name: string): string | undefined => read(name)?.trim();

  const modelPath = read('model-path')?.trim();
  if (modelPath === undefined) throw new InputError('model-path', '', 'a model file or directory (this input is required)');
  try {
    const st = await stat(modelPath);
    if (!st.isFile() && !st.isDirectory()) throw new InputError('model-path', modelPath, 'a regular file or a directory');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('model-path', modelPath, `an existing file or directory (${code === 'ENOENT' ? 'no such file or directory' : (code ?? 'unreadable')})`);
  }

  const sha = optionalInput('expected-sha256');
  let expectedSha: string | undefined;
  if (sha !== undefined) {
    const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(sha);
    if (!m) throw new InputError('expected-sha256', sha, 'a sha256 digest: 64 hex digits, optionally prefixed sha256:');
    expectedSha = m[1]!.toLowerCase();
  }

  const allowGlobals = parseList(read('allow-globals') ?? '');
  for (const g of allowGlobals) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?$/.test(g)) {
      throw new InputError('allow-globals', g, "Python globals as 'module.name' or 'module.*'");
    }
  }

  const allowDangerous = parseAllowDangerous(read('allow-dangerous-globals') ?? '');

  const failOn = parseFailOn(read('fail-on') ?? '');

  const expectedSignature = await parseSignatureInput(optionalInput('expected-signature'));

  const smokeTest = parseBooleanOrChoice('smoke-test', read('smoke-test') ?? '', ['auto'] as const);
  const sampleInput = optionalInput('sample-input');
  if (sampleInput !== undefined) {
    if (!/\.(json|npy)$/i.test(sampleInput)) throw new InputError('sample-input', sampleInput, 'a .json or .npy file');
    await mustBeFile('sample-input', sampleInput);
  }
  const runs = parseInteger('runs', read('runs') ?? '', { min: 1, max: 100_000 });
  const warmupRuns = parseInteger('warmup-runs', read('warmup-runs') ?? '', { min: 0, max: 10_000 });
  const budgetRaw = optionalInput('latency-budget');
  const latencyBudget = budgetRaw === undefined ? undefined : parseDuration('latency-budget', budgetRaw, { min: 1 });

  const metrics = await readMetrics('metrics', optionalInput('metrics'));
  const championMetrics = await readMetrics('champion-metrics', optionalInput('champion-metrics'));
  const championImageRaw = optionalInput('champion-image');
  let championImage: Inputs['champion-image'];
  if (championImageRaw !== undefined) {
    if (championMetrics) {
      throw new InputError('champion-image', championImageRaw, "nothing when 'champion-metrics' is set: give the champion's metrics either as 'champion-metrics' (a file) or as 'champion-image' (the image serving now), not both");
    }
    const reference = parseImageReference(championImageRaw);
    if (!isImageReference(reference)) {
      throw new InputError('champion-image', championImageRaw, `an image reference such as 'registry.example/team/model@sha256:<64 hex>' or 'registry.example/team/model:prod' (${reference.error})`);
    }
    championImage = { text: championImageRaw, reference };
  }

  const thresholdsRaw = read('thresholds') ?? '';
  let thresholds: QualityRule[];
  try {
    thresholds = parseRules(thresholdsRaw);
  } catch (err) {
    if (err instanceof RuleSyntaxError) throw new InputError('thresholds', err.ruleText, `rules such as 'accuracy >= 0.9' or 'f1 >= champion - 0.01' (${err.message})`);
    throw err;
  }
  const measured = new Set<string>(MEASURED_METRICS);
  for (const rule of thresholds) {
    if (!measured.has(rule.metric) && !metrics) {
      throw new InputError('metrics', '', `a metrics file, since the threshold '${rule.text}' needs the candidate's '${rule.metric}'`);
    }
    if (measured.has(rule.metric) && smokeTest === 'false') {
      throw new InputError('smoke-test', 'false', `'true' or 'auto', since the threshold '${rule.text}' needs the latency it measures`);
    }
    if (rule.right.kind === 'champion' && !championMetrics && !championImage) {
      throw new InputError('champion-metrics', '', `the champion's metrics file, or 'champion-image' (the image serving now), since the threshold '${rule.text}' compares with the champion`);
    }
  }
  if (smokeTest === 'false') {
    if (sampleInput !== undefined) throw new InputError('sample-input', sampleInput, "nothing when 'smoke-test' is false (the sample is for the smoke test)");
    if (budgetRaw !== undefined) throw new InputError('latency-budget', budgetRaw, "nothing when 'smoke-test' is false (the budget is checked by the smoke test)");
  }

  return {
    'model-path': modelPath,
    'expected-sha256': expectedSha,
    'allow-globals': allowGlobals,
    'allow-dangerous-globals': allowDangerous,
    'fail-on': failOn,
    'expected-signature': expectedSignature,
    'smoke-test': smokeTest,
    'sample-input': sampleInput,
    runs,
    'warmup-runs': warmupRuns,
    'latency-budget': latencyBudget,
    metrics,
    'champion-metrics': championMetrics,
    'champion-image': championImage,
    thresholds,
    'report-dir': optionalInput('report-dir'),
    'model-name': optionalInput('model-name'),
    'model-version': optionalInput('model-version'),
  };
}

/**
 * `allow-dangerous-globals`: one `module.name: reason` per line (reasons may hold commas, so lines
 * only). Exact names only: accepting a dangerous global is a decision about one global, so a
 * wildcard could silently accept the next gadget published under the same module.
 */
function parseAllowDangerous(raw: string): Array<{ name: string; reason: string }> {
  const out: Array<{ name: string; reason: string }> = [];
  for (const line of raw.split(/\r?\n/)) {
    const entry = line.trim();
    if (!entry || entry.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*:\s*(\S.*)$/.exec(entry);
    if (!m) {
      throw new InputError('allow-dangerous-globals', entry, "one 'module.name: reason' per line: the exact global (no wildcard) and why your team accepts it, e.g. 'builtins.exec: legacy preprocessing, ticket SEC-123'");
    }
    out.push({ name: m[1] as string, reason: (m[2] as string).trim() });
  }
  return out;
}

function parseFailOn(raw: string): Severity[] {
  const expected = `'none', or severities from ${SEVERITIES.map((s) => `'${s}'`).join(', ')}, comma-separated`;
  const items = parseList(raw);
  if (items.length === 0) throw new InputError('fail-on', raw, expected);
  if (items.includes('none')) {
    if (items.length > 1) throw new InputError('fail-on', raw, `'none' alone (report-only), or ${expected.replace("'none', or ", '')}`);
    return [];
  }
  const out: Severity[] = [];
  for (const item of items) {
    if (!(SEVERITIES as readonly string[]).includes(item)) throw new InputError('fail-on', item, expected);
    if (!out.includes(item as Severity)) out.push(item as Severity);
  }
  return out;
}

/**
 * The expected signature is a file path, or the YAML/JSON text itself. Text is recognised by a
 * line break, a leading `{`, or a leading `inputs:`/`outputs:` key: no sane path looks like that.
 */
async function parseSignatureInput(raw: string | undefined): Promise<Inputs['expected-signature']> {
  if (raw === undefined) return undefined;
  const inline = raw.includes('\n') || /^[{[]/.test(raw) || /^(inputs|outputs)\s*:/.test(raw);
  let text = raw;
  if (!inline) {
    try {
      text = await readFile(raw, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError('expected-signature', raw, `a YAML or JSON file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}), or the signature itself as YAML/JSON text`);
    }
  }
  try {
    return { signature: parseExpectedSignature(text), source: inline ? 'inline' : raw };
  } catch (err) {
    if (err instanceof SignatureError) throw new InputError('expected-signature', inline ? raw : raw, `a signature with 'inputs' and/or 'outputs' lists of {name, dtype, shape} (${err.message})`);
    throw err;
  }
}

async function mustBeFile(input: string, path: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new InputError(input, path, 'a file, not a directory');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(input, path, `a readable file (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'unreadable'})`);
  }
}

async function readMetrics(input: string, path: string | undefined): Promise<{ path: string; values: Metrics } | undefined> {
  if (path === undefined) return undefined;
  const doc = await readStructuredFile(input, path);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(input, path, 'a JSON or YAML object of metrics, such as {"accuracy": 0.93}');
  }
  return { path, values: doc as Metrics };
}
