// The two programs the corpus is made with, found as scripts/provision-test-tools.mjs
// installs them: zint (Debian `zint`) and ImageMagick 6's convert (Debian
// `imagemagick`), always by absolute path — a `convert` earlier on PATH may be
// something else entirely.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function find(envVar: string, candidates: string[], pkg: string): string {
  const path = [process.env[envVar], ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!path)
    throw new Error(
      `scan corpus: no ${pkg} (node scripts/provision-test-tools.mjs, or set ${envVar})`,
    );
  return path;
}

const zintPath = () => find('ZINT_PATH', ['/usr/bin/zint', '/usr/local/bin/zint'], 'zint');
const convertPath = () =>
  find('MAGICK_CONVERT_PATH', ['/usr/bin/convert', '/usr/bin/convert-im6.q16'], 'ImageMagick');

export async function zint(args: string[]): Promise<void> {
  await run(zintPath(), args);
}

export async function convert(args: string[]): Promise<void> {
  // One thread each: the generator runs two converts at once on a 2-core machine.
  await run(convertPath(), args, {
    maxBuffer: 1 << 20,
    env: { ...process.env, MAGICK_THREAD_LIMIT: '1' },
  });
}

/** ImageMagick's montage, beside the convert in use. */
export async function montage(args: string[]): Promise<void> {
  await run(join(dirname(convertPath()), 'montage'), args, {
    env: { ...process.env, MAGICK_THREAD_LIMIT: '1' },
  });
}

/** A frame's luma as raw 8-bit greyscale (what a camera's Y plane holds). */
export async function lumaOf(file: string): Promise<Uint8Array> {
  const { stdout } = await run(
    convertPath(),
    [file, '-colorspace', 'Gray', '-depth', '8', 'gray:-'],
    {
      encoding: 'buffer',
      maxBuffer: 1 << 22,
    },
  );
  return new Uint8Array(stdout);
}

/** Versions of both tools: part of the corpus's identity, since their output is. */
export async function toolVersions(): Promise<string> {
  const zintVersion = (await run(zintPath(), ['--version'])).stdout.trim();
  const magick = (await run(convertPath(), ['-version'])).stdout.split('\n')[0] ?? '';
  return `${zintVersion} · ${magick.replace(/^Version: /, '').split(' https')[0]}`;
}
