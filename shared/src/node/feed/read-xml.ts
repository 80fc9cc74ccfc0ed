// RSS 2.0 product feeds (Google's `g:` namespace) → one record per <item>,
// keyed by element name. Namespaces are resolved, so `g:` is whatever prefix
// the file binds to http://base.google.com/ns/1.0. saxes refuses ill-formed
// XML with its line and never expands DTD entities.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { FeedError } from './feed-error';
import type { FeedRecord } from './read-delimited';

const GOOGLE_NS = 'http://base.google.com/ns/1.0';

/** As a delimited record's cap: no product field is this long; a runaway text would fill memory. */
const MAX_FIELD_CHARS = 2 * 1024 * 1024;

/**
 * An item's child: `price` for g:price or plain RSS <title>; for any other
 * namespace its name and URI, so `g:price` bound elsewhere is not taken for a price.
 */
function columnName(tag: SaxesTagNS): string {
  if (tag.uri === GOOGLE_NS || tag.uri === '') return tag.local;
  return `${tag.name} (${tag.uri})`;
}

/** The feed's items as records, a chunk's worth at a time. */
export async function* readXml(text: AsyncIterable<string>): AsyncGenerator<FeedRecord[]> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: FeedRecord[] = [];
  let item: FeedRecord | undefined;
  // Depth below <item>: 1 = a field element; deeper elements add their text to it.
  let depth = 0;
  let field: { name: string; text: string } | undefined;
  let startLine = 0;

  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  let root = true;
  parser.on('opentag', (tag) => {
    if (root) {
      root = false;
      // An Atom or other XML export would give 0 lines: say what was expected instead.
      if (tag.local !== 'rss') {
        throw new FeedError(
          `the XML root is <${tag.name}>: export the feed as RSS 2.0 (<rss>)`,
          startLine,
        );
      }
    }
    if (item) {
      depth += 1;
      if (depth === 1) {
        // <g:title xml:lang="en"> is the title in English: the `title@en` column of a TSV.
        const lang = tag.attributes['xml:lang']?.value.trim().toLowerCase();
        field = { name: lang ? `${columnName(tag)}@${lang}` : columnName(tag), text: '' };
      }
    } else if (tag.local === 'item' && tag.uri === '') {
      item = { line: startLine, fields: {} };
      depth = 0;
    }
  });
  const addText = (text: string) => {
    if (!field) return;
    field.text += text;
    if (field.text.length > MAX_FIELD_CHARS) {
      throw new FeedError(
        `<${field.name}> is longer than ${MAX_FIELD_CHARS} characters`,
        parser.line,
      );
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (!item) return;
    if (depth === 0) {
      ready.push(item);
      item = undefined;
      return;
    }
    if (depth === 1 && field) {
      const before = item.fields[field.name];
      item.fields[field.name] =
        before === undefined ? field.text : [...[before].flat(), field.text];
      field = undefined;
    }
    depth -= 1;
  });

  const fail = (error: unknown): never => {
    if (error instanceof FeedError) throw error;
    // saxes writes "line:column: message"; the line goes to the report on its own.
    const message = (error as Error).message.replace(/^[^:]*:?\d+:\d+: /, '');
    throw new FeedError(`ill-formed XML: ${message}`, parser.line);
  };
  for await (const chunk of text) {
    try {
      parser.write(chunk);
    } catch (error) {
      fail(error);
    }
    if (ready.length) yield ready.splice(0);
  }
  try {
    parser.close();
  } catch (error) {
    fail(error);
  }
  if (ready.length) yield ready.splice(0);
}
