// The camera loop: one frame in flight at a time, at most `maxFps` frames a
// second, the decoder's thorough pass on every Nth frame, each read
// resolved and weighed by ScanAcceptance (whichever pass read it), and every
// camera track stopped when the scanner closes.
import type { BarcodeDecoder, DecodedCode, DecoderKind } from './decoder';
import { ScanAcceptance } from './scan-acceptance';
import { readScan, type ScanReading } from './scan-code';

/**
 * How often the thorough pass runs. ZXing-C++'s takes p50 8 ms, p95 22 ms at
 * 640×480 in the worker, well within a frame's 100 ms at 10 fps, and reads far more
 * (Data Matrix above all) than its fast pass: every frame. zxing-js's
 * TRY_HARDER can take 150 ms: one frame in twelve. (docs/scanning.md)
 */
export const THOROUGH_PASS_EVERY: Record<DecoderKind, number> = { 'zxing-wasm': 1, 'zxing-js': 12 };

export type CameraScanOptions = {
  decoder: BarcodeDecoder;
  onReading: (reading: ScanReading) => void;
  /** Whether the device's catalogue has a GTIN: a GTIN it lacks needs one more agreeing frame. */
  isKnownGtin?: (gtin14: string) => Promise<boolean>;
  maxFps?: number;
  /** Per decoded frame, for the diagnostics overlay and benchmarks. */
  onFrame?: (stats: { decodeMs: number; read: boolean }) => void;
};

export class CameraScanner {
  private stream: MediaStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private frames = 0;
  private readonly known = new Map<string, boolean>();
  private readonly acceptance = new ScanAcceptance({
    isKnownGtin: (gtin14) => this.known.get(gtin14),
  });

  constructor(private readonly options: CameraScanOptions) {}

  /** Opens the camera into `video` and starts decoding; rejects when there is no camera. */
  async start(video: HTMLVideoElement): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { max: 30 } },
    });
    if (this.stopped) {
      this.stopTracks();
      return;
    }
    video.srcObject = this.stream;
    video.muted = true;
    await video.play().catch(() => undefined);
    this.schedule(video, 0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stopTracks();
  }

  private stopTracks(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }

  private schedule(video: HTMLVideoElement, delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(video), delayMs);
  }

  private async tick(video: HTMLVideoElement): Promise<void> {
    const interval = 1000 / (this.options.maxFps ?? 10);
    const started = performance.now();
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const frame = await createImageBitmap(video);
      if (this.stopped) {
        frame.close();
        return;
      }
      this.frames++;
      const tryHarder = this.frames % THOROUGH_PASS_EVERY[this.options.decoder.kind] === 0;
      const outcome = await this.options.decoder.decode(frame, { tryHarder });
      if (this.stopped) return;
      this.options.onFrame?.({ decodeMs: outcome.decodeMs, read: !!outcome.read });
      if (outcome.read) await this.lookUp(outcome.read);
      const accepted = this.acceptance.accept(outcome.read, performance.now());
      if (accepted && !this.stopped) this.options.onReading(accepted);
    }
    this.schedule(video, Math.max(0, interval - (performance.now() - started)));
  }

  /** Learns once whether the catalogue has the read's GTIN, before the rule weighs it. */
  private async lookUp(read: DecodedCode): Promise<void> {
    const reading = readScan(read.text, read.format);
    if (reading.kind !== 'product' || !this.options.isKnownGtin || this.known.has(reading.gtin))
      return;
    const known = await this.options.isKnownGtin(reading.gtin).catch(() => undefined);
    if (known !== undefined) this.known.set(reading.gtin, known);
  }
}
