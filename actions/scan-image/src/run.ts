/**
 * scan-image: run the scanner once on the image (Trivy: JSON with every package listed, then SARIF
 * and the SBOM converted from that report with `trivy convert`; Grype: JSON, SARIF and CycloneDX
 * written by the same run), apply the release policy, and report: outputs, a JSON report, and a
 * summary of what blocks the release with the versions to move to and how old the vulnerability
 * database was.
 */
import { access, rm } from 'node:fs/promises';
import { arch as osArch } from 'node:os';
import { join } from 'node:path';
import { type ActionContext, codeSpan, ConfigurationError, type Clock, retry, systemClock, UserError } from '@ml-deploy/action-kit';
import { applyPolicy, fromGrype, fromTrivy, type IgnoreEntry, parseIgnoreFile, type PolicyOutcome, type ScanResult, SEVERITIES } from '@ml-deploy/scan';
import { type DbCache, dbCacheKey, grypeVersion, trivyVersion } from './db-cache';
import type { Inputs } from './inputs';
import { findOrInstallScanner, GRYPE_RELEASE, type ScannerRelease, type ScannerSource, type ToolCache, TRIVY_RELEASE } from './scanner-install';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput' | 'secrets'> {
  /** Finds a program on PATH; undefined when absent. */
  which(name: string): Promise<string | undefined>;
  exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ExecResult>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  env: NodeJS.ProcessEnv;
  /** Where the outputs go (SARIF, SBOM, reports) and where the scanner keeps its cache. */
  outputDir: string;
  cacheDir: string;
  clock?: Clock;
  /** Backoff base for database download retries (tests make it quick). */
  retryBaseMs?: number;
  /** The Actions cache for the vulnerability database; undefined where the runner has none. */
  dbCache?: DbCache;
  /** @actions/tool-cache, where the runner has one (RUNNER_TOOL_CACHE): a scanner not on PATH is installed there. */
  toolCache?: ToolCache;
  /** The pinned release to install when the scanner is not on PATH (tests give their own). */
  trivyRelease?: ScannerRelease;
  platform?: string;
  arch?: string;
}

export interface ScanReport {
  image: string;
  scanner: string;
  verdict: 'pass' | 'fail' | 'error';
  policy: { severity: string; ignoreUnfixed: boolean; reportOnly: boolean; ignoreFile?: string };
  db?: { updatedAt?: string; ageHours?: number; repository?: string; cache?: { key: string; hit: boolean; saved?: boolean } };
  /** For an OCI layout on disk: the directory, the tag asked for, and the manifest scanned. */
  layout?: { dir: string; tag?: string; digest: string };
  scannerVersion?: string;
  /** Where the scanner binary came from (PATH, the tool cache, or a verified download). */
  scannerSource?: ScannerSource;
  counts?: PolicyOutcome['counts'];
  blocking?: PolicyOutcome['blocking'];
  ignored?: PolicyOutcome['ignored'];
  unfixedSkipped?: number;
  belowThreshold?: number;
  expiredIgnores?: IgnoreEntry[];
  packages?: number;
  pythonPackages?: string[];
  error?: string;
}

export class PolicyFailedError extends UserError {
  override readonly name = 'PolicyFailedError';
}

/** A scan the scanner could not do (database unreachable, image unreadable): not a policy verdict. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
}

export async function run(inputs: Inputs, deps: Deps): Promise<ScanReport> {
  const clock = deps.clock ?? systemClock;
  const { logger } = deps;
  const report: ScanReport = {
    image: inputs.image,
    scanner: inputs.scanner,
    verdict: 'error',
    policy: { severity: inputs.severity, ignoreUnfixed: inputs['ignore-unfixed'], reportOnly: inputs['report-only'], ...(inputs['ignore-file'] ? { ignoreFile: inputs['ignore-file'] } : {}) },
  };
  const finish = async () => {
    const path = join(deps.outputDir, 'scan-report.json');
    await deps.writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
    deps.setOutput('report', path);
    deps.setOutput('verdict', report.verdict);
    writeSummary(report, deps);
  };

  // Everything the user can get wrong is checked before the scan.
  let ignores: IgnoreEntry[] = [];
  if (inputs['ignore-file']) {
    let text: string;
    try {
      text = await deps.readFile(inputs['ignore-file']);
    } catch (err) {
      throw new ConfigurationError(`input 'ignore-file': cannot read ${inputs['ignore-file']}: ${(err as Error).message}`);
    }
    try {
      ignores = parseIgnoreFile(inputs['ignore-file'], text);
    } catch (err) {
      throw new ConfigurationError(`input 'ignore-file': ${(err as Error).message}`);
    }
  }
  if (inputs.target.kind === 'layout') {
    const { images, ...layout } = await checkLayout(inputs.image, inputs.target, deps);
    // Grype's oci-dir source takes no tag: it must not be left to pick among several images.
    if (inputs.scanner === 'grype' && images > 1) {
      throw new ConfigurationError(`input 'image': ${JSON.stringify(inputs.image)} holds ${images} images, and grype scans a layout holding one only (it takes no tag): copy the one to scan into a layout of its own (skopeo copy oci:<dir>:<tag> oci:<new-dir>), or use scanner trivy`);
    }
    report.layout = layout;
  }
  let source: ScannerSource;
  try {
    source = await findOrInstallScanner(inputs.scanner === 'grype' ? GRYPE_RELEASE : (deps.trivyRelease ?? TRIVY_RELEASE), {
      which: deps.which,
      ...(deps.toolCache ? { toolCache: deps.toolCache } : {}),
      env: deps.env,
      platform: deps.platform ?? process.platform,
      arch: deps.arch ?? osArch(),
      exists: (p) => access(p).then(() => true, () => false),
      remove: (p) => rm(p, { recursive: true, force: true }),
      info: (m) => logger.info(m),
    });
  } catch (err) {
    report.error = (err as Error).message;
    await finish();
    throw err;
  }
  report.scannerSource = source;
  if (inputs.scanner === 'grype') return scanWithGrype(inputs, deps, { report, ignores, finish, grype: source.path, clock });
  const trivy = source.path;

  const env: NodeJS.ProcessEnv = { ...deps.env, TRIVY_NO_PROGRESS: 'true', TRIVY_CACHE_DIR: deps.cacheDir };
  // Registry credentials for the image, the way the other image actions take them.
  if (deps.env.ML_DEPLOY_REGISTRY_USERNAME && deps.env.ML_DEPLOY_REGISTRY_PASSWORD) {
    env.TRIVY_USERNAME = deps.env.ML_DEPLOY_REGISTRY_USERNAME;
    env.TRIVY_PASSWORD = deps.env.ML_DEPLOY_REGISTRY_PASSWORD;
    deps.secrets.add(deps.env.ML_DEPLOY_REGISTRY_PASSWORD);
  }
  const raw = join(deps.outputDir, 'trivy-report.json');
  const args = ['image', '--scanners', 'vuln', '--format', 'json', '--list-all-pkgs', '--output', raw, '--skip-java-db-update'];
  if (inputs['db-repository']) {
    args.push('--db-repository', inputs['db-repository']);
    report.db = { repository: inputs['db-repository'] };
  }

  // The day's database from the Actions cache, keyed by the version the scanner reports.
  const version = await deps.exec(trivy, ['--version', '--format', 'json'], env).then((r) => (r.code === 0 ? trivyVersion(r.stdout) : undefined));
  report.scannerVersion = version ?? 'unknown';
  let cacheKey: string | undefined;
  if (deps.dbCache) {
    cacheKey = dbCacheKey({ scanner: 'trivy', scannerVersion: report.scannerVersion, dbRepository: inputs['db-repository'], now: clock.now() });
    let hit = false;
    try {
      hit = await deps.dbCache.restore(join(deps.cacheDir, 'db'), cacheKey);
    } catch (err) {
      logger.warning(`could not read the Actions cache (${(err as Error).message}); the scanner downloads the vulnerability database`);
    }
    report.db = { ...report.db, cache: { key: cacheKey, hit } };
    if (hit) {
      logger.info(`vulnerability database restored from the Actions cache (${cacheKey})`);
      // Today's database: no download (Trivy would fetch again once its NextUpdate passed).
      args.push('--skip-db-update');
    } else {
      logger.info(`no vulnerability database in the Actions cache under ${cacheKey}: the scanner downloads it`);
    }
  }
  if (inputs.target.kind === 'layout') args.push('--input', inputs.target.tag ? `${inputs.target.dir}:${inputs.target.tag}` : inputs.target.dir);
  else args.push(inputs.target.ref);

  let result: ScanResult;
  try {
    // The database download is the anchors' weak point (rate limits, outages): retry with backoff.
    await retry(
      async (attempt) => {
        logger.info(`trivy ${args.join(' ')}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        const r = await deps.exec(trivy, args, env);
        if (r.code !== 0) {
          const tail = deps.secrets.redact(r.stderr.trim().split('\n').slice(-6).join('\n'));
          throw new ScanError(`trivy exited with ${r.code}: ${tail}`);
        }
      },
      {
        attempts: 3,
        baseDelayMs: deps.retryBaseMs ?? 5_000,
        maxDelayMs: 60_000,
        clock,
        retryable: (err) => err instanceof ScanError && /download|DB|database|TOOMANYREQUESTS|429|timeout|connection/i.test(err.message),
        onRetry: (err, attempt, delay) => logger.warning(`${(err as Error).message.split('\n')[0]}; retrying in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of 3)`),
      },
    );
    result = fromTrivy(JSON.parse(await deps.readFile(raw)));
  } catch (err) {
    report.error = deps.secrets.redact((err as Error).message);
    await finish();
    throw err;
  }
  deps.setOutput('scanner-report', raw);
  if (deps.dbCache && cacheKey && !report.db?.cache?.hit) {
    try {
      const saved = await deps.dbCache.save(join(deps.cacheDir, 'db'), cacheKey);
      report.db = { ...report.db, cache: { key: cacheKey, hit: false, saved } };
      if (saved) logger.info(`vulnerability database saved to the Actions cache as ${cacheKey}`);
      else logger.warning(`the vulnerability database was not saved to the Actions cache as ${cacheKey} (see the cache's message above)`);
    } catch (err) {
      // Another job of the same day may have saved it first; the scan stands either way.
      logger.warning(`could not save the vulnerability database to the Actions cache: ${(err as Error).message}`);
    }
  }

  // How old the database is, from the metadata Trivy keeps beside it.
  try {
    const meta = JSON.parse(await deps.readFile(join(deps.cacheDir, 'db', 'metadata.json'))) as { UpdatedAt?: string };
    if (meta.UpdatedAt) {
      report.db = { ...report.db, updatedAt: isoTime(meta.UpdatedAt), ageHours: Math.max(0, Math.round(((clock.now() - Date.parse(meta.UpdatedAt)) / 3_600_000) * 10) / 10) };
    }
  } catch {
    logger.warning('could not read the age of the vulnerability database (db/metadata.json in the cache)');
  }

  // SARIF and the SBOM from the same report: no second scan.
  const sarif = join(deps.outputDir, 'scan.sarif');
  const sbom = join(deps.outputDir, inputs['sbom-format'] === 'spdx' ? 'sbom.spdx.json' : 'sbom.cdx.json');
  for (const [format, out, name] of [['sarif', sarif, 'sarif'], [inputs['sbom-format'] === 'spdx' ? 'spdx-json' : 'cyclonedx', sbom, 'sbom']] as const) {
    const r = await deps.exec(trivy, ['convert', '--format', format, '--output', out, raw], env);
    if (r.code !== 0) throw new ScanError(`trivy convert --format ${format} exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    deps.setOutput(name, out);
  }

  return decide(inputs, deps, { report, ignores, finish, clock }, result);
}

interface Scan {
  report: ScanReport;
  ignores: IgnoreEntry[];
  finish: () => Promise<void>;
  clock: Clock;
}

/** The policy on the findings, the report and summary written, and the step failed when it must. */
async function decide(inputs: Inputs, deps: Deps, scan: Scan, result: ScanResult): Promise<ScanReport> {
  const { report, ignores, finish, clock } = scan;
  const { logger } = deps;
  const today = new Date(clock.now()).toISOString().slice(0, 10);
  const outcome = applyPolicy(result.findings, { threshold: inputs.severity, ignoreUnfixed: inputs['ignore-unfixed'], ignores, reportOnly: inputs['report-only'], today });
  Object.assign(report, {
    verdict: outcome.verdict,
    counts: outcome.counts,
    blocking: outcome.blocking,
    ignored: outcome.ignored,
    unfixedSkipped: outcome.unfixedSkipped.length,
    belowThreshold: outcome.belowThreshold.length,
    expiredIgnores: outcome.expiredIgnores,
    packages: result.packages.length,
    // Trivy names them python-pkg; from Grype's SBOM they are pkg:pypi purls (type pypi).
    pythonPackages: result.packages.filter((p) => p.type === 'python-pkg' || p.type === 'pypi').map((p) => `${p.name}==${p.version}`),
  });
  logger.info(`${result.findings.length} finding(s) in ${result.packages.length} package(s); ${outcome.blocking.length} block the release at ${inputs.severity} and above; verdict ${outcome.verdict}${inputs['report-only'] ? ' (report-only)' : ''}`);
  await finish();
  if (outcome.failsStep) {
    const parts = [];
    if (outcome.blocking.length) {
      // Name what blocks (first few), so the log line alone says what to fix.
      const named = outcome.blocking.slice(0, 5).map((f) => `${f.id} in ${f.package} ${f.installed} (${f.fixed.length ? `fixed in ${f.fixed.join(', ')}` : 'no fix published'})`);
      if (outcome.blocking.length > 5) named.push(`${outcome.blocking.length - 5} more`);
      parts.push(`${outcome.blocking.length} vulnerabilit${outcome.blocking.length === 1 ? 'y' : 'ies'} at ${inputs.severity} or above (${SEVERITIES.filter((s) => outcome.counts[s]).map((s) => `${outcome.counts[s]} ${s}`).join(', ')}): ${named.join('; ')}`);
    }
    if (outcome.expiredIgnores.length) parts.push(`expired ignore entr${outcome.expiredIgnores.length === 1 ? 'y' : 'ies'}: ${outcome.expiredIgnores.map((e) => `${e.id} (expired ${e.expires})`).join(', ')}`);
    throw new PolicyFailedError(`${inputs.image} does not pass the policy: ${parts.join('; ')}. See the job summary for the fixed versions to move to`);
  }
  return report;
}


/**
 * Grype: one run writes its JSON report, SARIF and a CycloneDX SBOM. Its database lives in
 * GRYPE_DB_CACHE_DIR (kept in the Actions cache one entry a day like Trivy's); db-repository is
 * the URL of a listing (latest.json) of a mirror, given as GRYPE_DB_UPDATE_URL.
 */
async function scanWithGrype(inputs: Inputs, deps: Deps, scan: Scan & { grype: string }): Promise<ScanReport> {
  const { report, finish, grype, clock } = scan;
  const { logger } = deps;
  const dbDir = join(deps.cacheDir, 'grype-db');
  const env: NodeJS.ProcessEnv = { ...deps.env, GRYPE_CHECK_FOR_APP_UPDATE: 'false', GRYPE_DB_CACHE_DIR: dbDir };
  if (deps.env.ML_DEPLOY_REGISTRY_USERNAME && deps.env.ML_DEPLOY_REGISTRY_PASSWORD && inputs.target.kind === 'registry') {
    env.GRYPE_REGISTRY_AUTH_AUTHORITY = inputs.target.ref.split('/')[0];
    env.GRYPE_REGISTRY_AUTH_USERNAME = deps.env.ML_DEPLOY_REGISTRY_USERNAME;
    env.GRYPE_REGISTRY_AUTH_PASSWORD = deps.env.ML_DEPLOY_REGISTRY_PASSWORD;
    deps.secrets.add(deps.env.ML_DEPLOY_REGISTRY_PASSWORD);
  }
  if (inputs['db-repository']) {
    env.GRYPE_DB_UPDATE_URL = inputs['db-repository'];
    report.db = { repository: inputs['db-repository'] };
  }
  const version = await deps.exec(grype, ['version', '-o', 'json'], env).then((r) => (r.code === 0 ? grypeVersion(r.stdout) : undefined));
  report.scannerVersion = version ?? 'unknown';
  let cacheKey: string | undefined;
  if (deps.dbCache) {
    cacheKey = dbCacheKey({ scanner: 'grype', scannerVersion: report.scannerVersion, dbRepository: inputs['db-repository'], now: clock.now() });
    let hit = false;
    try {
      hit = await deps.dbCache.restore(dbDir, cacheKey);
    } catch (err) {
      logger.warning(`could not read the Actions cache (${(err as Error).message}); the scanner downloads the vulnerability database`);
    }
    report.db = { ...report.db, cache: { key: cacheKey, hit } };
    if (hit) {
      logger.info(`vulnerability database restored from the Actions cache (${cacheKey})`);
      env.GRYPE_DB_AUTO_UPDATE = 'false';
    } else {
      logger.info(`no vulnerability database in the Actions cache under ${cacheKey}: the scanner downloads it`);
    }
  }
  const raw = join(deps.outputDir, 'grype-report.json');
  const sarif = join(deps.outputDir, 'scan.sarif');
  const sbom = join(deps.outputDir, 'sbom.cdx.json');
  const target = inputs.target.kind === 'layout' ? `oci-dir:${inputs.target.dir}` : `registry:${inputs.target.ref}`;
  const args = [target, '-o', `json=${raw}`, '-o', `sarif=${sarif}`, '-o', `cyclonedx-json=${sbom}`];
  let result: ScanResult;
  try {
    await retry(
      async (attempt) => {
        logger.info(`grype ${args.join(' ')}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        const r = await deps.exec(grype, args, env);
        if (r.code !== 0) {
          const tail = deps.secrets.redact(r.stderr.trim().split('\n').slice(-6).join('\n'));
          throw new ScanError(`grype exited with ${r.code}: ${tail}`);
        }
      },
      {
        attempts: 3,
        baseDelayMs: deps.retryBaseMs ?? 5_000,
        maxDelayMs: 60_000,
        clock,
        retryable: (err) => err instanceof ScanError && /download|DB|database|listing|TOOMANYREQUESTS|429|timeout|connection/i.test(err.message),
        onRetry: (err, attempt, delay) => logger.warning(`${(err as Error).message.split('\n')[0]}; retrying in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of 3)`),
      },
    );
    result = fromGrype(JSON.parse(await deps.readFile(raw)));
    // Grype's JSON lists matches only; every package it saw is in the SBOM of the same run.
    const bom = JSON.parse(await deps.readFile(sbom)) as { components?: Array<{ name?: string; version?: string; purl?: string }> };
    result.packages = (bom.components ?? [])
      .filter((c) => c.purl?.startsWith('pkg:'))
      .map((c) => ({ name: c.name ?? '', version: c.version ?? '', type: /^pkg:([^/]+)\//.exec(c.purl!)?.[1] ?? 'unknown' }));
  } catch (err) {
    report.error = deps.secrets.redact((err as Error).message);
    await finish();
    throw err;
  }
  deps.setOutput('scanner-report', raw);
  deps.setOutput('sarif', sarif);
  deps.setOutput('sbom', sbom);
  if (deps.dbCache && cacheKey && !report.db?.cache?.hit) {
    try {
      const saved = await deps.dbCache.save(dbDir, cacheKey);
      report.db = { ...report.db, cache: { key: cacheKey, hit: false, saved } };
      if (saved) logger.info(`vulnerability database saved to the Actions cache as ${cacheKey}`);
      else logger.warning(`the vulnerability database was not saved to the Actions cache as ${cacheKey} (see the cache's message above)`);
    } catch (err) {
      logger.warning(`could not save the vulnerability database to the Actions cache: ${(err as Error).message}`);
    }
  }
  if (result.dbUpdatedAt) {
    report.db = { ...report.db, updatedAt: isoTime(result.dbUpdatedAt), ageHours: Math.max(0, Math.round(((clock.now() - Date.parse(result.dbUpdatedAt)) / 3_600_000) * 10) / 10) };
  } else {
    logger.warning("could not read the age of the vulnerability database (descriptor.db in grype's report)");
  }
  return decide(inputs, deps, scan, result);
}

function writeSummary(r: ScanReport, deps: Deps): void {
  const s = deps.summary;
  s.heading('scan-image');
  if (r.verdict === 'error') s.status('failed', `**Scan failed**: ${r.error ?? 'unknown error'}. No verdict: the release is not cleared.`);
  else if (r.verdict === 'pass') s.status('ok', `**Pass**: nothing at ${r.policy.severity} or above blocks ${r.image}.`);
  else if (r.policy.reportOnly) s.status('warning', `**Would block the release** (report-only: the step passes).`);
  else s.status('failed', `**Blocks the release**: ${r.image}`);
  s.keyValues([
    ['Image', codeSpan(r.image)],
    ['Policy', `fail at ${r.policy.severity} and above${r.policy.ignoreUnfixed ? ', unfixed ignored' : ''}${r.policy.reportOnly ? ', report-only' : ''}${r.policy.ignoreFile ? `, ignore file ${r.policy.ignoreFile}` : ''}`],
    ['OCI layout manifest', r.layout ? codeSpan(r.layout.digest) : undefined],
    ['Scanner', `${r.scannerVersion ? `${r.scanner} ${r.scannerVersion}` : r.scanner}${r.scannerSource ? ` (${scannerFrom(r.scannerSource)})` : ''}`],
    ['Vulnerability DB', r.db?.updatedAt ? `built ${r.db.updatedAt} (${r.db.ageHours} h old)${r.db.repository ? ` from ${r.db.repository}` : ''}` : r.db?.repository],
    ['DB cache', r.db?.cache ? (r.db.cache.hit ? `restored from the Actions cache (${r.db.cache.key})` : `not cached today: downloaded${r.db.cache.saved ? `, saved as ${r.db.cache.key}` : ''}`) : undefined],
    ['Python packages found', r.pythonPackages?.length ? r.pythonPackages.join(', ') : undefined],
  ]);
  if (r.counts) {
    s.table(['Severity', 'Blocking'], SEVERITIES.map((sev) => [sev, r.counts![sev]]));
  }
  if (r.blocking?.length) {
    s.table(
      ['Vulnerability', 'Severity', 'Package', 'Installed', 'Move to'],
      r.blocking.map((f) => [f.id, f.severity, f.package, f.installed, f.fixed.length ? f.fixed.join(', ') : 'no fix published']),
    );
  }
  if (r.ignored?.length) s.table(['Ignored', 'Package', 'Reason', 'Until'], r.ignored.map((i) => [i.finding.id, i.finding.package, i.entry.reason, i.entry.expires]));
  if (r.expiredIgnores?.length) s.table(['Expired ignore entry', 'Reason', 'Expired'], r.expiredIgnores.map((e) => [e.id, e.reason, e.expires]));
  if (r.unfixedSkipped) s.paragraph(`${r.unfixedSkipped} finding(s) at or above the threshold have no fix published and were not counted (ignore-unfixed).`);
}

function scannerFrom(s: ScannerSource): string {
  if (s.from === 'downloaded') return `downloaded from ${s.url}, sha256 ${s.sha256} verified, now in the tool cache`;
  if (s.from === 'tool cache') return `from the tool cache, ${codeSpan(s.path)}`;
  return `on PATH, ${codeSpan(s.path)}`;
}

/** The layout must be one (oci-layout, index.json) and name one manifest: the tag asked for, or its only one. */
async function checkLayout(image: string, t: { dir: string; tag?: string }, deps: Deps): Promise<{ dir: string; tag?: string; digest: string; images: number }> {
  const bad = (what: string) => new ConfigurationError(`input 'image': ${JSON.stringify(image)} ${what}`);
  let index: { manifests?: { digest?: string; annotations?: Record<string, string> }[] };
  try {
    const marker = JSON.parse(await deps.readFile(join(t.dir, 'oci-layout'))) as { imageLayoutVersion?: string };
    if (typeof marker.imageLayoutVersion !== 'string') throw new Error('no imageLayoutVersion');
    index = JSON.parse(await deps.readFile(join(t.dir, 'index.json')));
  } catch (err) {
    throw bad(`is not an OCI image layout (expected ${t.dir}/oci-layout and ${t.dir}/index.json, as buildah push oci:<dir> or skopeo copy write them): ${(err as Error).message.split('\n')[0]}`);
  }
  const manifests = index.manifests ?? [];
  const tags = manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name']).filter((x): x is string => !!x);
  const chosen = t.tag ? manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === t.tag) : manifests.length === 1 ? manifests[0] : undefined;
  if (!chosen?.digest) {
    if (t.tag) throw bad(`has no image tagged ${JSON.stringify(t.tag)}; its tags: ${tags.length ? tags.join(', ') : 'none'}`);
    throw bad(`holds ${manifests.length} images: name one as oci:${t.dir}:<tag> (tags: ${tags.length ? tags.join(', ') : 'none'})`);
  }
  return { dir: t.dir, ...(t.tag ? { tag: t.tag } : {}), digest: chosen.digest, images: manifests.length };
}

/**
 * A scanner's timestamp as one ISO 8601 form (UTC, milliseconds): Go writes RFC 3339 with trailing
 * zeros of the fraction dropped (`.93Z`) and up to nanoseconds, so the same instant would otherwise
 * read differently from run to run. Text that is not a time is kept as given.
 */
function isoTime(s: string): string {
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}
