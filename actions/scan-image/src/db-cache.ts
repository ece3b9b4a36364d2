/**
 * The vulnerability database kept between workflow runs in the Actions cache: one entry a day per
 * scanner version and database source, so a day's runs download it once (the anchors' weak point:
 * rate limits and outages of the database registry). Not found, or no cache service: the scanner
 * downloads it as usual, and the download is saved for the day's next runs.
 */
import { createHash } from 'node:crypto';

export interface DbCache {
  /** Restores `dir` saved under exactly `key`; true on a hit. */
  restore(dir: string, key: string): Promise<boolean>;
  /** Saves `dir` under `key`; false when the cache took nothing (another job saved it first...). */
  save(dir: string, key: string): Promise<boolean>;
}

/**
 * `ml-deploy-trivy-db-<scanner version>-<source>-<YYYY-MM-DD>`: a new scanner version may need
 * another database schema, another source is another database, and the date (UTC) makes the
 * first run of each day download a fresh one.
 */
export function dbCacheKey(o: { scanner: string; scannerVersion: string; dbRepository?: string; now: number }): string {
  const source = o.dbRepository ? createHash('sha256').update(o.dbRepository).digest('hex').slice(0, 12) : 'default';
  const day = new Date(o.now).toISOString().slice(0, 10);
  return `ml-deploy-${o.scanner}-db-${o.scannerVersion.replace(/[^0-9A-Za-z.]/g, '_')}-${source}-${day}`;
}

/** The version in `trivy --version --format json` (`{"Version":"0.74.0",...}`); undefined if absent. */
export function trivyVersion(stdout: string): string | undefined {
  try {
    const v = (JSON.parse(stdout) as { Version?: unknown }).Version;
    return typeof v === 'string' && v !== '' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The version in `grype version -o json` (`{"application":"grype","version":"0.121.3",...}`); undefined if absent. */
export function grypeVersion(stdout: string): string | undefined {
  try {
    const v = (JSON.parse(stdout) as { version?: unknown }).version;
    return typeof v === 'string' && v !== '' && v !== '[not provided]' ? v : undefined;
  } catch {
    return undefined;
  }
}
