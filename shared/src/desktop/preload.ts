// Entry for an app's preload script (bundled, sandboxed).
export { exposeVitrineBridge } from './preload-bridge';
export type { VitrineBridge } from './ipc-contract';
