export * from './DeviceGate';
export * from './SyncStatus';
export * from './use-device';
export * from './ProductLookup';
export * from './call';
