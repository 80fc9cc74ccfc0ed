export * from './assistant-client';
