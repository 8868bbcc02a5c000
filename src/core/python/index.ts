/** The public API of the Python analysis: analysis, incremental cache, notebooks and the plain data types. */
export { analyzePython, analyzePythonAsync, AnalysisCache, DEFAULT_MAX_BYTES, exceedsUtf8Bytes } from './analyze';
export { DocumentAnalysisCache, SLICED_PARSE_THRESHOLD } from './documentCache';
export type { DocumentRequest, DocumentResult } from './documentCache';
export { changedRange, MappedAnalysis } from './editMapping';
export { referenceAt } from './referenceAt';
export type { AnalyzeOptions, AsyncAnalyzeOptions, TextChange } from './analyze';
export { FRAMEWORK_ROOTS, frameworkRootOf } from './collect';
export { joinNotebookCells, toCellOffset, toGlobalOffset, parseIpynb } from './notebook';
export type { JoinedNotebook, NotebookCell, ParsedNotebook } from './notebook';
export type { Span, FrameworkRoot, ImportBinding, ImportStatement, FrameworkReference, SymbolAtPosition, PythonAnalysis } from './types';
