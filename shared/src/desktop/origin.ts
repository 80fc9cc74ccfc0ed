// WHATWG URL gives "null" as the origin of non-special schemes such as ours,
// while Chromium treats a registered standard scheme as a real origin.
// Compare scheme, host and port ourselves so both kinds work.

/** The origin of a URL (`scheme://host[:port]`), or undefined if it has none. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!parsed.host) return undefined;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isSameOrigin(url: string, origin: string): boolean {
  const actual = originOf(url);
  return actual !== undefined && actual === origin.toLowerCase();
}

export function isOriginAllowed(url: string, allowList: readonly string[]): boolean {
  const actual = originOf(url);
  return actual !== undefined && allowList.some((origin) => origin.toLowerCase() === actual);
}
