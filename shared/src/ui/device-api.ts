// A touchpoint's typed client of its store server's API (the route table,
// shared/src/core/http), calling with its own device credential where its
// environment says the server is.
import { apiClient, apiRoutes, deviceBearer, type ApiClient, type ApiRoutes } from '../core';
import { dexieCredentialStore, type DeviceHandle } from '../client';
import { deviceEnvironment, type DeviceEnvironment } from './device-environment';

export type DeviceApi = {
  api: ApiClient<ApiRoutes>;
  baseUrl: string;
  /** The Authorization header value, for what the client does not call itself (event streams). */
  authorization: string;
};

/** `environment` defaults to the page's (its origin, or the Electron shell's bridge). */
export async function deviceApi(
  device: DeviceHandle,
  given?: DeviceEnvironment,
): Promise<DeviceApi> {
  const environment = given ?? (await deviceEnvironment());
  const credential = await (environment.credentialStore ?? dexieCredentialStore(device.db)).load();
  if (!credential) throw new Error('this device has no credential yet');
  const authorization = deviceBearer(credential);
  return {
    api: apiClient(apiRoutes, { baseUrl: environment.baseUrl, authorization: () => authorization }),
    baseUrl: environment.baseUrl,
    authorization,
  };
}
