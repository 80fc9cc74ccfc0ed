// Groups of unanswered questions merged when they ask the same thing in
// other words. A store's screen keys a question by its stems, sorted
// ("bitcoin payer"), so word order, plurals, accents and the shop's synonyms
// already fall together; this joins the keys that share most of their stems
// ("ouvert dimanch" and "dimanch horair ouvert"), each to the most asked group
// it is close to (never by a chain of near ones, which would drift from one
// subject to another: "carte cadeau", "carte perdu").
import type { UnansweredGroup } from '@vitrine/shared/core';

/** Keys whose stems overlap at least this much (shared / all, Jaccard) are one question. */
const SIMILAR_STEMS = 0.5;
/** Wordings kept per group for whoever writes its answer. */
const SAMPLES_PER_GROUP = 5;

export type ExactGroup = Omit<UnansweredGroup, 'keys' | 'samples'>;

const stemsOf = (key: string) => new Set(key.split(' ').filter(Boolean));

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** `groups`: most asked first. Returns at most `limit` merged groups, most asked first. */
export function mergeSimilar(groups: readonly ExactGroup[], limit: number): UnansweredGroup[] {
  const merged: (UnansweredGroup & { stems: Set<string> })[] = [];
  for (const group of groups) {
    const stems = stemsOf(group.key);
    const into = merged.find(
      (candidate) =>
        candidate.lang === group.lang && similarity(candidate.stems, stems) >= SIMILAR_STEMS,
    );
    if (!into) {
      merged.push({ ...group, keys: [group.key], samples: [group.sample], stems });
      continue;
    }
    into.keys.push(group.key);
    if (into.samples.length < SAMPLES_PER_GROUP && !into.samples.includes(group.sample))
      into.samples.push(group.sample);
    into.count += group.count;
    if (group.lastDay > into.lastDay) into.lastDay = group.lastDay;
    const stores = new Map(into.stores.map((store) => [store.storeId, store.count]));
    for (const store of group.stores)
      stores.set(store.storeId, (stores.get(store.storeId) ?? 0) + store.count);
    into.stores = [...stores]
      .map(([storeId, count]) => ({ storeId, count }))
      .sort((a, b) => b.count - a.count || a.storeId.localeCompare(b.storeId));
  }
  return merged
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(({ stems: _stems, ...group }) => group);
}
