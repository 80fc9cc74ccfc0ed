// Session-wide locks: permissions, CSP on every network response, no device
// pickers, no downloads.
import type { Session } from 'electron';
import type { ShellApp } from './app-identity';
import { withoutCsp } from './csp';
import { decidePermission } from './permission-policy';

export function guardSession(session: Session, app: ShellApp, csp: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      decidePermission(app, {
        permission,
        requestingUrl: details.requestingUrl,
        ...(mediaTypes ? { mediaTypes } : {}),
      }),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    const requestingUrl = details.requestingUrl ?? requestingOrigin;
    return decidePermission(app, {
      permission,
      requestingUrl,
      ...(mediaTypes ? { mediaTypes } : {}),
    });
  });
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [csp] },
    });
  });
  session.on('will-download', (event) => event.preventDefault());
}
