export * from './CameraPanel';
export * from './ScanNotice';
export * from './ScannerDiagnostic';
export * from './use-wedge-scans';
export * from './CodeForm';
export * from './use-code-scanning';
