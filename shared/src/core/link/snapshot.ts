// A chain catalogue snapshot in the `snapshots` bucket (16-plan §3.4 "Fresh snapshot"): the chain's
// documents as of one chain revision, one LinkDoc per line (NDJSON), gzipped. Head office writes
// it, a store reads it only after checking its size and SHA-256 against the message that named it.
import { LinkDoc } from './messages';
import { parseUnknown, type Result } from '../parse';

/** The object's name for the chain as of `chainRev` (one object per revision, reused). */
export function chainSnapshotName(chainRev: number): string {
  return `chain-${chainRev}.ndjson.gz`;
}

/** The snapshot's documents from its (gunzipped) text; the first bad line refuses it all. */
export function parseSnapshotLines(text: string): Result<LinkDoc[]> {
  const docs: LinkDoc[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      return { ok: false, error: `snapshot line ${index + 1}: not JSON` };
    }
    const doc = parseUnknown(LinkDoc, data);
    if (!doc.ok) return { ok: false, error: `snapshot line ${index + 1}: ${doc.error}` };
    docs.push(doc.value);
  }
  return { ok: true, value: docs };
}

/** The snapshot's text: one document a line. */
export const snapshotText = (docs: readonly LinkDoc[]) =>
  docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n';
