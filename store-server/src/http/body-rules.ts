// Every API route that changes something, who may send it a body and how big
// that body may be. The body gate reads nothing before the caller is known and
// nothing beyond the limit; body-rules.test.ts fails when a route is missing.
import { MAX_LOOK_UPLOAD_BYTES, MAX_MEDIA_BYTES } from '@vitrine/shared/core';
import { API_PREFIX } from '@vitrine/shared/core';

/** Who must have signed in before a byte of the body is read. */
export type BodyCaller = 'public' | 'device' | 'staff';

export type BodyRule = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path (`:param` segments), with the API prefix. */
  path: string;
  caller: BodyCaller;
  /** `json`: parsed here, up to `limit`; `stream`: the route reads it itself, up to `limit`. */
  body: 'json' | 'stream';
  limit: number;
};

const KiB = 1024;
/** Routes that take no body still accept a small one (`{}`), and no more. */
const NO_BODY_LIMIT = 1 * KiB;
/** Small JSON: what a form or a command needs. */
const SMALL_JSON_LIMIT = 16 * KiB;
/** Routes not in the table (none should be): small JSON, read without knowing the caller. */
export const DEFAULT_JSON_LIMIT = SMALL_JSON_LIMIT;
/** A fleet screenshot: a PNG of the screen (fleet-routes.ts holds the same cap). */
const SCREENSHOT_LIMIT = 5 * 1024 * KiB;

const api = (path: string) => `${API_PREFIX}${path}`;
const json = (
  method: BodyRule['method'],
  path: string,
  caller: BodyCaller,
  limit = SMALL_JSON_LIMIT,
): BodyRule => ({ method, path: api(path), caller, body: 'json', limit });
const none = (method: BodyRule['method'], path: string, caller: BodyCaller): BodyRule =>
  json(method, path, caller, NO_BODY_LIMIT);

/** First match wins: a fixed segment comes before a `:param` in the same place. */
export const BODY_RULES: readonly BodyRule[] = [
  // Before any credential exists: small bodies only.
  json('POST', '/auth/login', 'public', 2 * KiB),
  json('POST', '/devices/enrol', 'public', 2 * KiB),
  none('POST', '/auth/logout', 'public'),
  // Devices.
  json('POST', '/devices/:id/faults', 'device', 64 * KiB),
  json('POST', '/fleet/heartbeat', 'device'),
  {
    method: 'POST',
    path: api('/fleet/screenshot'),
    caller: 'device',
    body: 'stream',
    limit: SCREENSHOT_LIMIT,
  },
  {
    method: 'POST',
    path: api('/looks/share'),
    caller: 'device',
    body: 'stream',
    limit: MAX_LOOK_UPLOAD_BYTES,
  },
  json('POST', '/calls', 'device'),
  // An SDP offer or answer with its candidates: tens of KiB.
  json('POST', '/calls/:id/signal', 'device', 64 * KiB),
  json('POST', '/calls/:id/end', 'device'),
  json('POST', '/calls/:id/rating', 'device'),
  // Staff, managers, experts, head office (the admin token counts as staff).
  json('POST', '/devices/approve', 'staff'),
  none('POST', '/devices/:id/revoke', 'staff'),
  json('POST', '/tls/ca-rotation', 'staff'),
  json('PUT', '/products/:id/stock', 'staff'),
  json('PUT', '/products/:id/price', 'staff'),
  json('POST', '/staff/stock/corrections', 'staff'),
  json('POST', '/staff/devices/approve', 'staff'),
  json('POST', '/requests/:id/status', 'staff'),
  none('POST', '/experts/me/presence-session', 'staff'),
  none('POST', '/experts/calls/:id/accept', 'staff'),
  none('POST', '/experts/calls/:id/decline', 'staff'),
  json('POST', '/experts/calls/:id/signal', 'staff', 64 * KiB),
  none('POST', '/experts/calls/:id/end', 'staff'),
  json('POST', '/loyalty/optimise', 'staff', 64 * KiB),
  json('POST', '/loyalty/redeem', 'staff'),
  json('PUT', '/sizing/charts', 'staff', 256 * KiB),
  json('PUT', '/sizing/stations/:stationId', 'staff'),
  json('PUT', '/emergency/:origin', 'staff'),
  none('DELETE', '/emergency/:origin', 'staff'),
  json('PUT', '/campaigns/settings', 'staff'),
  // A campaign (draft or signed envelope) lists its slides and schedule.
  json('POST', '/campaigns/signed', 'staff', 256 * KiB),
  json('PUT', '/campaigns/:id', 'staff', 256 * KiB),
  // The approval workflow takes no body today; a reason or a signed note may come.
  json('POST', '/campaigns/:id/submit', 'staff'),
  json('POST', '/campaigns/:id/approve', 'staff'),
  json('POST', '/campaigns/:id/reject', 'staff'),
  json('POST', '/campaigns/:id/withdraw', 'staff'),
  { method: 'POST', path: api('/media'), caller: 'staff', body: 'stream', limit: MAX_MEDIA_BYTES },
  json('PUT', '/fleet/:id/profile', 'staff'),
  json('PUT', '/fleet/:id/name', 'staff'),
  none('POST', '/fleet/:id/reload', 'staff'),
  none('POST', '/fleet/:id/screenshot', 'staff'),
  // The shopper's phone deletes a shared look: the token in the URL is the credential.
  {
    method: 'POST',
    path: '/look/:token/delete',
    caller: 'public',
    body: 'json',
    limit: NO_BODY_LIMIT,
  },
];

/** The rule for a request, or undefined when no route of the table matches. */
export function bodyRuleFor(method: string, path: string): BodyRule | undefined {
  const segments = path.split('/');
  return BODY_RULES.find((rule) => {
    if (rule.method !== method) return false;
    const pattern = rule.path.split('/');
    return (
      pattern.length === segments.length &&
      pattern.every((part, index) => part.startsWith(':') || part === segments[index])
    );
  });
}
