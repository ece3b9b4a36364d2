export * from './arn';
export * from './clients';
export * from './errors';
