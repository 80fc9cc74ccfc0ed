import { describe, expect, it } from 'vitest';
import { iceServersFor, mintTurnCredential } from './turn-credentials';

const turn = {
  urls: ['turn:turn.store.lan:3478'],
  secret: 'a-long-shared-turn-secret',
  ttlSeconds: 3600,
};
const now = 1_700_000_000_000;

describe('TURN credentials minted per caller', () => {
  it('follows the TURN REST scheme coturn checks (value computed with openssl)', () => {
    expect(mintTurnCredential(turn, 'device-kiosk-1', now)).toEqual({
      urls: ['turn:turn.store.lan:3478'],
      username: '1700003600:device-kiosk-1',
      // echo -n "1700003600:device-kiosk-1" | openssl dgst -sha1 -hmac "<secret>" -binary | base64
      credential: 'sLWpK0vW7jY32voZNfr14Sf1TLg=',
    });
  });

  it('keeps the name from shifting the expiry field', () => {
    expect(mintTurnCredential(turn, 'expert:léa', now).username).toBe('1700003600:expert-léa');
  });

  it('adds a fresh credential to the configured servers only when a secret is set', () => {
    const stun = [{ urls: 'stun:stun.store.lan:3478' }];
    expect(iceServersFor({ iceServers: stun }, 'device-1', now)).toEqual(stun);
    const minted = iceServersFor({ iceServers: stun, turn }, 'device-1', now);
    expect(minted).toHaveLength(2);
    expect(minted[1]?.username).toBe('1700003600:device-1');
    expect(iceServersFor({ iceServers: stun, turn }, 'device-1', now + 60_000)[1]?.username).toBe(
      '1700003660:device-1',
    );
  });
});
