// Runs one IPC call from a renderer: the sender must be the app's own page,
// the channel must be in the contract, the arguments must parse; whatever the
// handler does, the renderer gets a Result and main never throws back.
import type { Result } from '../core/parse';
import { appOrigin, type ShellApp } from './app-identity';
import type { IpcMethod } from './ipc-channels';
import { parseIpcArgs, type IpcArgs, type IpcResults } from './ipc-contract';
import { isSameOrigin } from './origin';

export type IpcHandlers = {
  [M in IpcMethod]: (...args: IpcArgs<M>) => Result<IpcResults[M]> | Promise<Result<IpcResults[M]>>;
};

export async function dispatchIpc<M extends IpcMethod>(
  app: ShellApp,
  handlers: IpcHandlers,
  method: M,
  senderUrl: string,
  args: unknown,
): Promise<Result<IpcResults[M]>> {
  if (!isSameOrigin(senderUrl, appOrigin(app))) {
    return { ok: false, error: `${method}: refused, the caller is not the ${app} app` };
  }
  const parsed = parseIpcArgs(method, args);
  if (!parsed.ok) return parsed;
  const handler = handlers[method] as (
    ...a: IpcArgs<M>
  ) => Result<IpcResults[M]> | Promise<Result<IpcResults[M]>>;
  try {
    return await handler(...parsed.value);
  } catch (error) {
    return { ok: false, error: `${method}: ${error instanceof Error ? error.message : 'failed'}` };
  }
}
