/** The public API of the scan pipeline: one per-file step shared by the CLI, the workspace scan and the diagnostics. */
export { scanSource, prepareSource, preparedText, finishScan, finishScanInSteps, skipped, isNotebookPath } from './scanFile';
export type { ScanInput, ScanOptions, PreparedSource, PreparedNotebook, EditorCell } from './scanFile';
export type { FileScan, AnalysedFile, SkippedFile, SkipReason, Location, LineRange, ScannedFinding, ScannedReference } from './types';
export { fixSource, splitByCell } from './fixFile';
export { scanForEditor, type EditorScan } from './editorScan';
export type { FileFix, CellEdits } from './fixFile';
export { rewriteNotebookSources } from './notebookWrite';
