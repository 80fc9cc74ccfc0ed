// What a browser downloads to show one built page: the HTML, its scripts,
// module preloads and stylesheets, and every chunk those import statically.
// Files the page only names (dynamic imports, workers, wasm, a service
// worker) load later, when the code that names them runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export type BuiltFile = {
  /** Path inside the dist folder, with forward slashes. */
  path: string;
  kind: 'html' | 'js' | 'css' | 'wasm' | 'other';
  bytes: number;
  /** zlib's default level, what a web server's gzip typically sends. */
  gzipBytes: number;
  /** npm packages (and shared/src zones) whose code is in the file, from its source map. */
  sources: string[];
};

export type PageLoad = { page: string; firstLoad: BuiltFile[]; later: BuiltFile[] };

const HTML_REFERENCE =
  /<script\b[^>]*\bsrc="([^"]+)"|<link\b(?=[^>]*\brel="(?:modulepreload|stylesheet)")[^>]*\bhref="([^"]+)"/g;

export async function pageLoad(dist: string, base: string, page: string): Promise<PageLoad> {
  await init;
  const files = builtFiles(dist);
  const html = readFileSync(join(dist, page), 'utf8');
  const fromHtml = [...html.matchAll(HTML_REFERENCE)].map((match) => {
    const url = (match[1] ?? match[2])!;
    if (!url.startsWith(base)) throw new Error(`${page}: ${url} is outside ${base}`);
    return url.slice(base.length);
  });
  const firstLoad = new Set([page]);
  const queue = [...fromHtml];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (firstLoad.has(path)) continue;
    if (!files.includes(path)) throw new Error(`${page} loads ${path}, which is not in ${dist}`);
    firstLoad.add(path);
    if (path.endsWith('.js')) queue.push(...staticImports(dist, path));
  }
  const later = new Set<string>();
  const named = [...firstLoad].filter((path) => path.endsWith('.js') || path.endsWith('.css'));
  for (let path = named.shift(); path !== undefined; path = named.shift()) {
    for (const other of namedFiles(dist, path, files)) {
      if (firstLoad.has(other) || later.has(other)) continue;
      later.add(other);
      named.push(other);
    }
  }
  const describe = (path: string) => describeFile(dist, path);
  return { page, firstLoad: [...firstLoad].map(describe), later: [...later].map(describe) };
}

export const totalBytes = (files: readonly BuiltFile[], key: 'bytes' | 'gzipBytes') =>
  files.reduce((sum, file) => sum + file[key], 0);

/** Every built file of a dist folder (source maps aside), relative and with forward slashes. */
export function builtFiles(dist: string): string[] {
  if (!existsSync(dist)) throw new Error(`${dist} is missing: build the app first (npm run build)`);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name.startsWith('.') ? [] : walk(full);
      return name.endsWith('.map') ? [] : [relative(dist, full).split('\\').join('/')];
    });
  return walk(dist);
}

function staticImports(dist: string, path: string): string[] {
  const [imports] = parse(readFileSync(join(dist, path), 'utf8'));
  return imports
    .filter((entry) => entry.d === -1 && entry.n?.startsWith('.'))
    .map((entry) => posix.normalize(posix.join(posix.dirname(path), entry.n!)));
}

/** Files a chunk names by their (hashed, so unique) file name: lazy chunks, workers, wasm. */
function namedFiles(dist: string, path: string, files: readonly string[]): string[] {
  const text = readFileSync(join(dist, path), 'utf8');
  return files.filter(
    (other) => other !== path && !other.endsWith('.html') && text.includes(basename(other)),
  );
}

function describeFile(dist: string, path: string): BuiltFile {
  const bytes = readFileSync(join(dist, path));
  return {
    path,
    kind: kindOf(path),
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes).length,
    sources: mappedSources(join(dist, path)),
  };
}

function kindOf(path: string): BuiltFile['kind'] {
  const extension = extname(path).slice(1);
  return extension === 'html' || extension === 'js' || extension === 'css' || extension === 'wasm'
    ? extension
    : 'other';
}

function mappedSources(file: string): string[] {
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  const parsed: unknown = JSON.parse(readFileSync(map, 'utf8'));
  const sources =
    typeof parsed === 'object' && parsed !== null && 'sources' in parsed ? parsed.sources : [];
  if (!Array.isArray(sources)) return [];
  const owners = sources
    .filter((source): source is string => typeof source === 'string')
    .map((source) => sourceOwner(posix.join(dirname(file).split('\\').join('/'), source)));
  return [...new Set(owners)].sort();
}

function sourceOwner(source: string): string {
  const inPackage = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage) return inPackage[1]!;
  const inShared = source.match(/shared\/src\/([^/]+)\//);
  return inShared ? `shared/${inShared[1]}` : 'app';
}
