// Sends the composed photo to the store server with the mirror's own
// credential; the typed client parses the share link it answers.
import type { DeviceHandle } from '@vitrine/shared/client';
import type { SharedLookCreated } from '@vitrine/shared/core';
import { deviceApi } from '@vitrine/shared/ui';

export async function uploadLook(
  device: DeviceHandle,
  photo: Blob,
  productIds: readonly string[],
  lang: 'fr' | 'en',
): Promise<SharedLookCreated> {
  const { api } = await deviceApi(device);
  return api.looks.share(
    { query: { products: productIds.join(','), lang }, body: photo, contentType: photo.type },
    { cache: 'no-store' },
  );
}
