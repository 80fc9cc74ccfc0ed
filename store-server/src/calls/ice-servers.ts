// STUN/TURN servers handed to both ends of a call. On one store LAN host
// candidates suffice (the default: none); across VLANs or to remote experts
// set VITRINE_ICE_SERVERS, e.g. a coturn (docs/operations.md).
import { IceServers, parseJson, type IceServer } from '@vitrine/shared/core';

export function iceServersFromEnv(env: Record<string, string | undefined>): IceServer[] {
  const text = env.VITRINE_ICE_SERVERS;
  if (!text) return [];
  const parsed = parseJson(IceServers, text);
  if (!parsed.ok) throw new Error(`VITRINE_ICE_SERVERS: ${parsed.error}`);
  return parsed.value;
}
