/**
 * The "fix a file" step on top of the scan pipeline: scan, plan every safe fix (core FixPlanner), and produce the
 * fixed file as stored (a notebook's JSON with only its cell sources changed), plus the scan of what remains.
 */
import type { KnowledgeBase } from '../../knowledge';
import { analyzePython, analyzeTree } from '../python/analyze';
import { applyEdits, FixPlanner, type FilePlan, type FixedProgram, type TextEdit } from '../rules/fixes';
import { rewriteNotebookSources } from './notebookWrite';
import type { TimeBudget } from '../budget';
import { failedScan, finishScan, prepareSource, preparedText, timeBudgetOf, type PreparedSource, type ScanInput, type ScanOptions } from './scanFile';
import type { FileScan } from './types';

/** A program edit moved into the code cell it falls in: `cell` counts code cells, `index` all cells. */
export interface CellEdits {
  cell: number;
  index: number;
  edits: TextEdit[];
}

/** Splits program edits by notebook code cell, in cell offsets (an edit never spans two cells). */
export function splitByCell(prepared: PreparedSource, edits: readonly TextEdit[]): CellEdits[] {
  const notebook = prepared.notebook;
  if (!notebook) return [{ cell: 0, index: 0, edits: [...edits] }];
  const starts = notebook.joined.cellStarts;
  const byCell = new Map<number, TextEdit[]>();
  for (const edit of edits) {
    let k = 0;
    // The separator newline after a cell belongs to that cell: an insertion at its very end stays there.
    while (k + 1 < starts.length && starts[k + 1] <= edit.from) k++;
    const start = starts[k];
    const list = byCell.get(k) ?? [];
    list.push({ from: edit.from - start, to: edit.to - start, text: edit.text });
    byCell.set(k, list);
  }
  return [...byCell].map(([cell, list]) => ({ cell, index: notebook.cellIndexes[cell], edits: list }));
}

export interface FileFix {
  /** The scan of the file as it was. */
  scan: FileScan;
  /** The plan, when the file was analysed. */
  plan?: FilePlan;
  /** The file's text as read (for a notebook its JSON), when it was analysed. */
  original?: string;
  /** The fixed file's text, when the fixes change it. */
  fixed?: string;
  /** The edits that turn `original` into `fixed`, sorted, in `original`'s offsets (for a diff). */
  edits?: TextEdit[];
  /** The scan of the fixed text (what is left to do by hand); the original scan when nothing changed. */
  remaining: FileScan;
  /** Why a changed notebook could not be written back (its JSON layout was not understood). */
  unwritable?: string;
}

const BOM = '\uFEFF';

/** Whether the stored bytes start with a byte-order mark (the decoder drops it; the fixed file keeps it). */
function hasBom(input: ScanInput): boolean {
  return 'bytes' in input && input.bytes[0] === 0xef && input.bytes[1] === 0xbb && input.bytes[2] === 0xbf;
}

/**
 * The fixed file text for `plan` and the edits that make it from the stored text (for a notebook, in its JSON), or
 * why a notebook could not be written back. `shift` is where the program starts in the stored text (a byte-order mark).
 */
function fixedText(prepared: PreparedSource, plan: FilePlan, shift: number): { text?: string; edits?: TextEdit[]; unwritable?: string } {
  if (plan.edits.length === 0) return {};
  const notebook = prepared.notebook;
  if (!notebook) return { text: applyEdits(prepared.program, plan.edits), edits: plan.edits.map((e) => ({ from: e.from + shift, to: e.to + shift, text: e.text })) };
  const stored = notebook.stored;
  if (!stored) return { unwritable: 'the cell sources could not be located in the notebook JSON; the notebook was left as it was' };
  const sources = new Map<number, string>();
  for (const { cell, index, edits } of splitByCell(prepared, plan.edits)) sources.set(index, applyEdits(notebook.sources[cell], edits));
  const rewritten = rewriteNotebookSources(stored.json, stored.pieces, sources);
  if (!rewritten) return { unwritable: 'the notebook JSON could not be rewritten safely; the notebook was left as it was' };
  return { text: rewritten.json, edits: rewritten.edits.map((e) => ({ from: e.from + shift, to: e.to + shift, text: e.text })) };
}

/**
 * Scans `input`, plans its fixes and applies them in memory. Never throws. `remaining: false` skips the scan of the
 * fixed text (a diff reports the file as it is); `remaining` is then the scan of the original.
 */
export function fixSource(input: ScanInput, kb: KnowledgeBase, options: ScanOptions & { remaining?: boolean }): FileFix {
  let scan: FileScan;
  const budget = timeBudgetOf(options);
  try {
    const prepared = prepareSource(input, options);
    if ('status' in prepared) return { scan: prepared, remaining: prepared };
    const analysis = analyzePython(prepared.program, { maxBytes: options.maxBytes, budget });
    scan = finishScan(prepared, analysis, kb, options, budget);
    if (scan.status !== 'analysed') return { scan, remaining: scan };
    const plan = new FixPlanner(prepared, analysis, kb, budget).planFile(scan.findings);
    const bom = hasBom(input) ? BOM : '';
    const original = bom + (prepared.notebook?.stored?.json ?? prepared.program);
    const { text, edits, unwritable } = fixedText(prepared, plan, bom.length);
    if (text === undefined || bom + text === original) return { scan, plan, original, remaining: scan, ...(unwritable ? { unwritable } : {}) };
    const fixed = bom + text;
    // The remaining findings come from the same pipeline run on what would be written.
    const remaining = 'cells' in input || options.remaining === false ? scan : rescan(input.path, fixed, kb, options, prepared.notebook ? undefined : plan.result, budget);
    return { scan, plan, original, fixed, ...(edits ? { edits } : {}), remaining };
  } catch (err) {
    const failed = failedScan(input.path, err);
    return { scan: failed, remaining: failed };
  }
}

/** The scan of the fixed text; a Python file's fixed program was parsed by the planner's check, so its tree is read. */
function rescan(path: string, text: string, kb: KnowledgeBase, options: ScanOptions, parsed: FixedProgram | undefined, budget: TimeBudget | undefined): FileScan {
  if (parsed?.tree) return finishScan(preparedText(path, parsed.program), analyzeTree(parsed.program, parsed.tree, budget), kb, options, budget);
  const prepared = prepareSource({ path, bytes: new TextEncoder().encode(text) }, { maxBytes: Number.MAX_SAFE_INTEGER });
  if ('status' in prepared) return prepared;
  return finishScan(prepared, analyzePython(prepared.program, { maxBytes: Number.MAX_SAFE_INTEGER, budget }), kb, options, budget);
}
