export * from './diagnostics';
export * from './PinPad';
export * from './StaffOverlay';
export * from './SyncDiagnostic';
export * from './use-staff-unlock';
