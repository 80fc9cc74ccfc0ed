export * from './credential';
export * from './device-db';
export * from './device-link';
export * from './outbox';
export * from './replicator';
export * from './start-device';
export * from './open-device-db';
export * from './expert-presence-link';
