// Which products a write to the device's copy changed, from what Dexie tells
// every context of the page (the page, this worker, a replicator's worker)
// when a transaction commits: the primary keys it wrote in `products` and
// `stock` (a stock record's id is its product's). Dexie names the keys of a
// write of under 50 records; a bigger one, or a clear, it reports as a range:
// then every product may have changed.
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';
import type { Changed } from './catalogue-indexer';

const TABLES = ['products', 'stock'];

/** undefined: nothing the search index reads was written. */
export function changedProducts(parts: ObservabilitySet, dbName: string): Changed | undefined {
  const ids = new Set<string>();
  for (const table of TABLES) {
    const tree = parts[`idb://${dbName}/${table}/`];
    if (tree && !collectKeys(tree, ids)) return 'all';
  }
  return ids.size > 0 ? ids : undefined;
}

/** Adds each single key of the tree; false when it holds a range of keys. */
function collectKeys(tree: IntervalTree, ids: Set<string>): boolean {
  if (!('from' in tree)) return true;
  const node: IntervalTreeNode = tree;
  if (typeof node.from !== 'string' || node.from !== node.to) return false;
  ids.add(node.from);
  return (!node.l || collectKeys(node.l, ids)) && (!node.r || collectKeys(node.r, ids));
}
