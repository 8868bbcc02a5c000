/**
 * The Python analysis of an open document or notebook, parsed at most once per version and incrementally from the
 * previous one (core DocumentAnalysisCache), with offsets mapped between a notebook cell and the notebook's joined program.
 */
import type { Tree } from '@lezer/common';
import * as vscode from 'vscode';
import { DocumentAnalysisCache, toGlobalOffset, type DocumentResult, type PythonAnalysis } from '../core/python';
import { prepareSource, preparedText, splitByCell, type EditorCell, type PreparedSource } from '../core/scan';
import type { Log } from './output';

export interface DocumentView {
  /** The program the core scan pipeline analysed (the document's text, or its notebook's code cells joined). */
  prepared: PreparedSource;
  analysis: PythonAnalysis;
  /** For a notebook cell: its index among all the notebook's cells (the pipeline's `location.cell`). */
  cell?: number;
  /** Offset in `analysis.text` of a position in the document. */
  toAnalysisOffset(position: vscode.Position): number;
  /** Range in the document of a span of `analysis.text`, or undefined when the span lies in another cell. */
  toRange(from: number, to: number): vscode.Range | undefined;
  /** The document (for a notebook: the cell) and range of a span of `analysis.text`, wherever it lies. */
  toLocation(from: number, to: number): vscode.Location | undefined;
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new DocumentAnalysisCache(32);
  private readonly toldTooLarge = new Set<string>();
  private readonly documentIds = new WeakMap<vscode.TextDocument, number>();
  private nextDocumentId = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly maxFileSize: () => number,
    private readonly log: Log,
  ) {
    this.disposables.push(
      // The edits, so that a hover right after one maps the last analysis without reading a large document's text.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || e.document.languageId !== 'python' || e.document.uri.scheme === 'vscode-notebook-cell') return;
        this.cache.noteEdit(
          this.keyOf(e.document),
          e.document.version,
          e.contentChanges.map((c) => ({ from: c.rangeOffset, to: c.rangeOffset + c.rangeLength, insertedLength: c.text.length })),
        );
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(this.keyOf(d))),
      vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n.uri.toString())),
    );
  }

  /**
   * The cache key of a file or untitled document: its URI and which open document it is. VS Code gives the next
   * untitled editor the URI of one just closed, possibly before that one's close event arrives; by URI and version
   * alone, the new document would be answered with the closed one's analysis.
   */
  private keyOf(document: vscode.TextDocument): string {
    let id = this.documentIds.get(document);
    if (id === undefined) this.documentIds.set(document, (id = this.nextDocumentId++));
    return `${document.uri.toString()}#${id}`;
  }

  /** True when the host has analysed (or is analysing) some version of this file. */
  has(document: vscode.TextDocument): boolean {
    return this.cache.has(this.keyOf(document));
  }

  /** Parses done so far (tests check "once per version"). */
  get parseCount(): number {
    return this.cache.parseCount;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.cache.clear();
  }

  private forget(key: string): void {
    this.cache.delete(key);
    this.toldTooLarge.delete(key);
  }

  /**
   * The analysis for `document` (a file, an untitled editor or a notebook cell), or undefined when the file
   * is too large or the work was cancelled. Large first parses yield to the event loop between slices.
   */
  async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
    const notebook = findNotebook(document);
    if (notebook) return this.forNotebook(notebook.notebook, notebook.cellIndex, token);
    const analysis = await this.analyse(this.keyOf(document), document.version, document.getText(), document.fileName, token);
    return analysis && fileView(document, analysis);
  }

  /**
   * What a hover answers from: like `get`, but an unchanged document's analysis is found without reading its text,
   * and after an edit the previous analysis (mapped through the edit) answers while the new one is computed.
   */
  async forHover(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
    const notebook = findNotebook(document);
    if (notebook) return this.forNotebook(notebook.notebook, notebook.cellIndex, token);
    const key = this.keyOf(document);
    const result = await this.cache.forHover(key, document.version, () => document.getText(), this.request(token));
    const analysis = this.accept(key, document.fileName, result);
    return analysis && fileView(document, analysis);
  }

  /**
   * A file's analysis and syntax tree from the shared cache (parsed incrementally, in slices), for a feature that walks
   * the tree itself; undefined for a notebook cell, a file over the size limit or cancelled work.
   */
  async withTree(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<{ analysis: PythonAnalysis; tree: Tree } | undefined> {
    if (findNotebook(document)) return undefined;
    const view = await this.get(document, token);
    const tree = view && this.cache.tree(this.keyOf(document), document.version);
    return view && tree ? { analysis: view.analysis, tree } : undefined;
  }

  private async forNotebook(notebook: vscode.NotebookDocument, cellIndex: number, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
    const cells = notebook.getCells();
    const editorCells: EditorCell[] = cells.map((c) => ({
      kind: c.kind === vscode.NotebookCellKind.Code ? 'code' : 'markdown',
      source: c.document.getText(),
      language: c.document.languageId,
    }));
    // The same join as the CLI and the workspace scan: one core step decides which cells make the program.
    const prepared = prepareSource({ path: notebook.uri.path, cells: editorCells }, { maxBytes: Number.MAX_SAFE_INTEGER });
    if ('status' in prepared || !prepared.notebook) return undefined;
    const { joined, cellIndexes } = prepared.notebook;
    const index = cellIndexes.indexOf(cellIndex);
    if (index < 0) return undefined;
    // Any cell edit or structure change gives a new version: hash the notebook and cell versions together.
    const version = hashVersions([notebook.version, ...cellIndexes.map((i) => cells[i].document.version), cellIndexes.length]);
    const analysis = await this.analyse(notebook.uri.toString(), version, prepared.program, notebook.uri.path, token);
    if (!analysis) return undefined;
    const document = cells[cellIndex].document;
    const cellStart = joined.cellStarts[index];
    const cellEnd = cellStart + editorCells[cellIndex].source.length;
    return {
      prepared,
      analysis,
      cell: cellIndex,
      toAnalysisOffset: (p) => toGlobalOffset(joined, index, document.offsetAt(p)),
      toRange: (from, to) => (from >= cellStart && to <= cellEnd ? new vscode.Range(document.positionAt(from - cellStart), document.positionAt(to - cellStart)) : undefined),
      toLocation: (from, to) => {
        // The same split as the CLI's notebook writer: an insertion at a cell's very end stays in that cell.
        const [part] = splitByCell(prepared, [{ from, to, text: '' }]);
        const cellDocument = part && cells[part.index]?.document;
        if (!cellDocument) return undefined;
        const edit = part.edits[0];
        return new vscode.Location(cellDocument.uri, new vscode.Range(cellDocument.positionAt(edit.from), cellDocument.positionAt(edit.to)));
      },
    };
  }

  private async analyse(key: string, version: number, text: string, label: string, token?: vscode.CancellationToken): Promise<PythonAnalysis | undefined> {
    return this.accept(key, label, await this.cache.get(key, version, text, this.request(token)));
  }

  private request(token?: vscode.CancellationToken) {
    return { maxBytes: this.maxFileSize(), shouldStop: () => token?.isCancellationRequested ?? false };
  }

  /** The analysis to use, telling the user once per document when the file is over the size limit. */
  private accept(key: string, label: string, result: DocumentResult | undefined): PythonAnalysis | undefined {
    if (result !== 'too-large') return result;
    this.tellTooLarge(key, label, this.maxFileSize());
    return undefined;
  }

  private tellTooLarge(key: string, label: string, limit: number): void {
    if (this.toldTooLarge.has(key)) return;
    this.toldTooLarge.add(key);
    const name = label.split('/').pop() ?? label;
    this.log.info(`Skipped ${label}: it is over frameworkGuide.analysis.maxFileSize (${limit} bytes).`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Framework Guide does not analyse {0}: the file is larger than the {1} MB limit (setting frameworkGuide.analysis.maxFileSize).', name, (limit / 1_000_000).toFixed(1)),
    );
  }
}

/** The view of a file or untitled document: offsets in the analysed text are offsets in the document. */
function fileView(document: vscode.TextDocument, analysis: PythonAnalysis): DocumentView {
  return {
    // Built when read: a hover reads only the analysis, which may not have materialised the text (MappedAnalysis).
    get prepared() {
      return preparedText(document.uri.path, analysis.text);
    },
    analysis,
    toAnalysisOffset: (p) => document.offsetAt(p),
    toRange: (from, to) => new vscode.Range(document.positionAt(from), document.positionAt(to)),
    toLocation: (from, to) => new vscode.Location(document.uri, new vscode.Range(document.positionAt(from), document.positionAt(to))),
  };
}

/** The notebook a cell document belongs to, and the cell's index; undefined for other documents. */
export function findNotebook(cell: vscode.TextDocument): { notebook: vscode.NotebookDocument; cellIndex: number } | undefined {
  if (cell.uri.scheme !== 'vscode-notebook-cell') return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const match = notebook.getCells().find((c) => c.document === cell || c.document.uri.toString() === cell.uri.toString());
    if (match) return { notebook, cellIndex: match.index };
  }
  return undefined;
}

/** A 32-bit FNV-1a hash of the numbers, as the cache's version key for a notebook. */
function hashVersions(values: number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    h ^= v & 0xffffffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
