/**
 * `scan --fix` and `scan --diff`: one file read, fixed in memory by the core fix step, then written back (only when
 * it changes) or shown as a unified diff. Runs in the scan workers too, so each file is read, fixed and written once.
 */
import type { KnowledgeBase } from '../knowledge';
import { fixSource, type FileScan, type ScanOptions } from '../core/scan';
import { writeAtomically, type WriteIo } from './atomicWrite';
import { unifiedDiff } from './diff';
import { readScanFile } from './read';

export type FixMode = 'write' | 'diff';

/** What fixing one file did: counts for the summary, and the diff or the reason it was left alone. */
export interface FileFixReport {
  /** Fixes in the file's changes (applied with --fix, shown with --diff). */
  fixed: number;
  /** Findings left after the fixes (for manual work), tf.compat.v1 uses the fixes wrote included. */
  manual: number;
  /** --diff: the unified diff, when the file would change. */
  diff?: string;
  /** True when the fixed file was written. */
  wrote: boolean;
  /** Why the file was left as it was although it has findings (syntax errors, a notebook layout, a failed write). */
  leftAlone?: string;
  /** A failed write: the file is not fixed, and the run is incomplete. */
  writeFailed?: boolean;
}

export type FixOutcome = { kind: 'scanned'; result: FileScan; fix?: FileFixReport } | { kind: 'unreadable'; message: string };

/**
 * Reads, fixes and (mode `write`) writes one file. The reported scan is what is left after the fixes with `write`,
 * and the file as it is with `diff` (nothing changed on disk). `io` stands in for the file system's calls in tests.
 */
export function fixFile(file: string, shown: string, options: ScanOptions, mode: FixMode, kb: KnowledgeBase, io?: WriteIo): FixOutcome {
  const read = readScanFile(file, shown, options.maxBytes);
  if (read.kind === 'unreadable') return { kind: 'unreadable', message: read.message };
  if (read.kind === 'skipped') return { kind: 'scanned', result: read.result };
  const result = fixSource({ path: shown, bytes: read.bytes }, kb, { ...options, remaining: mode === 'write' });
  const plan = result.plan;
  if (!plan) return { kind: 'scanned', result: result.scan };
  const left = result.remaining.status === 'analysed' ? result.remaining.findings.length : plan.skipped.length;
  const report: FileFixReport = { fixed: result.fixed ? plan.fixes.length : 0, manual: left, wrote: false };
  const leftAlone = plan.refused ?? result.unwritable;
  if (leftAlone && plan.skipped.length > 0) report.leftAlone = leftAlone;
  if (!result.fixed || result.original === undefined) return { kind: 'scanned', result: result.scan, fix: report };
  if (mode === 'diff') {
    report.diff = unifiedDiff(shown, result.original, result.edits ?? []);
    return { kind: 'scanned', result: result.scan, fix: report };
  }
  // A new file renamed over the old one (its mode and, where allowed, owner kept), and only while the file still
  // holds the bytes that were analysed: an edit saved meanwhile is never lost, a link or pipe put in its place never
  // followed. A file with several hard links stops sharing its bytes with the others, as with any atomic save.
  const written = writeAtomically([{ path: file, bytes: result.fixed, expect: read.state }], io);
  if (written.ok) {
    report.wrote = true;
    return { kind: 'scanned', result: result.remaining, fix: report };
  }
  report.fixed = 0;
  report.manual = result.scan.status === 'analysed' ? result.scan.findings.length : report.manual;
  report.writeFailed = true;
  report.leftAlone = written.changed ? `${written.reason}; it was not written` : `the fixed file could not be written (${written.reason}); the file is as it was`;
  return { kind: 'scanned', result: result.scan, fix: report };
}

/** Totals of a --fix or --diff run, for its summary line. */
export interface FixCounts {
  fixes: number;
  files: number;
  manual: number;
  leftAlone: number;
}

export function emptyFixCounts(): FixCounts {
  return { fixes: 0, files: 0, manual: 0, leftAlone: 0 };
}

export function countFix(counts: FixCounts, report: FileFixReport): void {
  counts.fixes += report.fixed;
  if (report.fixed > 0) counts.files++;
  counts.manual += report.manual;
  if (report.leftAlone) counts.leftAlone++;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `Fixed 7 findings in 2 files; 5 findings left for manual work (1 file not fixed, see above).` (`Would fix …`, `would be left` for --diff.) */
export function fixSummaryLine(counts: FixCounts, mode: FixMode): string {
  const verb = mode === 'write' ? 'Fixed' : 'Would fix';
  const left = mode === 'write' ? 'left' : 'would be left';
  const alone = counts.leftAlone ? ` (${plural(counts.leftAlone, 'file')} not fixed, see above)` : '';
  return `${verb} ${plural(counts.fixes, 'finding')} in ${plural(counts.files, 'file')}; ${plural(counts.manual, 'finding')} ${left} for manual work${alone}.`;
}
