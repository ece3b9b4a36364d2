/**
 * The SARIF file of a validation: scan findings, plus one result per failed gate check
 * (integrity, signature, smoke test, each failed quality rule), all located at the model file so
 * code scanning shows them on the model in the repository.
 */
import { writeFile } from 'node:fs/promises';
import { buildSarif, failsGate, findingsToSarif, type SarifResultInput, type SarifRuleInput } from '@ml-deploy/model';
import type { ValidationReport } from './run';

/** The action's README, where each gate check's input is described. */
const ACTION_DOC_URL = 'https://github.com/org/ml-deploy/blob/main/validate-model/README.md';

const GATE_RULES: Record<string, SarifRuleInput> = {
  'integrity-mismatch': {
    id: 'validate-model.integrity-mismatch',
    shortDescription: 'The model file is not the one expected (sha256 mismatch)',
    help: 'The sha256 of the model differs from `expected-sha256`: the file was changed or replaced after it was approved.',
    level: 'error',
    helpUri: `${ACTION_DOC_URL}#inputs`,
    securitySeverity: 8.0,
    tags: ['security', 'ml-model', 'integrity'],
  },
  'signature-mismatch': {
    id: 'validate-model.signature-mismatch',
    shortDescription: 'The model signature differs from the expected one',
    help: 'Inputs or outputs (names, element types or shapes) differ from `expected-signature`; callers of the deployed model would break.',
    helpUri: `${ACTION_DOC_URL}#inputs`,
    level: 'error',
    tags: ['ml-model', 'correctness'],
  },
  'smoke-test-failed': {
    id: 'validate-model.smoke-test-failed',
    shortDescription: 'The model failed its smoke inference',
    help: 'ONNX Runtime could not run the model, an output had an unexpected shape or non-finite values, or p95 latency was over `latency-budget`.',
    helpUri: `${ACTION_DOC_URL}#inputs`,
    level: 'error',
    tags: ['ml-model', 'correctness'],
  },
  'quality-gate-failed': {
    id: 'validate-model.quality-rule-failed',
    shortDescription: 'A quality threshold was not met',
    help: 'A rule in `thresholds` failed: the model is worse than the threshold or the champion, or a metric it needs is missing.',
    helpUri: `${ACTION_DOC_URL}#inputs`,
    level: 'error',
    tags: ['ml-model', 'quality'],
  },
};

export interface SarifContext {
  workspace: string;
  modelPath: string;
  /** Maps a scan finding's `file` (relative to the scanned root) to a path on disk. */
  rootFile: (file: string) => string;
  onnxFile: string | undefined;
  /** Base URL of the rules documentation (the action's own repository and ref when known). */
  docsUrl?: string;
}

/** Writes the SARIF file for a report. */
export async function writeSarif(path: string, report: ValidationReport, c: SarifContext): Promise<void> {
  const { rules, results } = findingsToSarif(report.findings, c.rootFile, { failsGate: (f) => failsGate(f, report.failOn), ...(c.docsUrl ? { docsUrl: c.docsUrl } : {}) });
  const gateResults: SarifResultInput[] = [];
  const used = new Set<string>();
  const add = (key: keyof typeof GATE_RULES, message: string, file: string) => {
    used.add(key);
    gateResults.push({ ruleId: GATE_RULES[key]!.id, level: 'error', message, file });
  };
  const where = c.onnxFile ?? c.modelPath;
  if (report.integrity.match === false) add('integrity-mismatch', `sha256 ${report.integrity.sha256} is not the expected ${report.integrity.expected}`, c.modelPath);
  if (report.signatureCheck?.status === 'failed') add('signature-mismatch', `signature mismatch: ${report.signatureCheck.problems.join('; ')}`, where);
  if (report.smokeTest.status === 'failed') add('smoke-test-failed', `smoke test failed: ${report.smokeTest.reason}`, where);
  for (const r of report.quality?.rules ?? []) {
    if (!r.passed) add('quality-gate-failed', `quality rule '${r.rule}' failed: ${r.message}`, c.modelPath);
  }
  const log = buildSarif({
    tool: { name: 'ml-deploy validate-model' },
    rules: [...rules, ...[...used].map((k) => GATE_RULES[k]!)],
    results: [...results, ...gateResults],
    baseDir: c.workspace,
  });
  // Auditability: every global each file imports, with its class, beside the results.
  const run0 = log.runs[0] as { properties?: Record<string, unknown> } | undefined;
  if (run0) {
    run0.properties = {
      ...(run0.properties ?? {}),
      imports: report.files.flatMap((f) => f.globals.map((g) => ({ file: f.file, ...g }))),
      acceptedDangerous: report.acceptedDangerous,
    };
  }
  await writeFile(path, `${JSON.stringify(log, null, 2)}\n`);
}
