export * from './findings';
export * from './ignore-file';
export * from './policy';
