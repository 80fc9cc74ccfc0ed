// A touchpoint's HTTP access to its store server with its own credential: the
// typed client of the route table (../device-api.ts), and a route's live
// Server-Sent Events feed read through fetch (so the bearer header goes with
// it) that reconnects by itself after a network cut.
import { routeUrl, type CallInput, type RouteDef, type SseMessage } from '../../core';
import type { DeviceHandle } from '../../client';
import { deviceApi, type DeviceApi } from '../device-api';
import type { DeviceEnvironment } from '../device-environment';
import { openSseFeed } from './sse-feed';

export type DeviceHttp = DeviceApi & {
  /** A route's event stream, reconnecting after a cut. */
  feed: <R extends RouteDef>(
    definition: R,
    input: CallInput<R>,
    onMessage: (message: SseMessage) => void,
  ) => () => void;
};

/** `environment` defaults to the page's (its origin, or the Electron shell's bridge). */
export async function deviceHttp(
  device: DeviceHandle,
  given?: DeviceEnvironment,
): Promise<DeviceHttp> {
  const access = await deviceApi(device, given);
  const feed: DeviceHttp['feed'] = (definition, input, onMessage) =>
    openSseFeed(
      routeUrl(access.baseUrl, definition, input),
      { authorization: access.authorization },
      onMessage,
    );
  return { ...access, feed };
}
