// Feed bytes → text, refusing bytes that are not UTF-8 wherever they are in the
// file (csv-parse alone would turn them into U+FFFD silently). A BOM is dropped.
import { FeedError } from './feed-error';

export async function* decodeUtf8(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) {
      throw new FeedError(`not UTF-8 near byte ${offset}: save the feed as UTF-8`);
    }
    throw error;
  }
}

/** The first `size` bytes, and all the bytes again (the head included) for the reader. */
export async function peek(
  bytes: AsyncIterable<Buffer>,
  size: number,
): Promise<{
  head: Buffer;
  whole: boolean;
  all: AsyncIterable<Buffer>;
  close: () => Promise<void>;
}> {
  const iterator = bytes[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    if (done) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await close();
    }
  }
  // Closes the file when the reader stops early (a refused header, an error).
  async function close(): Promise<void> {
    await iterator.return?.();
  }
  return { head: head.subarray(0, size), whole: done, all: all(), close };
}
