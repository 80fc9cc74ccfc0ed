// Who a shell is: the three touchpoints share one shell and differ only here.
import { z } from 'zod';

export const ShellApp = z.enum(['kiosk', 'signage', 'mirror']);
export type ShellApp = z.infer<typeof ShellApp>;

/** The privileged scheme that serves each app's built renderer instead of file://. */
export const APP_SCHEME = 'vitrine-app';

export function appOrigin(app: ShellApp): string {
  return `${APP_SCHEME}://${app}`;
}

export function appStartUrl(app: ShellApp): string {
  return `${appOrigin(app)}/`;
}

export const productNames: Record<ShellApp, string> = {
  kiosk: 'Vitrine Kiosk',
  signage: 'Vitrine Signage',
  mirror: 'Vitrine Mirror',
};

/** Least privilege: signage never needs a camera, the mirror only takes pictures,
 * the kiosk scans and holds video calls with remote experts. */
export const mediaAllowed: Record<ShellApp, readonly ('video' | 'audio')[]> = {
  kiosk: ['video', 'audio'],
  signage: [],
  mirror: ['video'],
};
