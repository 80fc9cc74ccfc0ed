// Per-mirror settings from the page's query string (set by the shell or the
// store's deployment): idle timings, wedge-scanner framing, its fitting room,
// how big the screen is.
import { z } from 'zod';
import { DecoderKind } from '@vitrine/shared/scan';

const Config = z.object({
  idleMs: z.coerce.number().int().min(1_000).max(3_600_000).default(90_000),
  countdownMs: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
  wedgePrefix: z.string().max(8).default(''),
  wedgeSuffix: z.enum(['Enter', 'Tab', 'NumpadEnter', '']).default('Enter'),
  room: z.string().min(1).max(100).optional(),
  /** Seconds of countdown before the photo. */
  photoCountdown: z.coerce.number().int().min(1).max(10).default(3),
  /** The screen's diagonal in inches: text and touch targets are sized in millimetres on it. */
  screenInches: z.coerce.number().min(7).max(110).default(32),
  /** The camera's barcode decoder: zxing-js only where WebAssembly is not allowed. */
  decoder: DecoderKind.default('zxing-wasm'),
});
export type MirrorConfig = z.infer<typeof Config>;

export function readMirrorConfig(search: string): MirrorConfig {
  const parsed = Config.safeParse(Object.fromEntries(new URLSearchParams(search)));
  // A bad setting must not stop the mirror: fall back to the defaults.
  return parsed.success ? parsed.data : Config.parse({});
}
