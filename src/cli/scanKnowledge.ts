/**
 * The knowledge base entries the CLI scans with (src/knowledge/scanEntries.ts: no hover-only text).
 *
 * In dist/cli.js this module is replaced at bundle time (esbuild.config.js) by the same entries as one JSON text parsed
 * on first use. As code, the ~2,400 entries cost every thread (the main thread and each worker) about 15 MB of RSS for
 * their compiled literals; parsed from JSON, about 6 MB.
 */
import { KNOWLEDGE_ENTRIES } from '../knowledge/all';
import { forScanning } from '../knowledge/scanEntries';
import type { KnowledgeEntry } from '../knowledge/types';

let entries: readonly KnowledgeEntry[] | undefined;

export function scanEntries(): readonly KnowledgeEntry[] {
  entries ??= KNOWLEDGE_ENTRIES.map(forScanning);
  return entries;
}
