// The camera loop: one frame in flight at a time, at most `maxFps` frames a
// second, TRY_HARDER only on every Nth frame, two agreeing frames for EAN/UPC,
// each code acted on once while it stays in view,
// and every camera track stopped when the scanner closes.
import type { BarcodeDecoder } from './decoder';
import { FrameAgreement } from './frame-agreement';
import { readScan, type ScanReading } from './scan-code';

export type CameraScanOptions = {
  decoder: BarcodeDecoder;
  onReading: (reading: ScanReading) => void;
  maxFps?: number;
  tryHarderEvery?: number;
  /** Per decoded frame, for the diagnostics overlay and benchmarks. */
  onFrame?: (stats: { decodeMs: number; read: boolean }) => void;
};

export class CameraScanner {
  private stream: MediaStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private frames = 0;
  private readonly agreement = new FrameAgreement();

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
      const tryHarder = this.frames % (this.options.tryHarderEvery ?? 12) === 0;
      const outcome = await this.options.decoder.decode(frame, { tryHarder });
      if (this.stopped) return;
      this.options.onFrame?.({ decodeMs: outcome.decodeMs, read: !!outcome.read });
      const agreed = this.agreement.accept(outcome.read, performance.now());
      if (agreed && outcome.read) this.options.onReading(readScan(agreed, outcome.read.format));
    }
    this.schedule(video, Math.max(0, interval - (performance.now() - started)));
  }
}
