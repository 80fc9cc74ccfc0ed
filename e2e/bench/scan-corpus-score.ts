// Scores a decoder's reads of the corpus in Node, per symbology group:
// frames read right or wrong as the camera loop would decode them, decode
// times, and — replaying each label's three frames as a 10 fps camera shows
// them for 1.5 s through the kiosk's ScanAcceptance — labels opened right,
// wrong products opened, and labels never opened.
import {
  DecodedCode,
  ScanAcceptance,
  THOROUGH_PASS_EVERY,
  type DecoderKind,
} from '@vitrine/shared/scan';
import { judgeRead, judgeReading } from '../scan-corpus/judge';
import type { CorpusFrame } from '../scan-corpus/manifest';
import type { FrameDecodes } from './scan-corpus-decode';
import { percentile, round } from './stats';

const FPS = 10;
const TICKS_PER_LABEL = 15;

export type GroupScore = {
  /** The symbology group (or degradation and severity, for the breakdown), or `total`. */
  group: string;
  frames: number;
  /** Camera ticks replayed: each label's frames cycled, thorough pass on the camera's schedule. */
  ticks: number;
  /** Share of camera ticks whose read was right. */
  readPct: number;
  /** Distinct frame decodes (frame × pass the camera used) that read other content. */
  wrongReads: number;
  /** Which: `file:pass → text`, to look at. */
  wrongDecodes: string[];
  /** Distinct frame decodes readScan refused (a check-digit failure, say). */
  rejectedReads: number;
  fastReadPct: number;
  thoroughReadPct: number;
  labels: number;
  openedRight: number;
  wrongProductsOpened: number;
  wrongOtherOpened: number;
  notOpened: number;
  decodeP50: number;
  decodeP95: number;
  /** Each pass on every frame, whatever the camera's schedule. */
  fastP95: number;
  thoroughP95: number;
  /** Of the decode time, drawing the frame and reading its pixels back (both passes). */
  pixelsP50: number;
  pixelsP95: number;
};

type Tally = {
  frames: number;
  ticks: number;
  right: number;
  wrong: Set<string>;
  rejected: Set<string>;
  fastRight: number;
  thoroughRight: number;
  labels: number;
  openedRight: number;
  wrongProducts: number;
  wrongOther: number;
  notOpened: number;
  decodeMs: number[];
  fastMs: number[];
  thoroughMs: number[];
  pixelsMs: number[];
};

const emptyTally = (): Tally => ({
  frames: 0,
  ticks: 0,
  right: 0,
  wrong: new Set(),
  rejected: new Set(),
  fastRight: 0,
  thoroughRight: 0,
  labels: 0,
  openedRight: 0,
  wrongProducts: 0,
  wrongOther: 0,
  notOpened: 0,
  decodeMs: [],
  fastMs: [],
  thoroughMs: [],
  pixelsMs: [],
});

const COUNTS = [
  'frames',
  'ticks',
  'right',
  'fastRight',
  'thoroughRight',
  'labels',
  'openedRight',
  'wrongProducts',
  'wrongOther',
  'notOpened',
] as const;

function addInto(total: Tally, t: Tally) {
  for (const key of COUNTS) total[key] += t[key];
  for (const decode of t.wrong) total.wrong.add(decode);
  for (const decode of t.rejected) total.rejected.add(decode);
  total.decodeMs.push(...t.decodeMs);
  total.fastMs.push(...t.fastMs);
  total.thoroughMs.push(...t.thoroughMs);
  total.pixelsMs.push(...t.pixelsMs);
}

/** The page's reply parsed at the boundary: the read exactly as the kiosk's decoder gives it. */
const readOf = (reply: FrameDecodes['fast']): DecodedCode | undefined =>
  reply.read === undefined ? undefined : DecodedCode.parse(reply.read);

function replayLabel(
  tally: Tally,
  frames: { frame: CorpusFrame; decodes: FrameDecodes }[],
  kind: DecoderKind,
  isKnownGtin: (gtin14: string) => boolean,
) {
  const expect = frames[0]!.frame.expect;
  const acceptance = new ScanAcceptance({ isKnownGtin });
  let opened: ReturnType<ScanAcceptance['accept']>;
  // A fresh camera panel per label: its frame counter starts at 1, as the kiosk's does.
  for (let tick = 1; tick <= TICKS_PER_LABEL; tick++) {
    const { frame, decodes } = frames[(tick - 1) % frames.length]!;
    const thorough = tick % THOROUGH_PASS_EVERY[kind] === 0;
    const reply = thorough ? decodes.thorough : decodes.fast;
    const decode = `${frame.file}:${thorough ? 'thorough' : 'fast'}`;
    const read = readOf(reply);
    const verdict = judgeRead(expect, read);
    tally.ticks++;
    tally.decodeMs.push(reply.decodeMs);
    if (verdict === 'right') tally.right++;
    else if (verdict === 'wrong') tally.wrong.add(`${decode} → ${read?.text ?? ''}`);
    else if (verdict === 'rejected') tally.rejected.add(decode);
    opened ??= acceptance.accept(read, (tick * 1000) / FPS);
  }
  tally.labels++;
  if (!opened) tally.notOpened++;
  else if (judgeReading(expect, opened) === 'right') tally.openedRight++;
  else if (opened.kind === 'product') tally.wrongProducts++;
  else tally.wrongOther++;
}

const pct = (count: number, of: number) => round((100 * count) / Math.max(1, of), 1);

function scoreOf(group: GroupScore['group'], t: Tally): GroupScore {
  return {
    group,
    frames: t.frames,
    ticks: t.ticks,
    readPct: pct(t.right, t.ticks),
    wrongReads: t.wrong.size,
    wrongDecodes: [...t.wrong].sort(),
    rejectedReads: t.rejected.size,
    fastReadPct: pct(t.fastRight, t.frames),
    thoroughReadPct: pct(t.thoroughRight, t.frames),
    labels: t.labels,
    openedRight: t.openedRight,
    wrongProductsOpened: t.wrongProducts,
    wrongOtherOpened: t.wrongOther,
    notOpened: t.notOpened,
    decodeP50: round(percentile(t.decodeMs, 50), 2),
    decodeP95: round(percentile(t.decodeMs, 95), 2),
    fastP95: round(percentile(t.fastMs, 95), 2),
    thoroughP95: round(percentile(t.thoroughMs, 95), 2),
    pixelsP50: round(percentile(t.pixelsMs, 50), 2),
    pixelsP95: round(percentile(t.pixelsMs, 95), 2),
  };
}

/** Per group (in corpus order, or per `rowOf`, e.g. degradation and severity) and a total row. */
export function scoreDecoder(
  kind: DecoderKind,
  frames: readonly CorpusFrame[],
  decodes: readonly FrameDecodes[],
  rowOf: (frame: CorpusFrame) => string = (frame) => frame.group,
): GroupScore[] {
  const known = new Set(frames.flatMap((f) => ('gtin14' in f.expect ? [f.expect.gtin14] : [])));
  const isKnownGtin = (gtin14: string) => known.has(gtin14);
  const tallies = new Map<string, Tally>();
  const labels = new Map<string, { frame: CorpusFrame; decodes: FrameDecodes }[]>();
  frames.forEach((frame, i) => {
    const tally = tallies.get(rowOf(frame)) ?? emptyTally();
    tallies.set(rowOf(frame), tally);
    const both = decodes[i]!;
    tally.frames++;
    if (judgeRead(frame.expect, readOf(both.fast)) === 'right') tally.fastRight++;
    if (judgeRead(frame.expect, readOf(both.thorough)) === 'right') tally.thoroughRight++;
    tally.fastMs.push(both.fast.decodeMs);
    tally.thoroughMs.push(both.thorough.decodeMs);
    for (const pass of [both.fast, both.thorough])
      if (pass.pixelsMs !== undefined) tally.pixelsMs.push(pass.pixelsMs);
    labels.set(frame.label, [...(labels.get(frame.label) ?? []), { frame, decodes: both }]);
  });
  for (const shown of labels.values()) {
    shown.sort((a, b) => a.frame.frame - b.frame.frame);
    replayLabel(tallies.get(rowOf(shown[0]!.frame))!, shown, kind, isKnownGtin);
  }
  const total = emptyTally();
  for (const t of tallies.values()) addInto(total, t);
  return [...[...tallies].map(([group, t]) => scoreOf(group, t)), scoreOf('total', total)];
}
