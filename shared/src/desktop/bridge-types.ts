// Types a renderer may import to call `window.vitrine` (types only, no Electron).
export type { AppInfo, DeviceCredential, RendererFault, VitrineBridge } from './ipc-contract';
