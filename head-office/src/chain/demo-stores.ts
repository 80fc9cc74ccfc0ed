// The three demo stores of `npm run chain`: ids and names as the demo generates them
// (store-server/src/demo/locations.ts; head office does not import the store server), each the
// others' neighbours, in one region.
export type DemoChainStore = {
  id: string;
  name: string;
  region: { id: string; name: string };
  neighbours: string[];
};

const FRANCE = { id: 'france', name: 'France' };
const STORES = [
  { id: 'paris-rivoli', name: 'Vitrine Paris Rivoli' },
  { id: 'lyon-bellecour', name: 'Vitrine Lyon Bellecour' },
  { id: 'marseille-prado', name: 'Vitrine Marseille Prado' },
];

export const DEMO_CHAIN_STORES: readonly DemoChainStore[] = STORES.map((store) => ({
  ...store,
  region: FRANCE,
  neighbours: STORES.filter((other) => other.id !== store.id).map((other) => other.id),
}));
