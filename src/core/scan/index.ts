/** The public API of the scan pipeline: one per-file step shared by the CLI, the workspace scan and the diagnostics. */
export { scanSource, prepareSource, finishScan, skipped, isNotebookPath } from './scanFile';
export type { ScanInput, ScanOptions, PreparedSource, EditorCell } from './scanFile';
export type { FileScan, AnalysedFile, SkippedFile, SkipReason, Location, LineRange, ScannedFinding, ScannedReference } from './types';
