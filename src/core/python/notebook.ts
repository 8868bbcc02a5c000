/** Turns a notebook's code cells into one Python program with a 1:1 offset map, and reads .ipynb JSON. */

export interface JoinedNotebook {
  /** The code cells in order, separated by one newline, IPython-only lines blanked with spaces. */
  text: string;
  /** Offset in `text` where each cell starts. */
  cellStarts: number[];
}

export interface NotebookCell {
  kind: 'code' | 'markdown' | 'raw';
  source: string;
  /** A code cell's own language, when the file names one (VS Code writes `metadata.vscode.languageId`). */
  language?: string;
}

export interface ParsedNotebook {
  cells: NotebookCell[];
  /** The kernel language (`python`), when the notebook says. */
  language?: string;
}

/** Replaces every character but line breaks with a space, so offsets and line numbers stay put. */
function blank(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\n' || ch === '\r' ? ch : ' '.repeat(ch.length);
  return out;
}

/** `%magic`, `%%cell_magic`, `!shell`: IPython syntax that is not Python; a regex on the line start only. */
const IPYTHON_LINE = /^[ \t]*[%!]/;
const CELL_MAGIC = /^[ \t]*%%/;

/**
 * Blanks what Python cannot parse: a cell starting with a `%%` cell magic (its body is another language or
 * runs under the magic, e.g. `%%bash`, `%%timeit`), and each `%line` magic or `!shell` line.
 */
function blankIPythonSyntax(cell: string): string {
  if (CELL_MAGIC.test(cell)) return blank(cell);
  const lines = cell.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (IPYTHON_LINE.test(lines[i])) {
      lines[i] = blank(lines[i]);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : cell;
}

/** The code cells as one program: an import in cell 1 resolves names in cell 5, as in the running kernel. */
export function joinNotebookCells(cells: string[]): JoinedNotebook {
  const cellStarts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const cell of cells) {
    cellStarts.push(offset);
    const code = blankIPythonSyntax(cell);
    parts.push(code);
    offset += code.length + 1;
  }
  return { text: parts.join('\n'), cellStarts };
}

/** The cell and offset inside it for an offset in the joined text; the separator newline belongs to the cell before. */
export function toCellOffset(joined: JoinedNotebook, globalOffset: number): { cell: number; offset: number } {
  const starts = joined.cellStarts;
  if (starts.length === 0) return { cell: 0, offset: 0 };
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= globalOffset) low = mid;
    else high = mid - 1;
  }
  return { cell: low, offset: Math.max(0, globalOffset - starts[low]) };
}

export function toGlobalOffset(joined: JoinedNotebook, cell: number, offset: number): number {
  if (cell < 0 || cell >= joined.cellStarts.length) throw new RangeError(`Notebook has no cell ${cell} (it has ${joined.cellStarts.length})`);
  return joined.cellStarts[cell] + offset;
}

/** nbformat stores text as a string or a list of lines (each keeping its newline). */
function sourceText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((line) => typeof line === 'string').join('');
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an .ipynb file (nbformat 4, and 3's worksheets); throws an Error that says what is wrong. */
export function parseIpynb(json: string): ParsedNotebook {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new Error(`Not a notebook: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isRecord(data)) throw new Error('Not a notebook: the JSON is not an object');
  let rawCells: unknown = data.cells;
  if (rawCells === undefined && Array.isArray(data.worksheets) && isRecord(data.worksheets[0])) rawCells = data.worksheets[0].cells;
  if (!Array.isArray(rawCells)) throw new Error('Not a notebook: no "cells" array');
  const cells: NotebookCell[] = rawCells.filter(isRecord).map((cell) => {
    const kind = cell.cell_type === 'code' || cell.cell_type === 'markdown' ? cell.cell_type : 'raw';
    // nbformat 3 keeps code in `input`.
    const read: NotebookCell = { kind, source: sourceText(cell.source ?? cell.input) };
    // A cell VS Code ran in another language (SQL, R, a shell) says so in its metadata; it is not Python.
    const vscode = isRecord(cell.metadata) && isRecord(cell.metadata.vscode) ? cell.metadata.vscode : undefined;
    if (kind === 'code' && typeof vscode?.languageId === 'string') read.language = vscode.languageId;
    return read;
  });
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const kernelspec = isRecord(metadata.kernelspec) ? metadata.kernelspec : {};
  const languageInfo = isRecord(metadata.language_info) ? metadata.language_info : {};
  const language = typeof languageInfo.name === 'string' ? languageInfo.name : typeof kernelspec.language === 'string' ? kernelspec.language : undefined;
  return language ? { cells, language } : { cells };
}
