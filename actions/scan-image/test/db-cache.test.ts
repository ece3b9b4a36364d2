import { expect, it } from '@jest/globals';
import { dbCacheKey, grypeVersion, trivyVersion } from '../src/db-cache';

const day = Date.parse('2026-12-04T23:59:00Z');

it('the key holds the scanner, its version, the database source and the UTC day', () => {
  const key = dbCacheKey({ scanner: 'trivy', scannerVersion: '0.74.0', now: day });
  expect(key).toBe('ml-deploy-trivy-db-0.74.0-default-2026-12-04');
  // Next day, other version, other source: other entries.
  expect(dbCacheKey({ scanner: 'trivy', scannerVersion: '0.74.0', now: day + 60_000 })).toBe('ml-deploy-trivy-db-0.74.0-default-2026-12-05');
  expect(dbCacheKey({ scanner: 'trivy', scannerVersion: '0.75.0', now: day })).not.toBe(key);
  const mirror = dbCacheKey({ scanner: 'trivy', scannerVersion: '0.74.0', dbRepository: 'reg.example/mirror/trivy-db:2', now: day });
  expect(mirror).toMatch(/^ml-deploy-trivy-db-0\.74\.0-[0-9a-f]{12}-2026-12-04$/);
  expect(dbCacheKey({ scanner: 'trivy', scannerVersion: '0.74.0', dbRepository: 'reg.example/other/trivy-db:2', now: day })).not.toBe(mirror);
});

it('reads the version trivy reports, nothing from anything else', () => {
  expect(trivyVersion('{"Version":"0.74.0","VulnerabilityDB":{"Version":2}}')).toBe('0.74.0');
  expect(trivyVersion('Version: 0.74.0')).toBeUndefined();
  expect(trivyVersion('{"Version":""}')).toBeUndefined();
});

it('reads the version grype reports; a build without one stamped is no version', () => {
  expect(grypeVersion('{"application":"grype","version":"0.121.3","buildDate":"[not provided]"}')).toBe('0.121.3');
  expect(grypeVersion('{"application":"grype","version":"[not provided]"}')).toBeUndefined();
  expect(grypeVersion('{"Version":"0.74.0"}')).toBeUndefined();
  expect(dbCacheKey({ scanner: 'grype', scannerVersion: '0.121.3', now: day })).toBe('ml-deploy-grype-db-0.121.3-default-2026-12-04');
});
