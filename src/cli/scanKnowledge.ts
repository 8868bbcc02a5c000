/**
 * The knowledge base entries the CLI scans with (src/knowledge/scanEntries.ts: no hover-only text), and the names of the
 * installed releases they are judged against (src/knowledge/installed.ts).
 *
 * In dist/cli.js this module is replaced at bundle time (esbuild.config.js) by the same data as JSON texts parsed on
 * first use. As code, the ~2,400 entries cost every thread (the main thread and each worker) about 15 MB of RSS for
 * their compiled literals; parsed from JSON, about 6 MB.
 */
import { KNOWLEDGE_ENTRIES } from '../knowledge/all';
import INSTALLED from '../knowledge/data/generated/installed-names.json';
import type { InstalledData } from '../knowledge/installed';
import { forScanning } from '../knowledge/scanEntries';
import type { KnowledgeEntry } from '../knowledge/types';

let entries: readonly KnowledgeEntry[] | undefined;

export function scanEntries(): readonly KnowledgeEntry[] {
  entries ??= KNOWLEDGE_ENTRIES.map(forScanning);
  return entries;
}

/** What the installed releases have (src/knowledge/installed.ts), for findings on names they lack; embedded the same way. */
export function installedData(): InstalledData {
  return INSTALLED as InstalledData;
}
