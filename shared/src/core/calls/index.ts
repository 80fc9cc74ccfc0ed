export * from './call-messages';
export * from './sse';
