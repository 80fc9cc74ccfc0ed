// A touchpoint's HTTP access to its store server with its own credential: the
// typed client of the route table, and a live Server-Sent Events feed read
// through fetch (so the bearer header goes with it) that reconnects by itself
// after a network cut.
import {
  apiClient,
  apiRoutes,
  deviceBearer,
  routeUrl,
  type ApiClient,
  type ApiRoutes,
  type CallInput,
  type RouteDef,
  type SseMessage,
} from '../../core';
import { dexieCredentialStore, type DeviceHandle } from '../../client';
import { deviceEnvironment, type DeviceEnvironment } from '../device-environment';
import { openSseFeed } from './sse-feed';

export type DeviceHttp = {
  baseUrl: string;
  /** The store server's API as this device (shared/src/core/http). */
  api: ApiClient<ApiRoutes>;
  /** A route's event stream, reconnecting after a cut. */
  feed: <R extends RouteDef>(
    definition: R,
    input: CallInput<R>,
    onMessage: (message: SseMessage) => void,
  ) => () => void;
  /** For routes not yet in the route table. */
  fetchJson: (path: string, init?: { method?: string; body?: unknown }) => Promise<DeviceAnswer>;
  stream: (path: string, onMessage: (message: SseMessage) => void) => () => void;
};

export type DeviceAnswer = { ok: boolean; status: number; body: unknown };

/** `environment` defaults to the page's (its origin, or the Electron shell's bridge). */
export async function deviceHttp(
  device: DeviceHandle,
  given?: DeviceEnvironment,
): Promise<DeviceHttp> {
  const environment = given ?? (await deviceEnvironment());
  const store = environment.credentialStore ?? dexieCredentialStore(device.db);
  const credential = await store.load();
  if (!credential) throw new Error('this device has no credential yet');
  const authorization = deviceBearer(credential);
  const base = `${environment.baseUrl}/api/v1`;

  const fetchJson: DeviceHttp['fetchJson'] = async (path, init = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body: unknown = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body };
  };

  const stream: DeviceHttp['stream'] = (path, onMessage) =>
    openSseFeed(`${base}${path}`, { authorization }, onMessage);
  const api = apiClient(apiRoutes, {
    baseUrl: environment.baseUrl,
    authorization: () => authorization,
  });
  const feed: DeviceHttp['feed'] = (definition, input, onMessage) =>
    openSseFeed(routeUrl(environment.baseUrl, definition, input), { authorization }, onMessage);
  return { baseUrl: environment.baseUrl, api, feed, fetchJson, stream };
}
