// Which web permissions a renderer gets, and only when the app's own origin
// asks: camera and microphone for the apps that need them, and persistent
// storage so the browser never evicts the local copy of the catalogue.
// Nothing else — no geolocation, notifications, clipboard, USB, HID, serial.
import { mediaAllowed, appOrigin, type ShellApp } from './app-identity';
import { isSameOrigin } from './origin';

export type PermissionRequest = {
  permission: string;
  /** The URL of the frame that asks (Electron: `details.requestingUrl` / `requestingOrigin`). */
  requestingUrl: string;
  /** For `media`: what the page wants; unknown kinds are refused. */
  mediaTypes?: readonly string[];
};

export function decidePermission(app: ShellApp, request: PermissionRequest): boolean {
  if (!isSameOrigin(request.requestingUrl, appOrigin(app))) return false;
  if (request.permission === 'persistent-storage') return true;
  if (request.permission !== 'media') return false;
  const allowed: readonly string[] = mediaAllowed[app];
  // A permission *check* names no media kind; the request that follows does.
  const wanted = request.mediaTypes ?? [];
  if (allowed.length === 0) return false;
  return wanted.every((kind) => allowed.includes(kind));
}
