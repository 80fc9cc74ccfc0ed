// Where the window may go. A kiosk shows one app: navigation stays inside the
// allow-list, and window.open never makes a second window — an allowed URL
// opens in place, anything else is refused.
import { isOriginAllowed } from './origin';

export type NavigationDecision = { allow: true } | { allow: false; reason: string };

export function decideNavigation(url: string, allowList: readonly string[]): NavigationDecision {
  if (isOriginAllowed(url, allowList)) return { allow: true };
  return { allow: false, reason: `navigation to ${describeUrl(url)} is outside the allow-list` };
}

export type WindowOpenDecision =
  | { action: 'deny'; navigateInPlace: string; reason: string }
  | { action: 'deny'; navigateInPlace?: undefined; reason: string };

export function decideWindowOpen(url: string, allowList: readonly string[]): WindowOpenDecision {
  if (isOriginAllowed(url, allowList)) {
    return { action: 'deny', navigateInPlace: url, reason: 'new windows open in place' };
  }
  return { action: 'deny', reason: `window.open of ${describeUrl(url)} is outside the allow-list` };
}

/** Logs keep the scheme and host, never a query string that may carry data. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'an unparsable URL';
  }
}
