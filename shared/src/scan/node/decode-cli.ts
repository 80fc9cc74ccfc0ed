// `npm run decode -- [--decoder zxing-wasm|zxing-js] [--store URL] FILE...`:
// for store staff and support, one JSON line per PNG or JPEG photo of a
// label — what the kiosk's decoder reads in it (its fast pass, then its
// thorough one, with the kiosk's settings), the GTIN that resolves to, and
// whether the kiosk's acceptance rule would open a page from it and after how
// many agreeing frames. With --store (and VITRINE_ADMIN_TOKEN), the store's
// catalogue says whether it knows the GTIN; without it, it is assumed known.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiCallError, apiClient, apiRoutes } from '../../core';
import { DecoderKind, type DecodedCode } from '../decoder';
import { assessRead } from '../scan-acceptance';
import { decodeRgbaJs } from '../zxing-js-decode';
import { decodeRgbaWasm } from '../zxing-wasm-decode';
import { rgbaOfImageFile, type Rgba } from './image-file';
import { loadZxingWasmInNode } from './load-wasm';

type Pass = { read: DecodedCode | undefined; decodeMs: number };

async function decodePass(kind: DecoderKind, image: Rgba, tryHarder: boolean): Promise<Pass> {
  const started = performance.now();
  const read =
    kind === 'zxing-wasm' ? await decodeRgbaWasm(image, tryHarder) : decodeRgbaJs(image, tryHarder);
  return { read, decodeMs: Math.round((performance.now() - started) * 100) / 100 };
}

async function catalogueKnows(
  store: string | undefined,
  gtin14: string,
): Promise<boolean | undefined> {
  if (!store) return undefined;
  const stock = apiClient(apiRoutes, {
    baseUrl: new URL(store).origin,
    authorization: () => `Bearer ${process.env.VITRINE_ADMIN_TOKEN ?? ''}`,
  }).stock;
  try {
    await stock.byCode({ params: { code: gtin14 } });
    return true;
  } catch (error) {
    if (!(error instanceof ApiCallError)) throw error;
    if (error.status === 404) return false;
    throw new Error(`the store answered ${error.status} for ${gtin14}`, { cause: error });
  }
}

const ACTION = {
  product: 'product-page',
  'loyalty-card': 'staff-request',
  rejected: 'notice',
} as const;

async function describeFile(file: string, kind: DecoderKind, store: string | undefined) {
  const image = rgbaOfImageFile(await readFile(file));
  const fast = await decodePass(kind, image, false);
  const thorough = await decodePass(kind, image, true);
  const base = {
    file: basename(file),
    decoder: kind,
    size: `${image.width}×${image.height}`,
    readBy: { fast: !!fast.read, thorough: !!thorough.read },
    decodeMs: { fast: fast.decodeMs, thorough: thorough.decodeMs },
  };
  const read = fast.read ?? thorough.read;
  if (!read) return { ...base, format: null, text: null, gtin: null, opens: 'nothing' };
  const first = assessRead(read);
  const known =
    first.reading.kind === 'product' ? await catalogueKnows(store, first.reading.gtin) : undefined;
  const { reading, framesNeeded, risks } = assessRead(read, () => known);
  const ignored =
    reading.kind === 'rejected' && reading.reason === 'checksum' && framesNeeded === 2;
  return {
    ...base,
    format: read.format,
    text: read.text,
    gtin: reading.kind === 'product' ? reading.gtin : null,
    ...(reading.kind === 'rejected' && { rejected: reading.reason }),
    quality: read.quality ?? {},
    catalogue: known === undefined ? 'not checked' : known ? 'known' : 'unknown',
    risks,
    // An EAN/UPC check-digit failure is a misread the kiosk waits out silently.
    opens: ignored ? 'nothing' : ACTION[reading.kind],
    framesNeeded: ignored ? null : framesNeeded,
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { decoder: { type: 'string', default: 'zxing-wasm' }, store: { type: 'string' } },
  });
  const kind = DecoderKind.safeParse(values.decoder);
  if (!kind.success || positionals.length === 0) {
    process.stderr.write(
      'usage: npm run decode -- [--decoder zxing-wasm|zxing-js] [--store URL] FILE...\n',
    );
    return 2;
  }
  if (kind.data === 'zxing-wasm') await loadZxingWasmInNode();
  // zxing-js logs a warning for every frame without a code: noise on a terminal.
  else console.warn = () => undefined;
  let failed = 0;
  for (const file of positionals) {
    try {
      process.stdout.write(
        `${JSON.stringify(await describeFile(file, kind.data, values.store))}\n`,
      );
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`${JSON.stringify({ file: basename(file), error: message })}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
