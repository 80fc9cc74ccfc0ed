export * from './device-http';
export * from './request-status';
export * from './sse-feed';
