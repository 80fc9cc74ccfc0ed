// The link's object stores (media, snapshots) are created by whichever head-office process needs
// one first. Creating a bucket that exists with the same settings is a no-op, so a creation that
// timed out can simply be asked again.
import type { JetStreamClient } from '@nats-io/jetstream';
import { TimeoutError } from '@nats-io/nats-core';
import { Objm, type ObjectStore, type ObjectStoreOptions } from '@nats-io/obj';

/** Tries of a creation that may time out before the error is the caller's. */
const CREATE_ATTEMPTS = 3;

/** Creates the bucket if it is missing, opens it otherwise, asking again after a timeout. */
export async function createObjectBucket(
  js: JetStreamClient,
  name: string,
  options: Partial<ObjectStoreOptions>,
): Promise<ObjectStore> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A copy: the library deletes fields of the options it is given.
      const bucket = await new Objm(js).create(name, { ...options });
      // The library's creation takes any failed look-up but "not found" as "it exists": a
      // look-up that timed out resolves a bucket that may not be there. Asked here, it says.
      await bucket.status();
      return bucket;
    } catch (error) {
      // A busy cluster can place a replicated stream after the request has timed out (seen in CI
      // at a load of 6 on 2 cores). The stream is then made or being made, and asking again with
      // the same settings answers once it is there.
      if (!(error instanceof TimeoutError) || attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}
