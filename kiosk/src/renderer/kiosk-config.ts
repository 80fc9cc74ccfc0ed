// Per-kiosk settings, from the page's query string (set by the shell or the
// store's deployment): idle timings, wedge-scanner framing, where it stands,
// how big the screen is.
import { z } from 'zod';
import { DecoderKind, scannerDiagnostics } from '@vitrine/shared/scan';

const Config = z.object({
  idleMs: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  countdownMs: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
  wedgePrefix: z.string().max(8).default(''),
  wedgeSuffix: z.enum(['Enter', 'Tab', 'NumpadEnter', '']).default('Enter'),
  /** The USB scanner's keyboard layout; `auto` reads both and lets the OS's characters decide. */
  wedgeLayout: z.enum(['auto', 'us', 'fr']).default('auto'),
  place: z.string().min(1).max(100).optional(),
  /** The screen's diagonal in inches: text and touch targets are sized in millimetres on it. */
  screenInches: z.coerce.number().min(7).max(110).default(32),
  /** The camera's barcode decoder: zxing-js only where WebAssembly is not allowed. */
  decoder: DecoderKind.default('zxing-wasm'),
});
export type KioskConfig = z.infer<typeof Config>;

export function readKioskConfig(search: string): KioskConfig {
  const raw = Object.fromEntries(new URLSearchParams(search));
  const parsed = Config.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A bad setting must not stop the kiosk: fall back to the defaults, and tell staff.
  const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
  scannerDiagnostics.report({ kind: 'bad-setting', typed: fields, keys: 0, expectedSuffix: '' });
  return Config.parse({});
}
