/**
 * The job summary of a validation: verdict first with the reasons, then integrity, findings,
 * signature, smoke test and every quality rule with its value, its limit and pass/fail.
 */
import { codeSpan, escapeInline, md, type SummaryBuilder } from '@ml-deploy/action-kit';
import { type Finding, formatNumber, ModelLabel, type TensorSpec } from '@ml-deploy/model';
import { findingWhere, type ValidationReport } from './run';

/** More findings than this go into a collapsed block: a poisoned archive can hold thousands. */
const MAX_FINDING_ROWS = 50;

const SEVERITY_ORDER = ['dangerous', 'malformed', 'unknown-import', 'warning', 'info'];
const STATUS = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const;

export function writeSummary(s: SummaryBuilder, r: ValidationReport): void {
  s.heading(`Model validation: ${r.model.name}`);
  if (r.verdict === 'pass') s.status('ok', '**Passed**: the model may be built and deployed.');
  else {
    s.status('failed', '**Rejected**: nothing should be built from this model.');
    s.list(r.failures);
  }

  s.keyValues([
    ['Model', codeSpan(r.model.path)],
    ['Version', r.model.version],
    ['Format', r.model.onnxFile ? `${r.model.format} (ONNX graph ${r.model.onnxFile})` : r.model.format],
    ['Size', `${r.model.size} bytes in ${r.files.length} file(s)`],
    ['sha256', r.integrity.sha256 ? codeSpan(r.integrity.sha256) : '(none)'],
    ['Expected sha256', r.integrity.expected ? md(`${codeSpan(r.integrity.expected).markdown} ${r.integrity.match ? '✅ matches' : '❌ differs'}`) : undefined],
    ['Fails on', r.failOn.length ? r.failOn.join(', ') : 'nothing (report-only)'],
  ]);

  s.heading('Findings', 3);
  if (r.findings.length === 0) {
    s.paragraph('No findings: no import, archive or file problem was seen.');
  } else {
    const counts = SEVERITY_ORDER.map((sev) => [sev, r.findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
    s.paragraph(counts.map(([sev, n]) => `${n} ${sev}${r.failOn.includes(sev as Finding['severity']) ? ' (fails the gate)' : ''}`).join(' · '));
    const sorted = [...r.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    const rows = sorted.map((f) => [
      `${f.severity === 'dangerous' ? '🛑' : r.failOn.includes(f.severity) ? '❌' : f.severity === 'info' ? 'ℹ️' : '⚠️'} ${f.severity}`,
      codeSpan(f.rule),
      codeSpan(findingWhere(f)),
      f.import && !f.message.includes(f.import) ? md(`${codeSpan(f.import).markdown} ${escapeInline(f.message)}`) : f.message,
    ]);
    s.table(['Severity', 'Rule', 'Where', 'Finding'], rows.slice(0, MAX_FINDING_ROWS));
    if (rows.length > MAX_FINDING_ROWS) s.paragraph(`…and ${rows.length - MAX_FINDING_ROWS} more in the report.`);
  }

  s.heading('Signature', 3);
  if (r.signature) {
    const row = (kind: string, t: TensorSpec) => [kind, codeSpan(t.name), t.dtype ?? 'any', t.shape ? codeSpan(`[${t.shape.map((d) => d ?? '?').join(', ')}]`) : 'unknown'];
    s.paragraph(`From the ${r.signature.source === 'onnx' ? 'ONNX graph' : 'MLflow MLmodel'}${r.onnx ? ` (IR ${r.onnx.irVersion}, opsets ${r.onnx.opsets.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ')}, producer ${r.onnx.producerName || 'unknown'} ${r.onnx.producerVersion})`.replace(/ \)$/, ')') : ''}.`);
    s.table(['', 'Name', 'Type', 'Shape'], [...r.signature.inputs.map((t) => row('input', t)), ...r.signature.outputs.map((t) => row('output', t))]);
  } else {
    s.paragraph('No signature could be read (it comes from ONNX graphs and MLflow models).');
  }
  if (r.signatureCheck) {
    const c = r.signatureCheck;
    s.paragraph(`Compared with ${c.expectedFrom === 'inline' ? 'the expected signature given inline' : codeSpan(c.expectedFrom).markdown}: ${STATUS[c.status]}${c.reason ? ` — ${escapeInline(c.reason)}` : ''}`);
    if (c.status === 'failed' && c.diff.length) s.code(c.diff.join('\n'), 'diff');
  }

  s.heading('Smoke test', 3);
  const smoke = r.smokeTest;
  s.paragraph(`${STATUS[smoke.status]}${smoke.reason ? ` — ${escapeInline(smoke.reason)}` : ''}`);
  if (smoke.result) {
    const l = smoke.result.latency;
    s.table(
      ['Runs', 'p50', 'p95', 'Mean', 'Min', 'Max', 'Budget (p95)'],
      [[`${l.runs} (+${l.warmupRuns} warm-up)`, `${l.p50Ms} ms`, `${l.p95Ms} ms`, `${l.meanMs} ms`, `${l.minMs} ms`, `${l.maxMs} ms`, smoke.budgetMs !== undefined ? `${smoke.budgetMs} ms ${l.p95Ms <= smoke.budgetMs ? '✅' : '❌'}` : '—']],
    );
    s.table(
      ['', 'Name', 'Type', 'Shape', 'Check'],
      [
        ...smoke.result.inputs.map((i) => ['input', codeSpan(i.name), i.dtype, codeSpan(`[${i.shape.join(', ')}]`), i.source]),
        ...smoke.result.outputs.map((o) => [
          'output',
          codeSpan(o.name),
          o.dtype ?? o.declared,
          o.shape ? codeSpan(`[${o.shape.join(', ')}]`) : '—',
          !o.checked ? 'not checked' : o.problem ? `❌ ${o.problem}` : '✅ shape and values',
        ]),
      ],
    );
    if (smoke.result.notes.length) s.list(smoke.result.notes);
  }

  if (r.quality) {
    s.heading('Quality gate', 3);
    const q = r.quality;
    const championFrom = q.championFile
      ? ` · champion: ${codeSpan(q.championFile).markdown}`
      : q.championImage
        ? ` · champion: the image ${codeSpan(q.championImage.reference).markdown} at ${codeSpan(q.championImage.digest).markdown}${q.championImage.platform ? ` (${escapeInline(q.championImage.platform)}: ${codeSpan(q.championImage.manifestDigest ?? q.championImage.digest).markdown})` : ''}, label \`${ModelLabel.Metadata}\``
        : '';
    s.paragraph(`Candidate: ${q.metricsFile ? codeSpan(q.metricsFile).markdown : 'smoke-test measurements only'}${championFrom}`);
    s.table(
      ['Rule', 'Value', 'Limit', 'Result'],
      q.rules.map((rule) => [codeSpan(rule.rule), rule.value !== undefined ? formatNumber(rule.value) : '—', rule.limitText, rule.passed ? '✅ pass' : `❌ fail: ${rule.message}`]),
    );
  }
}
