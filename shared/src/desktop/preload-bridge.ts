// The typed bridge the sandboxed preload exposes as `window.vitrine`. It only
// forwards calls on the contract's channels; main parses and checks them.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, STAFF_EXIT_REQUESTED } from './ipc-channels';
import type { VitrineBridge } from './ipc-contract';
import { CornerTapDetector } from './staff-gesture';

const staffExitListeners = new Set<() => void>();

function requestStaffExit(): void {
  for (const listener of staffExitListeners) listener();
}

const bridge = {
  appInfo: () => ipcRenderer.invoke(ipcChannels.appInfo),
  getDeviceCredential: () => ipcRenderer.invoke(ipcChannels.getDeviceCredential),
  setDeviceCredential: (credential) =>
    ipcRenderer.invoke(ipcChannels.setDeviceCredential, credential),
  reportFault: (fault) => ipcRenderer.invoke(ipcChannels.reportFault, fault),
  exitWithPin: (pin) => ipcRenderer.invoke(ipcChannels.exitWithPin, pin),
  capturePage: () => ipcRenderer.invoke(ipcChannels.capturePage),
  onStaffExitRequested: (listener) => {
    staffExitListeners.add(listener);
    return () => {
      staffExitListeners.delete(listener);
    };
  },
} satisfies VitrineBridge;

export function exposeVitrineBridge(): void {
  contextBridge.exposeInMainWorld('vitrine', bridge);
  ipcRenderer.on(STAFF_EXIT_REQUESTED, requestStaffExit);
  // Touch screens have no keyboard: the corner taps are watched here, in the
  // isolated world, so the page cannot fake or hide them.
  const corner = new CornerTapDetector();
  window.addEventListener(
    'pointerdown',
    (event) => {
      if (corner.tap(event.clientX, event.clientY, event.timeStamp)) requestStaffExit();
    },
    { capture: true, passive: true },
  );
}
