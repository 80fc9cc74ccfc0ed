// Sends the composed photo to the store server with the mirror's own
// credential, and parses the share link it answers.
import { dexieCredentialStore, type DeviceHandle } from '@vitrine/shared/client';
import {
  API_PREFIX,
  deviceBearer,
  parseUnknown,
  SharedLookCreated,
  type SharedLookCreated as Created,
} from '@vitrine/shared/core';
import { deviceEnvironment } from '@vitrine/shared/ui';

export async function uploadLook(
  device: DeviceHandle,
  photo: Blob,
  productIds: readonly string[],
  lang: 'fr' | 'en',
): Promise<Created> {
  const environment = await deviceEnvironment();
  const credential = await (environment.credentialStore ?? dexieCredentialStore(device.db)).load();
  if (!credential) throw new Error('this mirror has no credential');
  const query = new URLSearchParams({ products: productIds.join(','), lang });
  const response = await fetch(`${environment.baseUrl}${API_PREFIX}/looks/share?${query}`, {
    method: 'POST',
    headers: { authorization: deviceBearer(credential), 'content-type': photo.type },
    body: photo,
    cache: 'no-store',
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`upload refused (${response.status})`);
  const parsed = parseUnknown(SharedLookCreated, body);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
