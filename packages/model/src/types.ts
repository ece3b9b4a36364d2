/** Model container formats recognised from their bytes (never from the file name alone). */
export type ModelFormat =
  | 'onnx'
  | 'safetensors'
  | 'pickle'
  | 'joblib'
  | 'pytorch-zip'
  | 'pytorch-legacy'
  | 'keras-v3'
  | 'hdf5'
  | 'gguf'
  | 'tf-savedmodel'
  | 'mlflow'
  | 'xgboost-json'
  | 'xgboost-ubj'
  | 'lightgbm-text'
  | 'zip'
  | 'tar'
  | 'numpy'
  /** A Git LFS pointer file: the checkout did not fetch the model. */
  | 'git-lfs-pointer'
  /** A directory whose model files have several formats (listed in `ScanReport.formats`). */
  | 'mixed'
  | 'unknown';

/**
 * How bad a finding is. `dangerous`: the file would run code or touch the system when loaded.
 * `unknown-import`: it imports something not on the allow-list. `malformed`: it could not be
 * parsed, so it cannot be vouched for. `warning`/`info`: worth a look, not a verdict.
 */
export type Severity = 'dangerous' | 'unknown-import' | 'malformed' | 'warning' | 'info';

/**
 * The severities validate-model fails on by default: allow-list first, so the gate's safety does
 * not rest on the deny-list being complete (an import on neither list fails too).
 */
export const DEFAULT_FAIL_ON: readonly Severity[] = ['dangerous', 'unknown-import'];

/** One thing the scanner noticed. */
export interface Finding {
  severity: Severity;
  /** Stable id, e.g. `pickle.dangerous-import`. */
  rule: string;
  message: string;
  /** Relative to the scanned root. */
  file: string;
  /** Where inside the file, e.g. `archive/data.pkl @ byte 1234`. */
  location?: string;
  /** `module.qualname` when the finding is about an import. */
  import?: string;
}

/**
 * One import a pickle would perform, with its classification: `safe` (built-in allow-list),
 * `allowed` (the user's allow-globals), `unknown` (on no list), `dangerous` (deny-list or an
 * evasion; `accepted` holds the reason when allow-dangerous-globals names it).
 */
export interface ImportRecord {
  name: string;
  classification: 'safe' | 'allowed' | 'unknown' | 'dangerous';
  location?: string;
  accepted?: string;
}

/** Everything learnt about one file. */
export interface FileReport {
  file: string;
  size: number;
  sha256: string;
  format: ModelFormat;
  imports: ImportRecord[];
  findings: Finding[];
}

/** The result of scanning a model file or directory. */
export interface ScanReport {
  root: string;
  kind: 'file' | 'directory';
  /** The whole model's format: a directory is `mlflow` / `tf-savedmodel` by its marker file, else the one format of its files, else `mixed`. */
  format: ModelFormat;
  /** Directories: every format found among its files (sorted, `unknown` left out). */
  formats?: ModelFormat[];
  /** File: its sha256. Directory: sha256 over sorted `"sha256  relpath\n"` lines. */
  sha256: string;
  size: number;
  files: FileReport[];
  findings: Finding[];
  bytesScanned: number;
  /** Bytes inflated from compressed members over the whole scan (bounded by `maxDecompressedBytes` plus one chunk). */
  bytesDecompressed: number;
}

/** Knobs for {@link scanModel}. */
export interface ScanOptions {
  /** Extra globals to allow: `module.name` or `module.*`. They never clear a dangerous global. */
  allow?: string[];
  /** Dangerous globals a team accepts, each named exactly with the reason (stay `dangerous`, marked accepted). */
  allowDangerous?: Array<{ name: string; reason: string }>;
  /** Bound on bytes inflated from zip members over the whole scan (zip-bomb guard). */
  maxDecompressedBytes?: number;
  /** Bound on files visited in a directory. */
  maxFiles?: number;
  signal?: AbortSignal;
}
