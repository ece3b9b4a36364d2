/**
 * The release policy, with explicit semantics (trivy-action's users confuse exit-code with
 * severity; here each rule says what it does):
 * - a finding blocks the release when its severity is at or above `threshold`, unless
 *   `ignoreUnfixed` is on and no fixed version exists, or an ignore entry covers it;
 * - an ignore entry covers findings of its id (and package, when it names one) until its expiry
 *   date; an expired entry no longer covers anything and is itself a failure, so exceptions are
 *   looked at again instead of living forever;
 * - `reportOnly`: the verdict is computed and reported, the step never fails.
 */
import { type Finding, SEVERITIES, type Severity } from './findings';
import type { IgnoreEntry } from './ignore-file';

export interface PolicyOptions {
  threshold: Severity;
  ignoreUnfixed: boolean;
  ignores: IgnoreEntry[];
  reportOnly: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
}

export interface PolicyOutcome {
  /** `fail` when anything blocks or an ignore entry expired; `pass` otherwise. */
  verdict: 'pass' | 'fail';
  /** Whether the step fails: the verdict, unless report-only. */
  failsStep: boolean;
  blocking: Finding[];
  ignored: Array<{ finding: Finding; entry: IgnoreEntry }>;
  unfixedSkipped: Finding[];
  belowThreshold: Finding[];
  expiredIgnores: IgnoreEntry[];
  /** Blocking findings counted by severity (every severity present, 0 included). */
  counts: Record<Severity, number>;
}

export function rank(s: Severity): number {
  // CRITICAL 4 ... UNKNOWN 0
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(s);
}

export function applyPolicy(findings: Finding[], o: PolicyOptions): PolicyOutcome {
  const expiredIgnores = o.ignores.filter((e) => e.expires < o.today);
  const live = o.ignores.filter((e) => e.expires >= o.today);
  const out: PolicyOutcome = { verdict: 'pass', failsStep: false, blocking: [], ignored: [], unfixedSkipped: [], belowThreshold: [], expiredIgnores, counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 } };
  // UNKNOWN severity blocks only when the threshold is UNKNOWN (everything): a finding we cannot
  // rate is reported, never silently dropped.
  for (const f of dedupe(findings)) {
    if (rank(f.severity) < rank(o.threshold)) {
      out.belowThreshold.push(f);
      continue;
    }
    const entry = live.find((e) => e.id === f.id && (e.package === undefined || e.package === f.package));
    if (entry) {
      out.ignored.push({ finding: f, entry });
      continue;
    }
    if (o.ignoreUnfixed && f.fixed.length === 0) {
      out.unfixedSkipped.push(f);
      continue;
    }
    out.blocking.push(f);
    out.counts[f.severity]++;
  }
  out.blocking.sort((a, b) => rank(b.severity) - rank(a.severity) || a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
  out.verdict = out.blocking.length > 0 || expiredIgnores.length > 0 ? 'fail' : 'pass';
  out.failsStep = out.verdict === 'fail' && !o.reportOnly;
  return out;
}

/** The same vulnerability in the same package at the same version, found twice (two paths), counts once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.id}\u0000${f.package}\u0000${f.installed}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}
