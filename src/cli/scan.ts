/** Reads one file (Python or notebook), analyses it and returns its references and findings with line/column positions. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KnowledgeBase } from '../knowledge';
import { analyzePython, joinNotebookCells, parseIpynb, toCellOffset, type PythonAnalysis, type Span } from '../core/python';
import { findDeprecations, type Finding } from '../core/rules/findings';
import { LineIndex } from '../core/text/lineIndex';

/** 1-based, columns in UTF-16 code units (SARIF's default `utf16CodeUnits`). */
export interface Location {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** For notebooks: the 1-based cell number among all cells (markdown included), lines counted inside it. */
  cell?: number;
}

export interface ScannedReference {
  qualifiedName: string;
  written: string;
  inImport: boolean;
  location: Location;
}

export interface ScannedFinding extends Finding {
  location: Location;
}

export interface FileReport {
  /** Relative to the working folder, with forward slashes. */
  path: string;
  frameworks: string[];
  hasSyntaxErrors: boolean;
  references: ScannedReference[];
  findings: ScannedFinding[];
}

export type ScanOutcome = { ok: true; report: FileReport } | { ok: false; path: string; message: string };

type Locate = (span: Span) => Location;

function plainLocator(text: string): Locate {
  const lines = new LineIndex(text);
  return (span) => {
    const start = lines.positionOf(span.from);
    const end = lines.positionOf(span.to);
    return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file) || path.basename(file);
  return relative.split(path.sep).join('/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function collect(analysis: PythonAnalysis, kb: KnowledgeBase, locate: Locate, file: string): FileReport {
  return {
    path: displayPath(file),
    frameworks: [...analysis.frameworks].sort(),
    hasSyntaxErrors: analysis.hasSyntaxErrors,
    references: analysis.references.map((r) => ({ qualifiedName: r.qualifiedName, written: r.written, inImport: r.inImport, location: locate(r.span) })),
    findings: findDeprecations(analysis, kb).map((f) => ({ ...f, location: locate(f.span) })),
  };
}

/** Scans one file; every problem becomes a one-line message instead of an exception. */
export function scanFile(file: string, kb: KnowledgeBase, maxFileSize: number): ScanOutcome {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) return { ok: false, path: shown, message: `skipped: ${size} bytes is above --max-file-size ${maxFileSize}` };
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, path: shown, message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  if (bytes.includes(0)) return { ok: false, path: shown, message: 'skipped: binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, path: shown, message: 'skipped: not valid UTF-8 (re-save the file as UTF-8)' };
  }
  const options = { maxBytes: maxFileSize };
  if (path.extname(file).toLowerCase() !== '.ipynb') {
    const analysis = analyzePython(text, options);
    if (analysis.skipped) return { ok: false, path: shown, message: `skipped: analysis ${analysis.skipped === 'too-large' ? 'size limit reached' : 'failed'}` };
    return { ok: true, report: collect(analysis, kb, plainLocator(text), file) };
  }
  let notebook;
  try {
    notebook = parseIpynb(text);
  } catch (err) {
    return { ok: false, path: shown, message: (err as Error).message };
  }
  if (notebook.language && notebook.language.toLowerCase() !== 'python') return { ok: false, path: shown, message: `skipped: notebook language is ${notebook.language}, not Python` };
  const codeCellNumbers: number[] = [];
  const codeSources: string[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.kind !== 'code') return;
    codeCellNumbers.push(index + 1);
    codeSources.push(cell.source);
  });
  const joined = joinNotebookCells(codeSources);
  const analysis = analyzePython(joined.text, options);
  if (analysis.skipped) return { ok: false, path: shown, message: `skipped: analysis ${analysis.skipped === 'too-large' ? 'size limit reached' : 'failed'}` };
  const locateInJoined = plainLocator(joined.text);
  const cellFirstLines = joined.cellStarts.map((start) => locateInJoined({ from: start, to: start }).startLine);
  const locate: Locate = (span) => {
    const { cell } = toCellOffset(joined, span.from);
    const location = locateInJoined(span);
    const lineShift = cellFirstLines[cell] - 1;
    return { ...location, startLine: location.startLine - lineShift, endLine: location.endLine - lineShift, cell: codeCellNumbers[cell] };
  };
  return { ok: true, report: collect(analysis, kb, locate, file) };
}
