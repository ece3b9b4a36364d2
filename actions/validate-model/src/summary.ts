/**
 * The job summary of a validation: verdict first with the reasons, then integrity, findings,
 * signature, smoke test and every quality rule with its value, its limit and pass/fail.
 */
import { codeSpan, escapeInline, md, type SummaryBuilder } from '@ml-deploy/action-kit';
import { ALWAYS_FAILING_SEVERITIES, failsGate, type Finding, formatNumber, type ImportRecord, ModelLabel, type TensorSpec } from '@ml-deploy/model';
import { findingWhere, type ValidationReport } from './run';

/** More findings than this go into a collapsed block: a poisoned archive can hold thousands. */
const MAX_FINDING_ROWS = 50;
/** Imports listed in the table (the rest are counted; report.json has every one). */
const MAX_IMPORT_ROWS = 100;
const IMPORT_ORDER: Array<ImportRecord['classification']> = ['dangerous', 'unknown', 'allowed', 'safe'];
const IMPORT_LABEL: Record<ImportRecord['classification'], string> = {
  dangerous: '🛑 dangerous',
  unknown: '❓ unknown',
  allowed: '☑️ allowed (allow-globals)',
  safe: '✅ safe',
};

const SEVERITY_ORDER = ['dangerous', 'malformed', 'unknown-import', 'warning', 'info'];
const STATUS = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const;

export function writeSummary(s: SummaryBuilder, r: ValidationReport): void {
  s.heading(`Model validation: ${r.model.name}`);
  if (r.verdict === 'pass') s.status('ok', '**Passed**: the model may be built and deployed.');
  else {
    s.status('failed', '**Rejected**: nothing should be built from this model.');
    s.list(r.failures);
  }

  // Loud on purpose: a team chose to load code the gate calls dangerous.
  const accepted = r.files.flatMap((f) => f.globals.filter((g) => g.accepted !== undefined).map((g) => ({ ...g, file: f.file })));
  if (accepted.length > 0) {
    s.status('warning', `🟥 **${accepted.length} dangerous global(s) accepted by \`allow-dangerous-globals\`**: this model runs code that can reach processes, files or the network when it is loaded.`);
    s.list(accepted.map((g) => md(`🟥 ${codeSpan(g.name).markdown} in ${codeSpan(g.file).markdown}: ${escapeInline(g.accepted ?? '')}`)));
  }

  s.keyValues([
    ['Model', codeSpan(r.model.path)],
    ['Version', r.model.version],
    ['Format', `${r.model.format === 'mixed' && r.model.formats ? `mixed (${r.model.formats.join(', ')})` : r.model.format}${r.model.onnxFile ? ` (ONNX graph ${r.model.onnxFile})` : ''}`],
    ['Size', `${r.model.size} bytes in ${r.files.length} file(s)`],
    ['sha256', r.integrity.sha256 ? codeSpan(r.integrity.sha256) : '(none)'],
    ['Expected sha256', r.integrity.expected ? md(`${codeSpan(r.integrity.expected).markdown} ${r.integrity.match ? '✅ matches' : '❌ differs'}`) : undefined],
    ['Fails on', `${r.failOn.length ? r.failOn.join(', ') : 'no severity (report-only)'}${r.failOn.includes('malformed') ? '' : '; malformed always (what could not be read was not checked)'}`],
  ]);

  s.heading('Findings', 3);
  if (r.findings.length === 0) {
    s.paragraph('No findings: no import, archive or file problem was seen.');
  } else {
    const counts = SEVERITY_ORDER.map((sev) => [sev, r.findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
    s.paragraph(counts.map(([sev, n]) => `${n} ${sev}${r.failOn.includes(sev as Finding['severity']) || ALWAYS_FAILING_SEVERITIES.has(sev as Finding['severity']) ? ' (fails the gate)' : ''}`).join(' · '));
    const sorted = [...r.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    const rows = sorted.map((f) => [
      `${f.severity === 'dangerous' ? '🛑' : failsGate(f, r.failOn) ? '❌' : f.severity === 'info' ? 'ℹ️' : '⚠️'} ${f.severity}`,
      codeSpan(f.rule),
      codeSpan(findingWhere(f)),
      f.import && !f.message.includes(f.import) ? md(`${codeSpan(f.import).markdown} ${escapeInline(f.message)}`) : f.message,
    ]);
    s.table(['Severity', 'Rule', 'Where', 'Finding'], rows.slice(0, MAX_FINDING_ROWS));
    if (rows.length > MAX_FINDING_ROWS) s.paragraph(`…and ${rows.length - MAX_FINDING_ROWS} more in the report.`);
  }

  writeImports(s, r);

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

/** Every global the model's pickles import, by class; for unknown ones, the exact lines to add. */
function writeImports(s: SummaryBuilder, r: ValidationReport): void {
  const all = r.files.flatMap((f) => f.globals.map((g) => ({ ...g, file: f.file })));
  if (all.length === 0) return;
  s.heading('Imports', 3);
  const counts = IMPORT_ORDER.map((c) => [c, all.filter((g) => g.classification === c).length] as const).filter(([, n]) => n > 0);
  s.paragraph(`${all.length} global(s) imported when the model loads: ${counts.map(([c, n]) => `${n} ${c}`).join(' · ')}.`);
  const sorted = [...all].sort((a, b) => IMPORT_ORDER.indexOf(a.classification) - IMPORT_ORDER.indexOf(b.classification) || a.name.localeCompare(b.name));
  const rows = sorted.map((g) => [
    g.accepted !== undefined ? `🟥 dangerous, accepted: ${g.accepted}` : IMPORT_LABEL[g.classification],
    codeSpan(g.name),
    codeSpan(findingWhere({ severity: 'info', rule: '', message: '', file: g.file, ...(g.location ? { location: g.location } : {}) })),
  ]);
  s.table(['Class', 'Global', 'Where'], rows.slice(0, MAX_IMPORT_ROWS));
  if (rows.length > MAX_IMPORT_ROWS) s.paragraph(`…and ${rows.length - MAX_IMPORT_ROWS} more in the report.`);
  const unknown = [...new Set(all.filter((g) => g.classification === 'unknown').map((g) => g.name))].sort();
  if (unknown.length > 0) {
    s.paragraph(
      `${unknown.length} import(s) are on no list${r.failOn.includes('unknown-import') ? ' and fail the gate' : ''}. If they are your own classes and loading them only builds data (no code run, no files, processes or network touched), add them to the step:`,
    );
    s.code(`allow-globals: |\n${unknown.map((n) => `  ${n}`).join('\n')}`, 'yaml');
  }
}
