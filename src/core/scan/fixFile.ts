/**
 * The "fix a file" step on top of the scan pipeline: scan, plan every safe fix (core FixPlanner), and produce the
 * fixed file as stored (a notebook's JSON with only its cell sources changed), plus the scan of what remains.
 */
import type { KnowledgeBase } from '../../knowledge';
import { analyzePython } from '../python/analyze';
import { applyEdits, FixPlanner, type FilePlan, type TextEdit } from '../rules/fixes';
import { rewriteNotebookSources } from './notebookWrite';
import { finishScan, prepareSource, skipped, type PreparedSource, type ScanInput, type ScanOptions } from './scanFile';
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
  /** The scan of the fixed text (what is left to do by hand); the original scan when nothing changed. */
  remaining: FileScan;
  /** Why a changed notebook could not be written back (its JSON layout was not understood). */
  unwritable?: string;
}

const BOM = '\uFEFF';

/** The text as stored, a byte-order mark kept (the decoder drops it). */
function storedText(input: ScanInput, text: string): string {
  return 'bytes' in input && input.bytes[0] === 0xef && input.bytes[1] === 0xbb && input.bytes[2] === 0xbf ? BOM + text : text;
}

/** The fixed file text for `plan`, or why a notebook could not be written back. */
function fixedText(prepared: PreparedSource, plan: FilePlan): { text?: string; unwritable?: string } {
  if (plan.edits.length === 0) return {};
  const notebook = prepared.notebook;
  if (!notebook) return { text: applyEdits(prepared.program, plan.edits) };
  const stored = notebook.stored;
  if (!stored) return { unwritable: 'the cell sources could not be located in the notebook JSON; the notebook was left as it was' };
  const sources = new Map<number, string>();
  for (const { cell, index, edits } of splitByCell(prepared, plan.edits)) sources.set(index, applyEdits(notebook.sources[cell], edits));
  const json = rewriteNotebookSources(stored.json, stored.pieces, sources);
  return json === undefined ? { unwritable: 'the notebook JSON could not be rewritten safely; the notebook was left as it was' } : { text: json };
}

/** Scans `input`, plans its fixes and applies them in memory. Never throws. */
export function fixSource(input: ScanInput, kb: KnowledgeBase, options: ScanOptions): FileFix {
  let scan: FileScan;
  try {
    const prepared = prepareSource(input, options);
    if ('status' in prepared) return { scan: prepared, remaining: prepared };
    const analysis = analyzePython(prepared.program, { maxBytes: options.maxBytes });
    scan = finishScan(prepared, analysis, kb, options);
    if (scan.status !== 'analysed') return { scan, remaining: scan };
    const plan = new FixPlanner(prepared, analysis, kb).planFile(scan.findings);
    const original = prepared.notebook?.stored?.json ?? prepared.program;
    const { text, unwritable } = fixedText(prepared, plan);
    if (text === undefined || text === original) return { scan, plan, original: storedText(input, original), remaining: scan, ...(unwritable ? { unwritable } : {}) };
    const fixed = storedText(input, text);
    // The remaining findings come from the same pipeline run on what would be written.
    const remaining = 'cells' in input ? scan : rescan(input.path, fixed, kb, options);
    return { scan, plan, original: storedText(input, original), fixed, remaining };
  } catch {
    const failed = skipped(input.path, 'analysis-failed');
    return { scan: failed, remaining: failed };
  }
}

function rescan(path: string, text: string, kb: KnowledgeBase, options: ScanOptions): FileScan {
  const prepared = prepareSource({ path, bytes: new TextEncoder().encode(text) }, { maxBytes: Number.MAX_SAFE_INTEGER });
  if ('status' in prepared) return prepared;
  return finishScan(prepared, analyzePython(prepared.program, { maxBytes: Number.MAX_SAFE_INTEGER }), kb, options);
}
