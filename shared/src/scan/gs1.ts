// GTINs carried inside GS1 structures: Digital Link URIs printed as QR codes
// (https://id.example.com/01/09506000134352?…) and element strings read from
// GS1 DataMatrix / GS1-128 (“]d2” or FNC1, then AI 01 + 14 digits).

const GROUP_SEPARATOR = '\u001d';

/** The GTIN of a GS1 Digital Link URI, or undefined when it is not one. */
export function gtinFromDigitalLink(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  // The primary key may follow a path prefix: /anything/01/<gtin>/10/<lot>…
  const match = /(?:^|\/)(?:01|gtin)\/(\d{8}|\d{12,14})(?:\/|$)/.exec(url.pathname);
  return match?.[1];
}

/** The GTIN of an element string starting with AI (01), or undefined. */
export function gtinFromElementString(text: string): string | undefined {
  let body = text;
  for (const prefix of [']d2', ']C1', ']Q3', ']e0', GROUP_SEPARATOR]) {
    if (body.startsWith(prefix)) body = body.slice(prefix.length);
  }
  if (body === text && !text.startsWith('(01)')) {
    // Plain digits up to 14 are a bare GTIN, handled by the caller. Longer
    // ones starting "01" are a GS1-128 read without its FNC1 (zxing-js drops
    // it): AI 01 and the GTIN-14, alone (16 digits) or followed by more AIs.
    if (!/^01\d{14}/.test(text)) return undefined;
  }
  const match = /^(?:\(01\)|01)(\d{14})/.exec(body);
  return match?.[1];
}
