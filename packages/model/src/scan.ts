/**
 * `@ml-deploy/model/scan`: only the scanner (format detection, integrity, unsafe-pickle scanning),
 * without the ONNX runtime and the other modules the main entry re-exports. A CLI that only scans
 * starts in ~50 ms instead of loading onnxruntime's native binding.
 */
export type { ModelFormat, Severity, Finding, FileReport, ImportRecord, ScanReport, ScanOptions } from './types';
export { DEFAULT_FAIL_ON } from './types';
export { scanModel, DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_FILES, ALWAYS_FAILING_RULES, ALWAYS_FAILING_SEVERITIES, failsGate } from './scan-model';
export { detectFormat, DETECT_HEAD_BYTES } from './detect-format';
export { ImportPolicy, type DangerousAcceptance, type ImportClassification, type ImportVerdict } from './pickle/import-policy';
