/**
 * One vulnerability in one package, whichever scanner found it. Trivy's JSON report
 * (`trivy image --format json`, schema 2) and Grype's (`grype -o json`) are read into this shape
 * so the policy and the summary do not care which scanner ran.
 */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  id: string;
  package: string;
  installed: string;
  /** Versions that fix it; empty when no fix is published. */
  fixed: string[];
  severity: Severity;
  title?: string;
  /** What the package belongs to: `python-pkg`, `debian`, ... as the scanner names it. */
  type: string;
  /** Where it was found (a file path or the OS), for the summary. */
  location?: string;
  url?: string;
}

export interface ScanResult {
  scanner: 'trivy' | 'grype';
  findings: Finding[];
  /** Packages the scanner saw (name@version by type), when it lists them. */
  packages: Array<{ name: string; version: string; type: string; location?: string }>;
  os?: string;
  /** When the vulnerability database was built, as the scanner reports it. */
  dbUpdatedAt?: string;
}

export function normaliseSeverity(s: unknown): Severity {
  const up = String(s ?? '').toUpperCase();
  if (up === 'NEGLIGIBLE') return 'LOW';
  return (SEVERITIES as readonly string[]).includes(up) ? (up as Severity) : 'UNKNOWN';
}

interface TrivyReport {
  Metadata?: { OS?: { Family?: string; Name?: string } };
  Results?: Array<{
    Target?: string;
    Type?: string;
    Vulnerabilities?: Array<{ VulnerabilityID?: string; PkgName?: string; InstalledVersion?: string; FixedVersion?: string; Severity?: string; Title?: string; PrimaryURL?: string; PkgPath?: string }>;
    Packages?: Array<{ Name?: string; Version?: string; FilePath?: string }>;
  }>;
}

/** Reads Trivy's JSON report; throws a lowercase message when it is not one. */
export function fromTrivy(doc: unknown): ScanResult {
  const r = doc as TrivyReport;
  if (typeof r !== 'object' || r === null || !('SchemaVersion' in r)) throw new Error('the report is not a Trivy JSON report (no SchemaVersion)');
  const findings: Finding[] = [];
  const packages: ScanResult['packages'] = [];
  for (const res of r.Results ?? []) {
    for (const v of res.Vulnerabilities ?? []) {
      const f: Finding = {
        id: v.VulnerabilityID ?? 'unknown',
        package: v.PkgName ?? 'unknown',
        installed: v.InstalledVersion ?? '',
        fixed: (v.FixedVersion ?? '').split(',').map((x) => x.trim()).filter((x) => x !== ''),
        severity: normaliseSeverity(v.Severity),
        type: res.Type ?? 'unknown',
      };
      if (v.Title) f.title = v.Title;
      if (v.PrimaryURL) f.url = v.PrimaryURL;
      const loc = v.PkgPath ?? res.Target;
      if (loc) f.location = loc;
      findings.push(f);
    }
    for (const p of res.Packages ?? []) {
      const pkg: ScanResult['packages'][number] = { name: p.Name ?? '', version: p.Version ?? '', type: res.Type ?? 'unknown' };
      if (p.FilePath) pkg.location = p.FilePath;
      packages.push(pkg);
    }
  }
  const out: ScanResult = { scanner: 'trivy', findings, packages };
  if (r.Metadata?.OS?.Family) out.os = `${r.Metadata.OS.Family} ${r.Metadata.OS.Name ?? ''}`.trim();
  return out;
}

interface GrypeReport {
  matches?: Array<{
    vulnerability?: { id?: string; severity?: string; description?: string; dataSource?: string; fix?: { versions?: string[]; state?: string } };
    artifact?: { name?: string; version?: string; type?: string; locations?: Array<{ path?: string }> };
  }>;
  distro?: { name?: string; version?: string };
  descriptor?: { db?: { built?: string; status?: { built?: string } } };
}

/** Reads Grype's JSON report; throws a lowercase message when it is not one. */
export function fromGrype(doc: unknown): ScanResult {
  const r = doc as GrypeReport;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.matches)) throw new Error("the report is not a Grype JSON report (no 'matches')");
  const findings: Finding[] = r.matches.map((m) => {
    const v = m.vulnerability ?? {};
    const a = m.artifact ?? {};
    const f: Finding = {
      id: v.id ?? 'unknown',
      package: a.name ?? 'unknown',
      installed: a.version ?? '',
      fixed: v.fix?.state === 'fixed' ? (v.fix.versions ?? []) : [],
      severity: normaliseSeverity(v.severity),
      type: a.type ?? 'unknown',
    };
    if (v.description) f.title = v.description.split('\n')[0]!.slice(0, 200);
    if (v.dataSource) f.url = v.dataSource;
    const loc = a.locations?.[0]?.path;
    if (loc) f.location = loc;
    return f;
  });
  const out: ScanResult = { scanner: 'grype', findings, packages: [] };
  if (r.distro?.name) out.os = `${r.distro.name} ${r.distro.version ?? ''}`.trim();
  const built = r.descriptor?.db?.status?.built ?? r.descriptor?.db?.built;
  if (built) out.dbUpdatedAt = built;
  return out;
}
