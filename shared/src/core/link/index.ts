// The head office ↔ store link (NATS JetStream): subjects, messages, permissions, revision rules.
export * from './subjects';
export * from './messages';
export * from './requests';
export * from './wire';
export * from './permissions';
export * from './revisions';
export * from './snapshot';
