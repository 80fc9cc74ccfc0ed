// IPC channel names, declared once. Kept free of zod so the sandboxed preload
// bundle stays small; the argument schemas live in ipc-contract.ts.

export const ipcChannels = {
  appInfo: 'vitrine:app-info',
  getDeviceCredential: 'vitrine:credential:get',
  setDeviceCredential: 'vitrine:credential:set',
  reportFault: 'vitrine:fault:report',
  exitWithPin: 'vitrine:staff:exit-with-pin',
  capturePage: 'vitrine:screen:capture',
} as const;

export type IpcMethod = keyof typeof ipcChannels;

/** main → renderer: the staff exit chord was pressed; show the PIN pad. */
export const STAFF_EXIT_REQUESTED = 'vitrine:staff:exit-requested';

export const ipcMethods = Object.keys(ipcChannels) as IpcMethod[];

export function isIpcChannel(name: string): boolean {
  return Object.values<string>(ipcChannels).includes(name);
}
