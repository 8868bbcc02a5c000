/**
 * The knowledge the scanner runs with: every entry, without the texts that only hovers and the comparison panel show.
 * The scan pipeline (src/core/scan, src/core/rules) and the CLI's reports never read them; the CLI bundle embeds these
 * entries as JSON (esbuild.config.js), which costs each of its threads far less memory than the entries as code.
 */
import type { KnowledgeEntry } from './types';

/** Fields only a hover or the panel shows; required ones are kept empty so an entry stays a KnowledgeEntry. */
export function forScanning(entry: KnowledgeEntry): KnowledgeEntry {
  const { summary: _summary, equivalents: _equivalents, verified: _verified, sources: _sources, tags: _tags, section: _section, ...kept } = entry;
  return { ...kept, summary: '', verified: '', sources: [] };
}

/** The entries for scanning, as one JSON text (what the CLI bundle parses). */
export function scanEntriesJson(entries: readonly KnowledgeEntry[]): string {
  return JSON.stringify(entries.map(forScanning));
}
