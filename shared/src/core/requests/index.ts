export * from './request-status';
