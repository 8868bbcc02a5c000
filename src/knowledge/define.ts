/** Helpers that let data files state shared fields (framework, docs URL scheme, sources) once per group. */
import type { KnowledgeEntry } from './types';

export type EntrySpec = Omit<KnowledgeEntry, 'name' | 'framework' | 'docs' | 'verified' | 'sources' | 'status'> &
  Partial<Pick<KnowledgeEntry, 'docs' | 'verified' | 'sources' | 'status'>>;

export interface GroupDefaults {
  framework: KnowledgeEntry['framework'];
  /** Module prefix joined to each key with a dot (`torch.nn` + `Linear`); empty for full names. */
  module: string;
  verified: string;
  sources: string[];
  /** Docs URL for a full name, when the entry gives none. */
  docs: (name: string) => string;
  status?: KnowledgeEntry['status'];
}

/** Expands a keyed group into full entries; a key may be a dotted tail (`functional.relu`). */
export function defineGroup(defaults: GroupDefaults, specs: Record<string, EntrySpec>): KnowledgeEntry[] {
  return Object.entries(specs).map(([key, spec]) => {
    const name = defaults.module ? `${defaults.module}.${key}` : key;
    return {
      ...spec,
      name,
      framework: defaults.framework,
      status: spec.status ?? defaults.status ?? { state: 'current' },
      verified: spec.verified ?? defaults.verified,
      sources: spec.sources ?? defaults.sources,
      docs: spec.docs ?? defaults.docs(name),
    };
  });
}

/** Official docs URL schemes. */
export const docsUrl = {
  torch: (name: string) => `https://docs.pytorch.org/docs/stable/generated/${name}.html`,
  tf: (name: string) => `https://www.tensorflow.org/api_docs/python/${name.replace(/^tensorflow/, 'tf').replace(/\./g, '/')}`,
};
