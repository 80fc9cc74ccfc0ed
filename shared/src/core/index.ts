export * from './catalogue';
export * from './events';
export * from './gtin';
export * from './parse';
export * from './protocol';
export * from './revision';
export * from './topics';
export * from './device-api';
