/**
 * @ml-deploy/model: model files without trusting them (issue 5). Format detection from bytes,
 * sha256 integrity computed in the same streaming pass as the scan, and a pickle walker that
 * reports every import a pickle would perform — also inside zip archives — without executing it.
 * `@ml-deploy/model/scan` exports only the scanner (no ONNX runtime).
 */
export * from './scan';

// The ONNX, signature, smoke-inference, quality-gate, MLflow and SARIF modules (written alongside
// the validate-model action) are part of the same package API.
export * from './onnx';
export * from './signature';
export * from './inference';
export * from './quality';
export * from './mlflow';
export * from './sarif';
export * from './metadata-labels';
