export * from './clients';
export * from './cloud-run-api';
export * from './errors';
export * from './names';
export * from './traffic';
export * from './proto-json';
