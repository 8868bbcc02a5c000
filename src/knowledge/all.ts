/** Every knowledge entry, from the per-framework data folders. Imported by the build, the CLI and tests. */
import type { ApiRef, KnowledgeEntry } from './types';
import pytorch from './data/pytorch';
import tensorflow from './data/tensorflow';
import checkedPairs from './data/checked-equivalences.json';

export interface CheckedPair {
  tensorflow: string;
  pytorch: string;
  test: string;
  result: 'equal' | 'documented-difference';
  note: string;
}

/** The outcome per unordered pair: `equal` when every check of the pair found equal outputs. */
export function checkedOutcomes(pairs: readonly CheckedPair[]): Map<string, NonNullable<ApiRef['checked']>> {
  const outcomes = new Map<string, NonNullable<ApiRef['checked']>>();
  for (const pair of pairs) {
    for (const key of [`${pair.tensorflow} ${pair.pytorch}`, `${pair.pytorch} ${pair.tensorflow}`]) {
      outcomes.set(key, outcomes.get(key) === 'documented-difference' ? 'documented-difference' : pair.result);
    }
  }
  return outcomes;
}

/** Marks the equivalents that the equivalence layer runs in both frameworks (hovers say so only for those). */
export function withCheckedEquivalents(entries: readonly KnowledgeEntry[], pairs: readonly CheckedPair[]): KnowledgeEntry[] {
  const outcomes = checkedOutcomes(pairs);
  return entries.map((entry) => {
    if (!entry.equivalents?.some((e) => outcomes.has(`${entry.name} ${e.name}`))) return entry;
    return {
      ...entry,
      equivalents: entry.equivalents.map((e) => {
        const checked = outcomes.get(`${entry.name} ${e.name}`);
        return checked ? { ...e, checked } : e;
      }),
    };
  });
}

export const ALL_ENTRIES: readonly KnowledgeEntry[] = withCheckedEquivalents([...pytorch, ...tensorflow], checkedPairs as CheckedPair[]);
