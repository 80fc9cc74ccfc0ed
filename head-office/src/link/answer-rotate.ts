// Key rotation over the link (16-plan §3.2): `add` (sent under the current key) makes the new key
// live beside it, `confirm` (sent under the new one) retires every other key; each step is
// followed by the users file rendered again and the nodes reloaded (by the nats-config holder,
// whichever process that is). Core NATS does not tell HQ which key sent a request: holding a
// live key of the store is what authorises both steps, as it authorises every other request.
import { LINK_VERSION, type LinkReply, type LinkRequest } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { NatsConfig } from '../stores/nats-config';
import { addStoreKey, keepOnlyStoreKey } from '../stores/store-keys';
import { LinkRequestError } from './request-error';

export async function answerRotate(
  deps: { pool: Pool; natsConfig: NatsConfig | undefined; log: Logger },
  storeId: string,
  rotate: LinkRequest<'rotate'>,
): Promise<LinkReply<'rotate'>> {
  const { pool, natsConfig, log } = deps;
  if (!natsConfig)
    throw new LinkRequestError('this head office does not keep the link’s users: rotate later');
  let liveKeys: number;
  if (rotate.step === 'add') {
    liveKeys = await addStoreKey(pool, storeId, rotate.newPublicKey);
    await natsConfig.changed();
    log.info(
      { store: storeId, key: rotate.newPublicKey, liveKeys },
      'store key rotation: new key added',
    );
  } else {
    const retired = await keepOnlyStoreKey(pool, storeId, rotate.publicKey);
    await natsConfig.changed();
    liveKeys = 1;
    log.info(
      { store: storeId, key: rotate.publicKey, retired },
      'store key rotation: confirmed, old keys retired',
    );
  }
  return { v: LINK_VERSION, type: 'rotate', step: rotate.step, liveKeys };
}
