export * from './npy';
export * from './ort-runtime';
export * from './smoke-test';
