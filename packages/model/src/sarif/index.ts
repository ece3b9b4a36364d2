export * from './sarif';
export * from './rule-help';
