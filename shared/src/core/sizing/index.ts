export * from './size-chart';
export * from './advise';
export * from './stations';
