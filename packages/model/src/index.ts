/**
 * @ml-deploy/model: model files without trusting them. Work in progress (issue 5): the API below
 * is stable, the implementation lands in following commits.
 */
export type { ModelFormat, Severity, Finding, FileReport, ImportRecord, ScanReport, ScanOptions } from './types';
import type { ModelFormat, ScanOptions, ScanReport } from './types';

/** Scan a model file or directory. Stub until the scanner lands. */
export async function scanModel(path: string, _opts?: ScanOptions): Promise<ScanReport> {
  throw new Error(`scanModel is not implemented yet (asked to scan ${path})`);
}

/** Detect a format from the first bytes of a file. Stub until the detector lands. */
export function detectFormat(_head: Uint8Array, _name?: string): ModelFormat {
  return 'unknown';
}
