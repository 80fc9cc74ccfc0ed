// The one typed contract between the preload bridge and main. Every argument
// that crosses is parsed here from unknown; every answer is a Result, never a
// thrown error, so the renderer always learns why something was refused.
import { z } from 'zod';
import { parseUnknown, type Result } from '../core/parse';
import { TrustAnchor } from '../core/campaign/signed-campaign';
import { DeviceCredential as CoreDeviceCredential } from '../core/device-api';
import { ShellApp } from './app-identity';
import type { IpcMethod } from './ipc-channels';

/** The credential the store server hands out at enrolment, refused with extra keys. */
export const DeviceCredential = CoreDeviceCredential.strict();
export type DeviceCredential = z.infer<typeof DeviceCredential>;

export const RendererFault = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a short kebab-case word'),
  message: z.string().min(1).max(2_000),
  detail: z.string().max(8_000).optional(),
});
export type RendererFault = z.infer<typeof RendererFault>;

export const AppInfo = z.object({
  app: ShellApp,
  version: z.string(),
  packaged: z.boolean(),
  storeServerUrl: z.string(),
  headOfficeKey: TrustAnchor.optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ipcArgs = {
  appInfo: z.tuple([]),
  getDeviceCredential: z.tuple([]),
  setDeviceCredential: z.tuple([DeviceCredential]),
  reportFault: z.tuple([RendererFault]),
  exitWithPin: z.tuple([z.string().max(32)]),
  capturePage: z.tuple([]),
} satisfies Record<IpcMethod, z.ZodType>;

/** What each call answers on success. */
export type IpcResults = {
  appInfo: AppInfo;
  getDeviceCredential: DeviceCredential | null;
  setDeviceCredential: null;
  reportFault: null;
  exitWithPin: { exiting: true };
  /** A PNG of what the window shows (signage only: the fleet's screenshot). */
  capturePage: Uint8Array;
};

export type IpcArgs<M extends IpcMethod> = z.infer<(typeof ipcArgs)[M]>;

/** The bridge the preload exposes as `window.vitrine`, derived from the contract. */
export type VitrineBridge = {
  [M in IpcMethod]: (...args: IpcArgs<M>) => Promise<Result<IpcResults[M]>>;
} & {
  /** Calls `listener` when staff ask to leave (corner taps or key chord); returns an unsubscribe. */
  onStaffExitRequested: (listener: () => void) => () => void;
};

export function parseIpcArgs<M extends IpcMethod>(method: M, args: unknown): Result<IpcArgs<M>> {
  const parsed = parseUnknown(ipcArgs[method], args);
  if (parsed.ok) return { ok: true, value: parsed.value as IpcArgs<M> };
  return { ok: false, error: `${method}: ${parsed.error}` };
}
