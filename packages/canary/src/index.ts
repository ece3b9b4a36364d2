export * from './analysis';
export * from './error-rate-test';
export * from './rank-shift-test';
export * from './stats';
export * from './interfaces';
export * from './providers/prometheus';
export * from './shifters/alb';
export * from './providers/cloudwatch';
