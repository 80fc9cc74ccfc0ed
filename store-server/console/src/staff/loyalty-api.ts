// The loyalty calls of the staff console. A redemption keeps one idempotency
// key for all its retries, so a network cut between the server's commit and
// its answer never spends a perk twice.
import { v7 as uuidv7 } from 'uuid';
import {
  retry,
  type BackoffPolicy,
  type BasketEntry,
  type RedeemRequest,
} from '@vitrine/shared/core';
import { ApiCallError, client } from '../common/api';

export const findMember = (cardCode: string) =>
  client.loyalty.member({ params: { cardCode: cardCode.trim() } });

/** Members by name (a forgotten card): any word order, with or without accents. */
export const searchMembers = (name: string) =>
  client.loyalty.searchMembers({ query: { q: name.trim() } }).then((answer) => answer.members);

export const optimise = (cardCode: string, basket: BasketEntry[]) =>
  client.loyalty.optimise({ body: { cardCode: cardCode.trim(), basket } });

export const newIdempotencyKey = () => uuidv7();

/** A till waits at most a couple of seconds between tries: a shopper is standing there. */
const REDEEM_RETRY: BackoffPolicy = { firstMs: 500, maxMs: 2_000, floorMs: 250 };

/** Redeems, retrying with the same request (and key) while the network, not the server, fails. */
export const redeemPerks = (request: RedeemRequest, attempts = 3) =>
  retry(() => client.loyalty.redeem({ body: request }), {
    policy: REDEEM_RETRY,
    attempts,
    // A refusal (or an answer of the wrong shape) is the server's last word.
    retryIf: (error) => !(error instanceof ApiCallError),
  });
