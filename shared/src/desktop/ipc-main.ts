// Registers exactly the contract's channels with ipcMain; nothing else is answered.
import { ipcMain } from 'electron';
import type { ShellApp } from './app-identity';
import { ipcChannels, ipcMethods } from './ipc-channels';
import { dispatchIpc, type IpcHandlers } from './ipc-dispatch';

export function registerIpcHandlers(app: ShellApp, handlers: IpcHandlers): void {
  for (const method of ipcMethods) {
    ipcMain.handle(ipcChannels[method], (event, ...args: unknown[]) =>
      dispatchIpc(app, handlers, method, event.senderFrame?.url ?? '', args),
    );
  }
}
