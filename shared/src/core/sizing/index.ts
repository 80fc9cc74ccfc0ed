export * from './size-chart';
export * from './advise';
