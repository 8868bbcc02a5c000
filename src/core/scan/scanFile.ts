/**
 * The one "scan a file" step: size, binary and encoding checks, notebook join, analysis, findings, inline
 * suppressions and locations (cell-relative and, for .ipynb files, in the stored JSON). The CLI, the workspace scan
 * and the diagnostics all go through it, so a rule cannot work in one front door and not in another.
 */
import type { KnowledgeBase } from '../../knowledge';
import { TimeBudget, TimeBudgetExceeded } from '../budget';
import { analyzePython, exceedsUtf8Bytes } from '../python/analyze';
import { joinNotebookCells, parseIpynb, toCellOffset, type JoinedNotebook } from '../python/notebook';
import type { PythonAnalysis, Span } from '../python/types';
import { findDeprecationsInSteps, type Finding } from '../rules/findings';
import { selectFindings, type RuleSelection } from '../rules/selection';
import { drain, type Steps } from '../steps';
import { Suppressions } from '../rules/suppress';
import { LineIndex } from '../text/lineIndex';
import { locateCellSources, storedOffset, type SourcePiece } from './notebookPositions';
import type { FileScan, LineRange, Location, ScannedFinding, ScannedReference, SkipReason, SkippedFile } from './types';

/** A cell of a notebook open in an editor. */
export interface EditorCell {
  kind: 'code' | 'markdown' | 'raw';
  source: string;
  /** The cell's language id; code cells in another language than python are left out. */
  language?: string;
}

/** What to scan: a file as stored (`.ipynb` by its name, else Python), a Python text, or an open notebook's cells. */
export type ScanInput = { path: string; bytes: Uint8Array } | { path: string; text: string } | { path: string; cells: readonly EditorCell[] };

export interface ScanOptions {
  /** Files (and notebook programs) above this many bytes are skipped. */
  maxBytes: number;
  /** Seconds one file's work may take; a file that takes longer is skipped as `timed-out`. No limit when unset. */
  timeLimit?: number;
  /** Also list framework references with their locations (the CLI's --references and JSON). */
  references?: boolean;
  /** The project's rule selection (configuration file or settings): which findings to report, at which severity. */
  rules?: RuleSelection;
}

/** The Python program a source stands for, and how to map its offsets back. */
export interface PreparedSource {
  path: string;
  /** The text the analysis runs on: the file's text, or a notebook's code cells joined. */
  program: string;
  notebook?: PreparedNotebook;
}

export interface PreparedNotebook {
  joined: JoinedNotebook;
  /** Index among all cells of each joined code cell. */
  cellIndexes: number[];
  /** The joined code cells' sources as written (IPython lines not blanked). */
  sources: string[];
  /** For an .ipynb file: its JSON text and each cell's source literals, by index among all cells. */
  stored?: { json: string; pieces: SourcePiece[][] };
}

export function isNotebookPath(path: string): boolean {
  return path.toLowerCase().endsWith('.ipynb');
}

const SKIP_MESSAGES: Record<Exclude<SkipReason, 'too-large' | 'invalid-notebook' | 'not-python-notebook' | 'not-regular-file' | 'timed-out'>, string> = {
  binary: 'binary file (contains NUL bytes)',
  'not-utf8': 'not valid UTF-8 (re-save the file as UTF-8)',
  'analysis-failed': 'the analysis failed on this file (please report it)',
};

/** A skipped-file result; `detail` completes the reasons that need one (a size, a notebook's language, a parse error). */
export function skipped(path: string, reason: SkipReason, detail?: string): SkippedFile {
  let message: string;
  if (reason === 'too-large') message = `larger than the size limit${detail ? ` (${detail})` : ''}`;
  else if (reason === 'not-regular-file') message = `not a regular file${detail ? ` (${detail})` : ''}`;
  else if (reason === 'invalid-notebook') message = detail ?? 'not a notebook';
  else if (reason === 'not-python-notebook') message = `notebook language is ${detail ?? 'not Python'}, not Python`;
  else if (reason === 'timed-out') message = `took longer than the per-file time limit${detail ? ` (${detail})` : ''}`;
  else message = SKIP_MESSAGES[reason];
  return { status: 'skipped', path, reason, message };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function prepareNotebook(path: string, cells: ReadonlyArray<{ kind: string; source: string; language?: string }>, stored?: PreparedNotebook['stored']): PreparedSource {
  const cellIndexes: number[] = [];
  const sources: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.kind !== 'code' || (cell.language !== undefined && cell.language !== 'python')) return;
    cellIndexes.push(index);
    sources.push(cell.source);
  });
  const joined = joinNotebookCells(sources);
  return { path, program: joined.text, notebook: { joined, cellIndexes, sources, stored } };
}

/** The prepared form of a Python text whose size the caller already checked (an editor document). */
export function preparedText(path: string, text: string): PreparedSource {
  return { path, program: text };
}

/** Checks and decodes the input and builds the program to analyse; a SkippedFile says why there is none. */
export function prepareSource(input: ScanInput, options: Pick<ScanOptions, 'maxBytes'>): PreparedSource | SkippedFile {
  const { path } = input;
  if ('cells' in input) return prepareNotebook(path, input.cells);
  let text: string;
  if ('bytes' in input) {
    const { bytes } = input;
    if (bytes.length > options.maxBytes) return skipped(path, 'too-large', `${bytes.length} bytes, limit ${options.maxBytes}`);
    if (bytes.includes(0)) return skipped(path, 'binary');
    try {
      text = utf8.decode(bytes);
    } catch {
      return skipped(path, 'not-utf8');
    }
    if (isNotebookPath(path)) {
      let notebook;
      try {
        notebook = parseIpynb(text);
      } catch (err) {
        return skipped(path, 'invalid-notebook', err instanceof Error ? err.message : String(err));
      }
      if (notebook.language && notebook.language.toLowerCase() !== 'python') return skipped(path, 'not-python-notebook', notebook.language);
      const pieces = locateCellSources(text);
      // Positions in the JSON only when the scanner saw the same cells as the parser.
      const stored = pieces && pieces.length === notebook.cells.length ? { json: text, pieces } : undefined;
      return prepareNotebook(path, notebook.cells, stored);
    }
  } else {
    text = input.text;
    if (exceedsUtf8Bytes(text, options.maxBytes)) return skipped(path, 'too-large', `limit ${options.maxBytes} bytes`);
  }
  return preparedText(path, text);
}

/** Maps analysis spans to locations in the source the user sees, computing line tables once per text. */
class Locator {
  private programLines?: LineIndex;
  private readonly cellLines: LineIndex[] = [];
  private storedLines?: LineIndex;

  constructor(private readonly prepared: PreparedSource) {}

  locate(span: Span): Location {
    const { notebook } = this.prepared;
    if (!notebook) {
      this.programLines ??= new LineIndex(this.prepared.program);
      return { from: span.from, to: span.to, ...range(this.programLines, span.from, span.to) };
    }
    const start = toCellOffset(notebook.joined, span.from);
    const source = notebook.sources[start.cell] ?? '';
    const end = toCellOffset(notebook.joined, span.to);
    // A span never crosses cells in practice; clamp to the cell so a location never points into the next one.
    const to = end.cell === start.cell ? end.offset : source.length;
    const lines = (this.cellLines[start.cell] ??= new LineIndex(source));
    const cell = notebook.cellIndexes[start.cell];
    const location: Location = { from: start.offset, to, ...range(lines, start.offset, to), cell };
    const stored = notebook.stored;
    const pieces = stored?.pieces[cell];
    if (stored && pieces) {
      const rawFrom = storedOffset(stored.json, pieces, start.offset);
      const rawTo = storedOffset(stored.json, pieces, to);
      if (rawFrom !== undefined && rawTo !== undefined) {
        this.storedLines ??= new LineIndex(stored.json);
        location.stored = range(this.storedLines, rawFrom, rawTo);
      }
    }
    return location;
  }
}

function range(lines: LineIndex, from: number, to: number): LineRange {
  const start = lines.positionOf(from);
  const end = lines.positionOf(to);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Findings (suppressions applied), references and locations of an analysis of `prepared.program`. */
export function finishScan(prepared: PreparedSource, analysis: PythonAnalysis, kb: KnowledgeBase, options: Pick<ScanOptions, 'references' | 'rules'> = {}, budget?: TimeBudget): FileScan {
  const out: { result?: FileScan } = {};
  drain(finishScanInSteps(prepared, analysis, kb, options, out), budget && (() => budget.check()));
  return out.result as FileScan;
}

/** finishScan in steps, the result into `out.result`: the diagnostics of an editor give the thread back in between. */
export function* finishScanInSteps(prepared: PreparedSource, analysis: PythonAnalysis, kb: KnowledgeBase, options: Pick<ScanOptions, 'references' | 'rules'>, out: { result?: FileScan }): Steps {
  if (analysis.skipped === 'too-large') {
    out.result = skipped(prepared.path, 'too-large');
    return;
  }
  if (analysis.skipped === 'error') {
    out.result = skipped(prepared.path, 'analysis-failed');
    return;
  }
  const locator = new Locator(prepared);
  const suppressions = new Suppressions(analysis.text);
  const found: Finding[] = [];
  yield* findDeprecationsInSteps(analysis, kb, found);
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of found) {
    if (suppressions.isSuppressed(finding.span.from, finding.ruleId)) suppressed++;
    else kept.push(finding);
  }
  const selected = selectFindings(kept, options.rules, kb);
  const deselected = selected.deselected;
  const findings: ScannedFinding[] = selected.findings.map((finding) => ({ ...finding, location: locator.locate(finding.span) }));
  const references: ScannedReference[] = [];
  if (options.references) {
    for (const r of analysis.references) references.push({ qualifiedName: r.qualifiedName, written: r.written, inImport: r.inImport, location: locator.locate(r.span) });
  }
  out.result = {
    status: 'analysed',
    path: prepared.path,
    frameworks: [...analysis.frameworks].sort(),
    hasSyntaxErrors: analysis.hasSyntaxErrors,
    references,
    findings,
    suppressed,
    ...(deselected ? { deselected } : {}),
  };
}

/** The whole pipeline for one file: prepare, analyse, finish. Never throws. */
export function scanSource(input: ScanInput, kb: KnowledgeBase, options: ScanOptions): FileScan {
  const budget = timeBudgetOf(options);
  try {
    const prepared = prepareSource(input, options);
    if ('status' in prepared) return prepared;
    return finishScan(prepared, analyzePython(prepared.program, { maxBytes: options.maxBytes, budget }), kb, options, budget);
  } catch (err) {
    return failedScan(input.path, err);
  }
}

/** A fresh budget for one file's work, when the options set a time limit. */
export function timeBudgetOf(options: Pick<ScanOptions, 'timeLimit'>): TimeBudget | undefined {
  return options.timeLimit === undefined ? undefined : new TimeBudget(options.timeLimit);
}

/** The skipped result for a scan that threw: over its time limit, or a failed analysis (a bug to report). */
export function failedScan(path: string, err: unknown): SkippedFile {
  return err instanceof TimeBudgetExceeded ? skipped(path, 'timed-out', `${err.seconds} s`) : skipped(path, 'analysis-failed');
}
