// The names and addresses the store's server certificate covers: the ones IT
// configured (by default this machine's name and LAN addresses), plus loopback.
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** This machine's host name and its non-loopback addresses, as screens on the LAN reach it. */
function machineHosts(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal)
    .map((entry) => entry?.address ?? '')
    // Link-local addresses need a zone id that no URL a screen uses carries.
    .filter((address) => !address.toLowerCase().startsWith('fe80:'));
  return [hostname(), ...addresses].filter(Boolean);
}

export function certificateHosts(configured: readonly string[] | undefined): string[] {
  return [
    ...new Set([...(configured ?? machineHosts()), ...LOOPBACK].map((host) => host.toLowerCase())),
  ];
}
