export * from './mlmodel';
