/**
 * validate-model's logic: scan, integrity, signature, smoke inference and the quality gate, then
 * one verdict. Every check asked for runs even after another failed, so the report and the summary
 * show everything wrong with a model at once; the step fails at the end.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type ActionContext, CancelledError, ConfigurationError, escapeInline, toError, UserError, withContext } from '@ml-deploy/action-kit';
import {
  checkExternalData,
  compareSignatures,
  evaluateRules,
  failsGate,
  type FileReport,
  type ImportRecord,
  type Finding,
  formatSpec,
  ensureOnnxRuntime,
  inferenceSupport,
  InferenceUnavailableError,
  onnxRuntimeFetchEnv,
  OnnxRuntimeIntegrityError,
  isMlflowModelDir,
  type Metrics,
  MlflowModelError,
  type ModelFormat,
  type ModelSignature,
  OnnxFormatError,
  type OnnxModelInfo,
  onnxSignature,
  readMlflowModel,
  readOnnxModel,
  type RuleResult,
  runSmokeTest,
  type ScanOptions,
  type ScanReport,
  type Severity,
  type SignatureComparison,
  SmokeTestError,
  type SmokeTestResult,
  type MlflowModel,
  type ModelMetadata,
  modelImageLabels,
  modelMetadataFromLabels,
  ModelMetadataLabelError,
  formatLabelLines,
} from '@ml-deploy/model';
import { type ImageConfigLabels, readImageLabels, RegistryError } from '@ml-deploy/oci';
import { type Inputs, MEASURED_METRICS } from './inputs';
import { writeSarif } from './sarif-report';
import { writeSummary } from './summary';

export interface RunDeps extends ActionContext {
  scanModel(path: string, opts: ScanOptions): Promise<ScanReport>;
  /** Where report.json, results.sarif and metadata.json go (created if missing). */
  reportDir: string;
  /** The repository checkout: SARIF locations are relative to it. */
  workspace: string;
  /** Smoke-test runtime; tests may replace it. */
  smoke?: { run: typeof runSmokeTest; support: typeof inferenceSupport };
  /**
   * The folder of ONNX Runtime's native files for the smoke test. Default: fetched from the npm
   * registry on first use, verified against the pinned integrity, cached in the runner's tool cache.
   */
  onnxRuntime?: () => Promise<string>;
  /** Reads an image's labels (champion-image); tests may pass options such as a short retry delay. */
  registry?: { readImageLabels: typeof readImageLabels; options?: Parameters<typeof readImageLabels>[1] };
  /** The commit being built (GITHUB_SHA), for the `org.opencontainers.image.revision` label. */
  revision?: string;
  /** Where the scan rules are documented (SARIF helpUri): the action's own repository and ref. */
  docsUrl?: string;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface SmokeReport {
  status: CheckStatus;
  /** Why it was skipped or failed. */
  reason?: string;
  result?: SmokeTestResult;
  budgetMs?: number;
}

export interface QualityReport {
  metricsFile?: string;
  championFile?: string;
  /** Set when the champion's metrics came from the image serving now (champion-image). */
  championImage?: ChampionImage;
  rules: Array<{ rule: string; line: number; passed: boolean; value?: number; limit?: number; limitText: string; message: string }>;
}

export interface ValidationReport {
  verdict: 'pass' | 'fail';
  /** One line per reason the model failed; empty when it passed. */
  failures: string[];
  model: { path: string; name: string; version?: string; kind: 'file' | 'directory'; format: ModelFormat; formats?: ModelFormat[]; sha256: string; size: number; onnxFile?: string };
  integrity: { sha256: string; expected?: string; match?: boolean };
  failOn: Severity[];
  findings: Finding[];
  files: Array<Pick<FileReport, 'file' | 'size' | 'sha256' | 'format'> & { imports: number; globals: ImportRecord[] }>;
  /** Dangerous globals accepted by `allow-dangerous-globals`, with the reasons given. */
  acceptedDangerous: Array<{ name: string; reason: string }>;
  onnx?: Pick<OnnxModelInfo, 'irVersion' | 'producerName' | 'producerVersion' | 'opsets' | 'externalData'>;
  mlflow?: { flavors: string[]; signatureKind?: string; runId?: string; inputExample?: string };
  signature?: ModelSignature & { source: 'onnx' | 'mlflow' };
  signatureCheck?: SignatureComparison & { status: CheckStatus; reason?: string; expectedFrom: string };
  smokeTest: SmokeReport;
  quality?: QualityReport;
}

export interface ChampionImage {
  reference: string;
  /** Digest of what the reference resolved to (the index for a multi-platform image). */
  digest: string;
  /** The image manifest whose labels were read, when that is an entry of an index. */
  manifestDigest?: string;
  platform?: string;
  /** The champion model's own metadata from the label. */
  model: { name?: unknown; version?: unknown; digest?: unknown };
}

export interface RunResult {
  report: ValidationReport;
  reportPath: string;
  sarifPath: string;
  metadata: ModelMetadata;
}

/** Validates the model, writes the report files, sets outputs and the summary; throws UserError when the verdict is fail. */
export async function run(inputs: Inputs, deps: RunDeps): Promise<RunResult> {
  try {
    return await validate(inputs, deps);
  } catch (err) {
    // A cancelled or crashed run still leaves a summary saying so (a rejected model wrote its own).
    if (deps.summary.isEmpty()) {
      const cancelled = err instanceof CancelledError || deps.signal.aborted;
      deps.summary.heading(`Model validation: ${inputs['model-name'] ?? basename(resolve(inputs['model-path']))}`);
      deps.summary.status(cancelled ? 'cancelled' : 'failed', `${cancelled ? '**Cancelled**' : '**Not validated**'}: ${escapeInline(toError(err).message)}`);
    }
    throw err;
  }
}

async function validate(inputs: Inputs, deps: RunDeps): Promise<RunResult> {
  const { logger } = deps;
  const modelPath = resolve(inputs['model-path']);
  const failures: string[] = [];

  // 0. The champion's metrics from the image serving now: read first, so a wrong reference or
  // missing credentials fail in seconds, before a scan of a large model.
  let champion: { values: Metrics; image?: ChampionImage } | undefined = inputs['champion-metrics'] ? { values: inputs['champion-metrics'].values } : undefined;
  const image = inputs['champion-image'];
  if (image) {
    if (inputs.thresholds.some((r) => r.right.kind === 'champion')) {
      champion = await logger.group(`Champion: ${image.text}`, () => withContext(`reading the champion's metrics from ${image.text}`, () => championFromImage(image.text, deps)));
    } else {
      logger.warning(`'champion-image' is not read: no threshold compares with the champion`);
    }
  }

  // 1. Scan: format, digests, unsafe code.
  const scanOptions: ScanOptions = { allow: inputs['allow-globals'], allowDangerous: inputs['allow-dangerous-globals'], signal: deps.signal };
  const scan = await logger.group(`Scanning ${inputs['model-path']}`, () => withContext('scanning the model', () => deps.scanModel(modelPath, scanOptions)));
  const findings: Finding[] = [...scan.findings];
  logger.info(`format: ${scan.format}, ${scan.files.length} file(s), ${scan.size} bytes, sha256 ${scan.sha256 || '(none)'}`);
  deps.setOutput('format', scan.format);
  if (scan.formats) logger.info(`formats in the directory: ${scan.formats.join(', ') || 'none recognised'}`);
  deps.setOutput('sha256', scan.sha256);
  deps.setOutput('size', scan.size);

  // 2. Integrity.
  const integrity: ValidationReport['integrity'] = { sha256: scan.sha256 };
  if (inputs['expected-sha256']) {
    integrity.expected = inputs['expected-sha256'];
    integrity.match = scan.sha256.toLowerCase() === inputs['expected-sha256'];
    if (!integrity.match) {
      failures.push(`sha256 ${scan.sha256 || '(none)'} is not the expected ${inputs['expected-sha256']}`);
      logger.error(`sha256 mismatch: expected ${inputs['expected-sha256']}, got ${scan.sha256 || '(none)'}`);
    } else {
      logger.info('sha256 matches the expected digest');
    }
  }

  // 3. What the model is: an MLflow directory, an ONNX graph.
  let mlflow: MlflowModel | undefined;
  const rootFile = (file: string) => (scan.kind === 'file' ? modelPath : join(modelPath, file));
  if (scan.kind === 'directory' && (await isMlflowModelDir(modelPath))) {
    try {
      mlflow = await readMlflowModel(modelPath);
      logger.info(`MLflow model: flavors ${mlflow.flavors.map((f) => f.name).join(', ')}`);
    } catch (err) {
      if (!(err instanceof MlflowModelError)) throw err;
      findings.push({ severity: 'malformed', rule: 'mlflow.malformed', message: err.message, file: 'MLmodel' });
    }
  }
  let onnxFile: string | undefined;
  let onnxRel: string | undefined;
  /** Why no ONNX file was chosen although there are some. */
  let onnxChoice: string | undefined;
  if (scan.kind === 'file' && scan.format === 'onnx') {
    onnxFile = modelPath;
    onnxRel = basename(modelPath);
  } else if (mlflow?.onnxModel) {
    onnxFile = join(modelPath, mlflow.onnxModel);
    onnxRel = mlflow.onnxModel;
  } else if (scan.kind === 'directory') {
    const onnxFiles = scan.files.filter((f) => f.format === 'onnx');
    if (onnxFiles.length === 1) {
      onnxRel = onnxFiles[0]!.file;
      onnxFile = join(modelPath, onnxRel);
    } else if (onnxFiles.length > 1) {
      onnxChoice = `${onnxFiles.length} ONNX files in the directory (${onnxFiles.map((f) => f.file).join(', ')}); the signature and the smoke test need one: point model-path at it`;
      logger.warning(onnxChoice);
    }
  }
  let onnx: OnnxModelInfo | undefined;
  let onnxProblem: string | undefined;
  let externalDataUnsafe = false;
  if (onnxFile && onnxRel) {
    try {
      onnx = await readOnnxModel(onnxFile);
      logger.info(`ONNX: IR ${onnx.irVersion}, opsets ${onnx.opsets.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ')}, producer ${onnx.producerName} ${onnx.producerVersion}`.trim());
      for (const p of await checkExternalData(onnxFile, onnx)) {
        const dangerous = p.problem === 'outside-model-directory' || p.problem === 'absolute-path';
        if (dangerous) externalDataUnsafe = true;
        findings.push({
          severity: dangerous ? 'dangerous' : 'malformed',
          rule: dangerous ? 'onnx.external-data-escape' : 'onnx.external-data-missing',
          message: dangerous ? `${p.message}: ONNX Runtime would read that file as weights` : p.message,
          file: scan.kind === 'file' ? basename(modelPath) : onnxRel,
        });
      }
    } catch (err) {
      if (!(err instanceof OnnxFormatError)) throw err;
      onnxProblem = err.message;
      findings.push({ severity: 'malformed', rule: 'onnx.malformed', message: err.message, file: scan.kind === 'file' ? basename(modelPath) : onnxRel });
    }
  }

  // 4. Findings against fail-on.
  // Findings at fail-on severities fail the gate, and so do those saying the model was not there to
  // check (an LFS pointer), nothing in it could be read, or a file could not be read to its end
  // (malformed), whatever fail-on says: a gate never passes what it could not check.
  const failing = findings.filter((f) => inputs['fail-on'].includes(f.severity));
  const unchecked = findings.filter((f) => !inputs['fail-on'].includes(f.severity) && failsGate(f, inputs['fail-on']));
  for (const f of findings) {
    const line = `[${f.severity}] ${f.rule}: ${f.message} (${findingWhere(f)})`;
    if (failsGate(f, inputs['fail-on'])) logger.error(line);
    else if (f.severity === 'info') logger.info(line);
    else logger.warning(line);
  }
  if (failing.length > 0) {
    const bySeverity = countBy(failing.map((f) => f.severity));
    failures.push(`${failing.length} finding(s) at fail-on severities (${Object.entries(bySeverity).map(([s, n]) => `${n} ${s}`).join(', ')})`);
  }
  for (const f of unchecked.slice(0, 5)) failures.push(`${findingWhere(f)}: ${f.message}`);
  if (unchecked.length > 5) failures.push(`${unchecked.length - 5} more finding(s) the scanner could not vouch for (see the findings table)`);

  // 5. Signature.
  let signature: ValidationReport['signature'];
  if (onnx) signature = { ...onnxSignature(onnx), source: 'onnx' };
  else if (mlflow?.signature) signature = { ...mlflow.signature, source: 'mlflow' };
  let signatureCheck: ValidationReport['signatureCheck'];
  const expected = inputs['expected-signature'];
  if (expected) {
    if (!signature) {
      const reason = onnxProblem
        ? `the ONNX model could not be read (${onnxProblem})`
        : (onnxChoice ?? `no signature can be read from a ${scan.format} model (ONNX graphs and MLflow signatures can be)`);
      signatureCheck = { status: 'failed', reason, match: false, diff: [], problems: [reason], expectedFrom: expected.source };
      failures.push(`signature: ${reason}`);
      logger.error(`signature check failed: ${reason}`);
    } else {
      const cmp = compareSignatures(expected.signature, signature);
      signatureCheck = { ...cmp, status: cmp.match ? 'passed' : 'failed', expectedFrom: expected.source };
      if (cmp.match) {
        logger.info(`signature matches (from the ${signature.source === 'onnx' ? 'ONNX graph' : 'MLflow MLmodel'})`);
      } else {
        failures.push(`signature mismatch: ${cmp.problems.join('; ')}`);
        logger.error(`signature mismatch (- expected, + actual):\n${cmp.diff.join('\n')}`);
      }
    }
  } else if (signature) {
    logger.info(`signature: inputs ${signature.inputs.map(formatSpec).join('; ')} → outputs ${signature.outputs.map(formatSpec).join('; ')}`);
  }

  // 6. Smoke test.
  let samplePath = inputs['sample-input'];
  const example = mlflow?.inputExample;
  if (!samplePath && mlflow?.onnxModel && example?.exists && /\.(json|npy)$/i.test(example.path)) samplePath = join(modelPath, example.path);
  const smoke = await logger.group('Smoke test', () => smokeTest(inputs, deps, { onnxFile, onnx, onnxProblem, onnxChoice, externalDataUnsafe, format: scan.format, samplePath, mlflowFlavors: mlflow?.flavors.map((f) => f.name) }));
  if (smoke.status === 'failed') failures.push(`smoke test: ${smoke.reason}`);

  // 7. Quality gate.
  let quality: QualityReport | undefined;
  if (inputs.thresholds.length > 0) {
    const candidate: Metrics = { ...(inputs.metrics?.values ?? {}) };
    const measuredBy: Record<string, string> = {};
    for (const m of MEASURED_METRICS) {
      measuredBy[m] = 'the smoke test';
      if (m in candidate && smoke.result) logger.warning(`'${m}' in the metrics file is replaced by the smoke test's measurement`);
    }
    if (smoke.result) {
      candidate.latency_p50_ms = smoke.result.latency.p50Ms;
      candidate.latency_p95_ms = smoke.result.latency.p95Ms;
    }
    const results = evaluateRules(inputs.thresholds, { candidate, ...(champion ? { champion: champion.values } : {}), measuredBy });
    quality = { rules: results.map(ruleReport) };
    if (inputs.metrics) quality.metricsFile = inputs.metrics.path;
    if (inputs['champion-metrics']) quality.championFile = inputs['champion-metrics'].path;
    if (champion?.image) quality.championImage = champion.image;
    for (const r of results) {
      if (r.passed) logger.info(`quality pass: ${r.rule.text} — ${r.message}`);
      else logger.error(`quality FAIL: ${r.rule.text} — ${r.message}`);
    }
    const failed = results.filter((r) => !r.passed);
    if (failed.length) failures.push(`quality gate: ${failed.length} of ${results.length} rule(s) failed (${failed.map((r) => r.rule.text).join('; ')})`);
  }

  const report: ValidationReport = {
    verdict: failures.length === 0 ? 'pass' : 'fail',
    failures,
    model: {
      path: inputs['model-path'],
      name: inputs['model-name'] ?? basename(modelPath),
      kind: scan.kind,
      format: scan.format,
      sha256: scan.sha256,
      size: scan.size,
    },
    integrity,
    failOn: inputs['fail-on'],
    findings,
    files: scan.files.map((f) => ({ file: f.file, size: f.size, sha256: f.sha256, format: f.format, imports: f.imports.length, globals: f.imports })),
    acceptedDangerous: inputs['allow-dangerous-globals'],
    smokeTest: smoke,
  };
  if (inputs['model-version']) report.model.version = inputs['model-version'];
  if (scan.formats) report.model.formats = scan.formats;
  if (onnxRel && onnxFile && scan.kind === 'directory') report.model.onnxFile = onnxRel;
  if (onnx) report.onnx = { irVersion: onnx.irVersion, producerName: onnx.producerName, producerVersion: onnx.producerVersion, opsets: onnx.opsets, externalData: onnx.externalData };
  if (mlflow) {
    report.mlflow = { flavors: mlflow.flavors.map((f) => f.name) };
    if (mlflow.signatureKind) report.mlflow.signatureKind = mlflow.signatureKind;
    if (mlflow.runId) report.mlflow.runId = mlflow.runId;
    if (mlflow.inputExample) report.mlflow.inputExample = mlflow.inputExample.path;
  }
  if (signature) report.signature = signature;
  if (signatureCheck) report.signatureCheck = signatureCheck;
  if (quality) report.quality = quality;

  // 8. Files, outputs, summary.
  await mkdir(deps.reportDir, { recursive: true });
  const reportPath = join(deps.reportDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const sarifPath = join(deps.reportDir, 'results.sarif');
  await writeSarif(sarifPath, report, { workspace: deps.workspace, modelPath, rootFile, onnxFile, ...(deps.docsUrl ? { docsUrl: deps.docsUrl } : {}) });
  const metadata: ModelMetadata = {
    name: report.model.name,
    version: report.model.version ?? null,
    format: report.model.format,
    digest: scan.sha256 ? `sha256:${scan.sha256}` : null,
    size: scan.size,
    signature: signature ? { inputs: signature.inputs, outputs: signature.outputs } : null,
    // The file's metrics as given: a later run reads them back from the image as its champion's.
    metrics: inputs.metrics?.values ?? null,
    verdict: report.verdict,
  };
  await writeFile(join(deps.reportDir, 'metadata.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  deps.setOutput('verdict', report.verdict);
  deps.setOutput('report', reportPath);
  deps.setOutput('sarif', sarifPath);
  deps.setOutput('metadata', JSON.stringify(metadata));
  deps.setOutput('labels', formatLabelLines(modelImageLabels(metadata, { revision: deps.revision })));
  writeSummary(deps.summary, report);

  if (report.verdict === 'fail') {
    throw new UserError(`model rejected: ${failures.join('; ')}`);
  }
  logger.info('verdict: pass');
  return { report, reportPath, sarifPath, metadata };
}

/**
 * The champion's metrics from the model-metadata label of the image serving now. A registry or
 * label problem the user can fix is a ConfigurationError; an unreachable registry stays ours.
 */
async function championFromImage(text: string, deps: RunDeps): Promise<{ values: Metrics; image: ChampionImage }> {
  const { logger } = deps;
  const client = deps.registry ?? { readImageLabels };
  let read: ImageConfigLabels;
  try {
    read = await client.readImageLabels(text, {
      ...client.options,
      signal: deps.signal,
      onSecret: (v) => deps.secrets.add(v),
      log: (m) => logger.info(m),
    });
  } catch (err) {
    if (err instanceof RegistryError && err.isUsersToFix) throw new ConfigurationError(err.message);
    throw err;
  }
  let metadata;
  try {
    metadata = modelMetadataFromLabels(read.labels);
  } catch (err) {
    if (err instanceof ModelMetadataLabelError) throw new ConfigurationError(`${text} (${read.digest}): ${err.message}`);
    throw err;
  }
  const image: ChampionImage = { reference: text, digest: read.digest, model: { name: metadata.name, version: metadata.version, digest: metadata.digest } };
  if (read.manifestDigest !== read.digest) image.manifestDigest = read.manifestDigest;
  if (read.platform) image.platform = read.platform;
  logger.info(`champion: model ${String(metadata.name)}${metadata.version ? ` version ${String(metadata.version)}` : ''} from ${text} (${read.digest}); metrics: ${Object.keys(metadata.metrics).join(', ') || 'none'}`);
  return { values: metadata.metrics, image };
}

interface SmokeContext {
  onnxFile: string | undefined;
  onnx: OnnxModelInfo | undefined;
  onnxProblem: string | undefined;
  onnxChoice: string | undefined;
  externalDataUnsafe: boolean;
  format: ModelFormat;
  mlflowFlavors: string[] | undefined;
  /** sample-input, else the MLflow input example of an ONNX-flavored model (it is the model's own sample). */
  samplePath: string | undefined;
}

async function smokeTest(inputs: Inputs, deps: RunDeps, c: SmokeContext): Promise<SmokeReport> {
  const mode = inputs['smoke-test'];
  const { logger } = deps;
  const runtime = deps.smoke ?? { run: runSmokeTest, support: inferenceSupport };
  const notPossible = (reason: string): SmokeReport => {
    if (mode === 'true') {
      logger.error(`smoke test failed: ${reason}`);
      return { status: 'failed', reason };
    }
    logger.info(`smoke test skipped: ${reason}`);
    return { status: 'skipped', reason };
  };
  if (mode === 'false') {
    logger.info('smoke test skipped: smoke-test is false');
    return { status: 'skipped', reason: 'smoke-test is false' };
  }
  if (c.onnxProblem) {
    logger.error(`smoke test failed: ${c.onnxProblem}`);
    return { status: 'failed', reason: c.onnxProblem };
  }
  if (c.onnxChoice) return notPossible(c.onnxChoice);
  if (c.mlflowFlavors && !c.onnxFile) return notPossible(`the MLflow model has no onnx flavor (flavors: ${c.mlflowFlavors.join(', ')}), and the smoke test runs ONNX models only`);
  if (!c.onnxFile || !c.onnx) return notPossible(`the model is ${c.format}, and the smoke test runs ONNX models only`);
  if (c.externalDataUnsafe) {
    const reason = 'not run: the model points at external data outside its directory';
    logger.error(`smoke test failed: ${reason}`);
    return { status: 'failed', reason };
  }
  const support = runtime.support();
  if (!support.supported) return notPossible(support.reason);
  if (c.samplePath && c.samplePath !== inputs['sample-input']) logger.info(`sample: the MLflow input example ${c.samplePath}`);
  // The smoke test should run (an ONNX model, a supported platform): a runtime that cannot be had,
  // or one that is not the pinned release, fails it rather than skipping it.
  let runtimeDir: string;
  try {
    runtimeDir = await (deps.onnxRuntime ?? (() => ensureOnnxRuntime({ ...onnxRuntimeFetchEnv(), log: (l) => logger.info(l), ...(deps.signal ? { signal: deps.signal } : {}) })))();
  } catch (err) {
    if (!(err instanceof InferenceUnavailableError || err instanceof OnnxRuntimeIntegrityError)) throw err;
    const reason = `ONNX Runtime: ${err.message}`;
    logger.error(`smoke test failed: ${reason}`);
    return { status: 'failed', reason };
  }
  let result: SmokeTestResult;
  try {
    result = await runtime.run(c.onnxFile, c.onnx, {
      runtimeDir,
      runs: inputs.runs,
      warmupRuns: inputs['warmup-runs'],
      ...(c.samplePath ? { samplePath: c.samplePath } : {}),
      signal: deps.signal,
    });
  } catch (err) {
    if (err instanceof SmokeTestError) {
      logger.error(`smoke test failed: ${err.message}`);
      return { status: 'failed', reason: err.message };
    }
    if (err instanceof InferenceUnavailableError) return notPossible(err.message);
    throw err;
  }
  const l = result.latency;
  logger.info(`latency over ${l.runs} runs (after ${l.warmupRuns} warm-up): p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, mean ${l.meanMs} ms`);
  for (const note of result.notes) logger.info(note);
  const problems = [...result.problems];
  const budget = inputs['latency-budget'];
  if (budget !== undefined && l.p95Ms > budget) problems.push(`p95 latency ${l.p95Ms} ms is over the budget of ${budget} ms`);
  const report: SmokeReport = { status: problems.length ? 'failed' : 'passed', result };
  if (budget !== undefined) report.budgetMs = budget;
  if (problems.length) {
    report.reason = problems.join('; ');
    logger.error(`smoke test failed: ${report.reason}`);
  } else {
    logger.info('smoke test passed');
  }
  return report;
}

function ruleReport(r: RuleResult): QualityReport['rules'][number] {
  const out: QualityReport['rules'][number] = { rule: r.rule.text, line: r.rule.line, passed: r.passed, limitText: r.limitText, message: r.message };
  if (r.value !== undefined) out.value = r.value;
  if (r.limit !== undefined) out.limit = r.limit;
  return out;
}

/** Where a finding is: its location when that already names the file (`a.pt @ archive/data.pkl @ byte 12`), else file and location. */
export function findingWhere(f: Finding): string {
  if (!f.location) return f.file;
  return f.location === f.file || f.location.startsWith(`${f.file} `) || f.location.startsWith(`${f.file}/`) ? f.location : `${f.file} @ ${f.location}`;
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}
