/**
 * `scan --fix` and `scan --diff`: one file read, fixed in memory by the core fix step, then written back (only when
 * it changes) or shown as a unified diff. Runs in the scan workers too, so each file is read, fixed and written once.
 */
import * as fs from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { KnowledgeBase } from '../knowledge';
import { fixSource, type FileScan } from '../core/scan';
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
 * A unified diff that `git apply` and `patch -p1` take: `a/` and `b/` prefixes on the path as reported, three lines of
 * context, and no "\ No newline" surprises beyond what the file really has.
 */
export function unifiedDiff(shown: string, original: string, fixed: string): string {
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, original, fixed, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/**
 * Reads, fixes and (mode `write`) writes one file. The reported scan is what is left after the fixes with `write`,
 * and the file as it is with `diff` (nothing changed on disk).
 */
export function fixFile(file: string, shown: string, maxBytes: number, references: boolean, mode: FixMode, kb: KnowledgeBase): FixOutcome {
  const read = readScanFile(file, shown, maxBytes);
  if (read.kind === 'unreadable') return { kind: 'unreadable', message: read.message };
  if (read.kind === 'skipped') return { kind: 'scanned', result: read.result };
  const result = fixSource({ path: shown, bytes: read.bytes }, kb, { maxBytes, references });
  const plan = result.plan;
  if (!plan) return { kind: 'scanned', result: result.scan };
  const left = result.remaining.status === 'analysed' ? result.remaining.findings.length : plan.skipped.length;
  const report: FileFixReport = { fixed: result.fixed ? plan.fixes.length : 0, manual: left, wrote: false };
  const leftAlone = plan.refused ?? result.unwritable;
  if (leftAlone && plan.skipped.length > 0) report.leftAlone = leftAlone;
  if (!result.fixed || result.original === undefined) return { kind: 'scanned', result: result.scan, fix: report };
  if (mode === 'diff') {
    report.diff = unifiedDiff(shown, result.original, result.fixed);
    return { kind: 'scanned', result: result.scan, fix: report };
  }
  try {
    // In place, so the file keeps its inode, owner and mode (hard links and permissions stay as they were).
    fs.writeFileSync(file, result.fixed, 'utf8');
    report.wrote = true;
    return { kind: 'scanned', result: result.remaining, fix: report };
  } catch (err) {
    report.fixed = 0;
    report.manual = result.scan.status === 'analysed' ? result.scan.findings.length : report.manual;
    report.writeFailed = true;
    report.leftAlone = `cannot write the fixed file (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    return { kind: 'scanned', result: result.scan, fix: report };
  }
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
