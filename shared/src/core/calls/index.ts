export * from './expert-skill';
export * from './call-messages';
export * from './sse';
export * from './expert-presence';
