export * from './device-http';
export * from './request-status';
