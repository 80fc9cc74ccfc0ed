// Keeps image downloads off the store's own network (SSRF): a feed's URL, or a
// redirect, must not make the store server call itself, a router, a cloud
// metadata service or a device on the LAN. The address is checked where the
// socket connects (the `lookup` hook), so a name cannot resolve to a public
// address for the check and to a private one for the connection. Hosts the
// operator lists in --image-hosts (host, or host:port) are let through.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** Loopback, link-local, private and other non-public addresses (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why an image URL was not fetched: its host is not one the store may call. */
export class RefusedAddress extends Error {}

type HostEntry = { host: string; port?: string };

/** "images.lan", "10.0.0.5:8080", "fd00::5": a host (any port) or a host and one port. */
function hostEntry(text: string): HostEntry {
  const match = /^([^:]+):(\d{1,5})$/.exec(text);
  return match ? { host: match[1]!.toLowerCase(), port: match[2]! } : { host: text.toLowerCase() };
}

export class AddressGuard {
  private readonly allowed: HostEntry[];

  constructor(imageHosts: readonly string[] = []) {
    this.allowed = imageHosts.map(hostEntry);
  }

  private listed(url: URL): boolean {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.allowed.some((entry) => entry.host === host && (entry.port ?? port) === port);
  }

  /**
   * The `lookup` to connect to `url` with; throws RefusedAddress at once for
   * an IP literal that is not allowed (Node does not call lookup for those).
   */
  lookupFor(url: URL): LookupFunction | undefined {
    if (this.listed(url)) return undefined;
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(literal) !== 0) {
      if (isPrivateAddress(literal)) throw refusal(url, literal);
      return undefined;
    }
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const inside = addresses.find((entry) => isPrivateAddress(entry.address));
        if (inside) return callback(refusal(url, inside.address), '', 0);
        if (options.all) return callback(null, addresses);
        const first = addresses[0];
        if (!first) return callback(new RefusedAddress(`${hostname} has no address`), '', 0);
        callback(null, first.address, first.family);
      });
    };
  }
}

function refusal(url: URL, address: string): RefusedAddress {
  return new RefusedAddress(
    `${url.host} is a private, loopback or link-local address (${address}); ` +
      'list it in --image-hosts to fetch images from it',
  );
}
