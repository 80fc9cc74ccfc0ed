// Time-limited TURN credentials, minted per request with the secret the store's
// TURN server shares (coturn's `use-auth-secret`, the "TURN REST API" scheme):
// username `<expiry unix seconds>:<who>`, password base64(HMAC-SHA1(secret,
// username)). The TURN server checks both without asking us, and a leaked
// credential stops working at its expiry instead of living until rotation.
import { createHmac } from 'node:crypto';
import type { IceServer } from '@vitrine/shared/core';

export type TurnSecretConfig = {
  /** turn: / turns: URLs of the store's TURN server. */
  urls: string[];
  /** The `static-auth-secret` shared with the TURN server. */
  secret: string;
  /** How long a minted credential works. */
  ttlSeconds: number;
};

export function mintTurnCredential(
  turn: TurnSecretConfig,
  who: string,
  nowMs: number = Date.now(),
): IceServer {
  const expiry = Math.floor(nowMs / 1000) + turn.ttlSeconds;
  // A colon would shift coturn's split of "expiry:name".
  const username = `${expiry}:${who.replace(/:/g, '-')}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: turn.urls, username, credential };
}

/** The configured STUN/TURN servers, and the TURN secret to mint credentials with. */
export type IceSettings = { iceServers: IceServer[]; turn?: TurnSecretConfig | undefined };

/** What a caller is handed: the configured servers, plus a fresh TURN credential when a secret is set. */
export function iceServersFor(options: IceSettings, who: string, nowMs?: number): IceServer[] {
  if (!options.turn) return options.iceServers;
  return [...options.iceServers, mintTurnCredential(options.turn, who, nowMs)];
}
