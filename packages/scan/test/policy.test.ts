/**
 * The policy on a recorded report of the real Trivy 0.74.0 (built from the Go module proxy) scanning
 * an image with numpy 1.21.0, torch 2.5.1, scikit-learn 1.4.0 and onnxruntime 1.17.0 in
 * site-packages, against a database of two advisories made with trivy-db's writer
 * (test/fixtures/scanner-db/trivydb): CVE-2021-41495 (numpy, MEDIUM, fixed in 1.22.0) and
 * CVE-2025-32434 (torch, CRITICAL, fixed in 2.6.0).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyPolicy, type Finding, fromGrype, fromTrivy, parseIgnoreFile } from '../src';

const trivy = fromTrivy(JSON.parse(readFileSync(new URL('./fixtures/trivy-0.74.0-ml-image.json', import.meta.url), 'utf8')));
const base = { threshold: 'HIGH' as const, ignoreUnfixed: false, ignores: [], reportOnly: false, today: '2026-12-04' };

describe('Trivy report', () => {
  it('finds the planted advisories in the Python packages, and lists every package', () => {
    expect(trivy.findings.map((f) => [f.id, f.package, f.installed, f.fixed, f.severity, f.type])).toEqual([
      ['CVE-2021-41495', 'numpy', '1.21.0', ['1.22.0'], 'MEDIUM', 'python-pkg'],
      ['CVE-2025-32434', 'torch', '2.5.1', ['2.6.0'], 'CRITICAL', 'python-pkg'],
    ]);
    expect(trivy.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(['numpy@1.21.0', 'onnxruntime@1.17.0', 'scikit-learn@1.4.0', 'torch@2.5.1']);
  });
});

describe('applyPolicy', () => {
  it('threshold HIGH: torch blocks, numpy (MEDIUM) is below it', () => {
    const o = applyPolicy(trivy.findings, base);
    expect(o.verdict).toBe('fail');
    expect(o.failsStep).toBe(true);
    expect(o.blocking.map((f) => f.id)).toEqual(['CVE-2025-32434']);
    expect(o.belowThreshold.map((f) => f.id)).toEqual(['CVE-2021-41495']);
    expect(o.counts).toEqual({ CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
  });

  it('threshold MEDIUM: both block, the most severe first', () => {
    expect(applyPolicy(trivy.findings, { ...base, threshold: 'MEDIUM' }).blocking.map((f) => f.package)).toEqual(['torch', 'numpy']);
  });

  it('threshold CRITICAL with an ignore entry for the torch CVE: passes, and says which entry', () => {
    const ignores = [{ id: 'CVE-2025-32434', package: 'torch', reason: 'we never torch.load untrusted files', expires: '2026-12-31' }];
    const o = applyPolicy(trivy.findings, { ...base, threshold: 'CRITICAL', ignores });
    expect(o.verdict).toBe('pass');
    expect(o.ignored.map((i) => i.entry.reason)).toEqual(['we never torch.load untrusted files']);
  });

  it('an expired ignore entry covers nothing and fails the run by itself', () => {
    const ignores = [{ id: 'CVE-2025-32434', reason: 'accepted for the Q3 release only', expires: '2026-12-03' }];
    const o = applyPolicy(trivy.findings, { ...base, ignores });
    expect(o.expiredIgnores).toEqual(ignores);
    expect(o.blocking.map((f) => f.id)).toEqual(['CVE-2025-32434']);
    const onlyExpired = applyPolicy([], { ...base, ignores });
    expect(onlyExpired).toMatchObject({ verdict: 'fail', failsStep: true, blocking: [] });
    // The last day is still covered.
    expect(applyPolicy(trivy.findings, { ...base, ignores: [{ ...ignores[0]!, expires: '2026-12-04' }] }).verdict).toBe('pass');
  });

  it('an entry naming another package does not cover this one', () => {
    const o = applyPolicy(trivy.findings, { ...base, ignores: [{ id: 'CVE-2025-32434', package: 'torchvision', reason: 'not the torch we ship', expires: '2027-01-01' }] });
    expect(o.blocking).toHaveLength(1);
  });

  it('ignore-unfixed skips findings without a fixed version only', () => {
    const unfixed: Finding = { id: 'CVE-2099-0001', package: 'onnxruntime', installed: '1.17.0', fixed: [], severity: 'HIGH', type: 'python-pkg' };
    const o = applyPolicy([...trivy.findings, unfixed], { ...base, ignoreUnfixed: true });
    expect(o.unfixedSkipped.map((f) => f.id)).toEqual(['CVE-2099-0001']);
    expect(o.blocking.map((f) => f.id)).toEqual(['CVE-2025-32434']);
    expect(applyPolicy([unfixed], base).blocking).toHaveLength(1);
  });

  it('report-only: same verdict, the step never fails', () => {
    expect(applyPolicy(trivy.findings, { ...base, reportOnly: true })).toMatchObject({ verdict: 'fail', failsStep: false });
  });

  it('the same finding at two paths counts once', () => {
    const f = trivy.findings[1]!;
    expect(applyPolicy([f, { ...f, location: 'other/path' }], base).counts.CRITICAL).toBe(1);
  });
});

describe('Grype report shape', () => {
  // Hand-written in the shape of grype's JSON presenter, for what the recorded report below lacks
  // (a Negligible severity, a location).
  it('reads matches, fix state and versions, and the database build time', () => {
    const r = fromGrype({
      matches: [
        { vulnerability: { id: 'GHSA-x', severity: 'Negligible', fix: { state: 'not-fixed', versions: [] } }, artifact: { name: 'numpy', version: '1.21.0', type: 'python' } },
        { vulnerability: { id: 'CVE-1', severity: 'High', fix: { state: 'fixed', versions: ['2.6.0'] } }, artifact: { name: 'torch', version: '2.5.1', type: 'python', locations: [{ path: '/usr/lib/site-packages/torch-2.5.1.dist-info/METADATA' }] } },
      ],
      descriptor: { db: { status: { built: '2026-12-01T00:00:00Z' } } },
    });
    expect(r.findings.map((f) => [f.id, f.severity, f.fixed])).toEqual([['GHSA-x', 'LOW', []], ['CVE-1', 'HIGH', ['2.6.0']]]);
    expect(r.dbUpdatedAt).toBe('2026-12-01T00:00:00Z');
    expect(() => fromGrype({ SchemaVersion: 2 })).toThrow("not a Grype JSON report");
  });
});

describe('Grype report (recorded)', () => {
  // Recorded from the real Grype 0.121.3 (built from the Go module proxy) scanning a directory
  // with the same four packages in site-packages, against a database of the four advisories of
  // test/harness/scanners.ts PLANTED made with grype's own library (test/fixtures/scanner-db/grypedb,
  // built 2026-12-04). Only the machine's paths were replaced.
  const grype = fromGrype(JSON.parse(readFileSync(new URL('./fixtures/grype-0.121.3-ml-image.json', import.meta.url), 'utf8')));

  it('reads every match, its fix state and versions, and when the database was built', () => {
    expect(grype.findings.map((f) => [f.id, f.package, f.installed, f.fixed, f.severity, f.type])).toEqual([
      ['CVE-2025-32434', 'torch', '2.5.1', ['2.6.0'], 'CRITICAL', 'python'],
      ['GHSA-ml-deploy-unfixed', 'onnxruntime', '1.17.0', [], 'HIGH', 'python'],
      ['CVE-2021-41495', 'numpy', '1.21.0', ['1.22.0'], 'MEDIUM', 'python'],
      ['CVE-2024-5206', 'scikit-learn', '1.4.0', ['1.5.0'], 'MEDIUM', 'python'],
    ]);
    expect(grype.dbUpdatedAt).toBe('2026-12-04T00:00:00Z');
  });

  it('the same policy gives the same verdicts as on the Trivy report', () => {
    const high = applyPolicy(grype.findings, base);
    expect([high.verdict, high.blocking.map((f) => f.id)]).toEqual(['fail', ['CVE-2025-32434', 'GHSA-ml-deploy-unfixed']]);
    const unfixed = applyPolicy(grype.findings, { ...base, ignoreUnfixed: true });
    expect(unfixed.blocking.map((f) => f.id)).toEqual(['CVE-2025-32434']);
    const ignored = applyPolicy(grype.findings, { ...base, ignoreUnfixed: true, ignores: [{ id: 'CVE-2025-32434', package: 'torch', reason: 'no torch.load of uploads', expires: '2027-01-01' }] });
    expect([ignored.verdict, ignored.ignored.map((i) => i.finding.id)]).toEqual(['pass', ['CVE-2025-32434']]);
    expect(applyPolicy(grype.findings, { ...base, threshold: 'MEDIUM' }).blocking).toHaveLength(4);
  });
});

describe('parseIgnoreFile', () => {
  it('reads YAML entries', () => {
    expect(parseIgnoreFile('.trivyignore.yml', 'ignores:\n  - id: CVE-2025-32434\n    package: torch\n    reason: no untrusted checkpoints are loaded\n    expires: 2027-03-31\n')).toEqual([
      { id: 'CVE-2025-32434', package: 'torch', reason: 'no untrusted checkpoints are loaded', expires: '2027-03-31' },
    ]);
  });
  it.each([
    ['ignores:\n  - id: CVE-1\n    expires: 2027-01-01\n', 'f.yml: ignores[0].reason: got "", expected why it is accepted'],
    ['ignores:\n  - id: CVE-1\n    reason: because we said so\n', 'f.yml: ignores[0].expires: got "", expected a date YYYY-MM-DD'],
    ['ignores:\n  - id: CVE-1\n    reason: because we said so\n    expires: 2027-02-30\n', 'ignores[0].expires: got "2027-02-30"'],
    ['ignores:\n  - reason: because we said so\n    expires: 2027-02-01\n', 'ignores[0].id: got ""'],
    ['- CVE-1\n', "f.yml: expected a top-level 'ignores' list"],
  ])('%j is refused naming the entry', (text, message) => {
    expect(() => parseIgnoreFile('f.yml', text)).toThrow(message);
  });
});
