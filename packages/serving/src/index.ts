/**
 * @ml-deploy/serving: the built-in ONNX model server. `startModelServer` for tests and test beds in
 * one process; `dist/server.js` (`node server.js --model model.onnx`) as a process or in an image.
 */
export * from './metrics';
export * from './model-session';
export * from './predict-request';
export * from './server';
export * from './test-faults';
export * from './cli-options';
