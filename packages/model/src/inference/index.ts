export * from './npy';
export * from './ort-runtime';
export * from './ort-fetch';
export * from './smoke-test';
