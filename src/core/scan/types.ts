/** The per-file result of the scan pipeline: what every front door (CLI, workspace scan, diagnostics) reports. */
import type { Finding } from '../rules/findings';

/** Why a file was not analysed. */
export type SkipReason =
  | 'too-large'
  | 'not-regular-file'
  | 'binary'
  | 'not-utf8'
  | 'invalid-notebook'
  | 'not-python-notebook'
  | 'analysis-failed'
  | 'timed-out';

/** 1-based lines, columns in UTF-16 code units (SARIF's default `utf16CodeUnits`, and VS Code's). */
export interface LineRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Location extends LineRange {
  /** Offsets in the source the lines count in: the file's text, or for a notebook the cell's source. */
  from: number;
  to: number;
  /** Notebooks: the 0-based index of the cell among all cells (markdown included, as the notebook editor counts). */
  cell?: number;
  /** Notebook files read as stored: the same span in the .ipynb JSON text, where a text viewer shows it. */
  stored?: LineRange;
}

export interface ScannedReference {
  qualifiedName: string;
  written: string;
  inImport: boolean;
  location: Location;
}

/** A finding with where it is; `span` stays in the analysed program's offsets (a notebook: its joined code cells). */
export interface ScannedFinding extends Finding {
  location: Location;
  /** The severity the project's rule selection gives this rule (`severity` in its configuration), when it sets one. */
  configuredSeverity?: 'error' | 'warning' | 'information' | 'hint';
}

export interface SkippedFile {
  status: 'skipped';
  path: string;
  reason: SkipReason;
  /** One line for people: what was wrong and, where it helps, what to do. */
  message: string;
}

export interface AnalysedFile {
  status: 'analysed';
  path: string;
  frameworks: string[];
  hasSyntaxErrors: boolean;
  /** Framework references (only when asked for: they outnumber findings by far). */
  references: ScannedReference[];
  /** Deprecated and removed API uses, in source order, after inline suppressions. */
  findings: ScannedFinding[];
  /** Findings silenced by a `# framework-guide: ignore` comment. */
  suppressed: number;
  /** Findings the project's rule selection leaves out (not selected, ignored, off, or after its target release). */
  deselected?: number;
}

export type FileScan = SkippedFile | AnalysedFile;
