export * from './evaluate';
export * from './local-time';
export * from './schedule-types';
export * from './select';
export * from './timeline';
export * from './zoned-time';
