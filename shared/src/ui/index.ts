// Everything the touchpoints share, by zone; a page that needs one zone
// imports its entry point (@vitrine/shared/ui/<zone>) instead.
export * from './DeviceGate';
export * from './PairingScreen';
export * from './SyncStatus';
export * from './StaffExitPad';
export * from './use-device';
export * from './device-environment';
export * from './device-api';
export * from './use-modal-focus';
export * from './i18n';
export * from './product';
export * from './search';
export * from './session';
export * from './scan';
export * from './call';
export * from './staff';
export * from './screen';
