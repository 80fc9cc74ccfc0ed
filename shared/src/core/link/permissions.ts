// What each user of the NATS cluster may publish and subscribe to (16-plan §3.2).
// A store publishes only under its own subjects and pulls only its own durables;
// it hears its own inbox and its neighbours' live stock, nothing else.
import { MAX_NEIGHBOURS } from './messages';
import {
  assertStoreId,
  OBJECT_BUCKETS,
  storeDurable,
  storeInboxPrefix,
  storeSubjects,
  STREAMS,
} from './subjects';

export type LinkPermissions = {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
};

const buckets = [OBJECT_BUCKETS.media, OBJECT_BUCKETS.snapshots];
const storeStreams = [STREAMS.hqChain, STREAMS.hqStores];

/** The permissions of store `storeId`, which follows the live stock of `neighbours` (≤ 10). */
export function storePermissions(storeId: string, neighbours: readonly string[]): LinkPermissions {
  assertStoreId(storeId);
  if (neighbours.length > MAX_NEIGHBOURS) {
    throw new RangeError(
      `store ${storeId} has ${neighbours.length} neighbours (at most ${MAX_NEIGHBOURS})`,
    );
  }
  const others = [...new Set(neighbours.map(assertStoreId))];
  if (others.includes(storeId)) throw new Error(`store ${storeId} cannot be its own neighbour`);
  const durable = storeDurable(storeId);
  const publish = [
    storeSubjects(storeId).all,
    '$JS.API.INFO',
    ...buckets.map(({ stream }) => `$JS.API.STREAM.INFO.${stream}`),
    // Its own durables only: pull, read their state, acknowledge.
    ...storeStreams.flatMap((stream) => [
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    ]),
    // The object stores: ordered consumers on the chunks, gets of the metadata (direct, or
    // STREAM.MSG.GET, which @nats-io/obj 3.3 uses and whose subject cannot be limited: nothing
    // lost, every store may read both buckets whole anyway): the bucket's own stream only.
    ...buckets.flatMap(({ bucket, stream }) => [
      `$JS.API.CONSUMER.CREATE.${stream}.*.$O.${bucket}.C.>`,
      `$JS.API.DIRECT.GET.${stream}.$O.${bucket}.M.>`,
      `$JS.API.STREAM.MSG.GET.${stream}`,
    ]),
    // Flow control replies of those ordered consumers.
    '$JS.FC.>',
  ];
  const subscribe = [
    `${storeInboxPrefix(storeId)}.>`,
    ...others.map((neighbour) => storeSubjects(neighbour).stock),
  ];
  return { publish: { allow: publish }, subscribe: { allow: subscribe } };
}

/** HQ's processes may do everything: they create streams, durables and buckets and answer every store. */
export function hqPermissions(): LinkPermissions {
  return { publish: { allow: ['>'] }, subscribe: { allow: ['>'] } };
}
