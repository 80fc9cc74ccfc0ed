// The one window of a touchpoint, hardened per Electron's security checklist.
// The options are written out here, literally, so a reviewer and the
// Electronegativity scan both see every webPreferences flag.
import { BrowserWindow } from 'electron';
import type { WindowMode } from './window-mode';

export function createMainWindow(
  preloadPath: string,
  mode: WindowMode,
  title: string,
): BrowserWindow {
  return new BrowserWindow({
    title,
    show: false,
    kiosk: mode.kiosk,
    fullscreen: mode.kiosk,
    frame: !mode.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    width: 1280,
    height: 800,
    webPreferences: {
      // Reviewed: the preload only exposes the typed bridge of ipc-contract.ts.
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open windows behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
      devTools: mode.devTools,
      backgroundThrottling: false,
    },
  });
}
