/**
 * Commands "Port to PyTorch" / "Port to Keras" and their CodeLens: port the model under the cursor (or at the start
 * of the selection) with src/core/port and show the result in a new untitled editor beside the original, which is
 * never modified.
 */
import * as vscode from 'vscode';
import { findModelHeaders, findModelHeadersInSteps, portModel, type ModelHeader, type SourceFramework } from '../core/port';
import { runInSlices } from '../core/steps';
import { LineIndex } from '../core/text/lineIndex';
import { readConfig } from './config';
import { findNotebook, type DocumentAnalyses } from './documentAnalysis';
import type { FirstScans } from './firstScan';
import type { Log } from './output';

export interface PortDeps {
  log: Log;
  analyses: DocumentAnalyses;
  /** The first version of a large file: its models come from the first scan worker. */
  firstScans: FirstScans;
}

const COMMANDS: Record<SourceFramework, string> = {
  pytorch: 'frameworkGuide.portToPyTorch',
  keras: 'frameworkGuide.portToKeras',
};

export function registerPort(context: vscode.ExtensionContext, deps: PortDeps): void {
  for (const to of ['pytorch', 'keras'] as const) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMANDS[to], (uri?: unknown, offset?: unknown) => portCommand(to, deps, uri, offset)));
  }
  const lenses = new PortCodeLens(deps.analyses, deps.firstScans);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider({ language: 'python' }, lenses),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('frameworkGuide.port.codeLens')) lenses.refresh();
    }),
  );
}

async function portCommand(to: SourceFramework, deps: PortDeps, uri: unknown, offset: unknown): Promise<void> {
  const target = await targetOf(uri, offset);
  if (!target) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a Python file and put the cursor inside a model to port it.'));
    return;
  }
  const { document, at, end } = target;
  const outcome = portModel(document.getText(), { offset: at, ...(end !== undefined ? { end } : {}) }, { to });
  if (!outcome.ok) {
    deps.log.info(`port: ${document.uri.toString()}: ${outcome.message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot port: {0}', outcome.message));
    return;
  }
  const result = outcome.result;
  const ported = await vscode.workspace.openTextDocument({ language: 'python', content: result.code });
  await vscode.window.showTextDocument(ported, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  deps.log.info(`port: ${result.name} to ${to}: ${result.todos.length} TODO line(s)`);
  if (result.todos.length > 0) {
    const constructs = [...new Set(result.todos.map((t) => t.construct))].join(', ');
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was ported with {1} TODO line(s) for what the porter does not translate: {2}.', result.name, result.todos.length, constructs));
  }
}

/** The document and offset to port: from the CodeLens arguments, else the active editor's selection start. */
async function targetOf(uri: unknown, offset: unknown): Promise<{ document: vscode.TextDocument; at: number; end?: number } | undefined> {
  if (uri instanceof vscode.Uri && typeof offset === 'number') return { document: await vscode.workspace.openTextDocument(uri), at: offset };
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'python') return undefined;
  const { document, selection } = editor;
  return { document, at: document.offsetAt(selection.start), ...(selection.isEmpty ? {} : { end: document.offsetAt(selection.end) }) };
}

/** Longest piece of the lenses' model search between two yields, in ms (the analyses use 4 ms slices too). */
const LENS_SLICE_MS = 4;


/** A lens above each model the porter recognises, offering the other framework. */
class PortCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly firstScans: FirstScans,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const config = readConfig(document.uri);
    if (!config.port.codeLens) return [];
    const { headers, text } = await this.models(document, config.analysis.maxFileSize, token);
    if (headers.length === 0) return [];
    // Positions from the analysed text's own line index: a file of hundreds of models would otherwise make the host
    // build the document's line table and search it twice per lens, at once.
    const lines = new LineIndex(text);
    const position = (offset: number): vscode.Position => {
      const { line, character } = lines.positionOf(offset);
      return new vscode.Position(line, character);
    };
    return headers.map((model) => {
      const to: SourceFramework = model.framework === 'pytorch' ? 'keras' : 'pytorch';
      const range = new vscode.Range(position(model.headerSpan.from), position(model.headerSpan.to));
      return new vscode.CodeLens(range, {
        title: to === 'keras' ? vscode.l10n.t('Port to Keras') : vscode.l10n.t('Port to PyTorch'),
        command: COMMANDS[to],
        arguments: [document.uri, model.headerSpan.from],
      });
    });
  }

  /**
   * A file's models from the shared analysis cache, searched in slices: parsing a 10,000-line file here at once, then
   * searching it, held the extension host for about 0.2 s when the editor opened (measured in VS Code,
   * bench/activateVscode.ts). Only their headers: VS Code asks again after every edit, and the port command reads the
   * model it is run on. A notebook cell is small and is read on its own.
   */
  private async models(document: vscode.TextDocument, maxFileSize: number, token: vscode.CancellationToken): Promise<{ headers: ModelHeader[]; text: string }> {
    if (findNotebook(document)) {
      const text = document.getText();
      return { headers: text.length > maxFileSize ? [] : findModelHeaders(text), text };
    }
    const first = await this.firstScans.forDocument(document);
    if (first) return { headers: first.headers, text: document.getText() };
    if (token.isCancellationRequested) return { headers: [], text: '' };
    const parsed = await this.analyses.withTree(document, token);
    if (!parsed) return { headers: [], text: '' };
    const { text } = parsed.analysis;
    const out: { headers?: ModelHeader[] } = {};
    const done = await runInSlices(findModelHeadersInSteps(text, parsed.tree, parsed.analysis, out), { sliceMs: LENS_SLICE_MS, shouldStop: () => token.isCancellationRequested });
    return { headers: done ? (out.headers ?? []) : [], text };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
