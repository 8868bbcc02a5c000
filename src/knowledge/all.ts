/** Every knowledge entry, from the per-framework data folders. Imported by the build, the CLI and tests. */
import type { KnowledgeEntry } from './types';
import pytorch from './data/pytorch';
import tensorflow from './data/tensorflow';

export const ALL_ENTRIES: readonly KnowledgeEntry[] = [...pytorch, ...tensorflow];
