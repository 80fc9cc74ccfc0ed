// The loadtest's stores: `count` demo stores in one region, each the neighbour of the next and
// the previous one (a ring), as head office is told about them before they enrol.
import type { DemoChainStore } from '../../head-office/src/chain/demo-stores';

const REGION = { id: 'loadtest', name: 'Loadtest' };

export function loadStores(count: number): DemoChainStore[] {
  const ids = Array.from({ length: count }, (_, i) => `load-${String(i + 1).padStart(2, '0')}`);
  return ids.map((id, i) => ({
    id,
    name: `Vitrine Load ${i + 1}`,
    region: REGION,
    neighbours:
      count < 2 ? [] : [...new Set([ids[(i + 1) % count]!, ids[(i + count - 1) % count]!])],
  }));
}
