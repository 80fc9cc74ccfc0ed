// Packaged builds lock the screen; a developer's build stays a normal window
// with dev tools, unless VITRINE_KIOSK=1 asks for the real thing.

export type WindowMode = { kiosk: boolean; devTools: boolean };

export function windowMode(
  packaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): WindowMode {
  if (packaged) return { kiosk: true, devTools: false };
  return { kiosk: env.VITRINE_KIOSK === '1', devTools: true };
}
