/** Hover provider: framework notes on imports and API uses in Python files, untitled editors and notebook cells. */
import * as vscode from 'vscode';
import { composeHoverNote, HOVER_COMMANDS } from '../core/notes/hoverNote';
import { readConfig } from './config';
import { findNotebook, type DocumentAnalyses } from './documentAnalysis';
import type { DeprecationDiagnostics } from './diagnostics';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';

/** Python in any scheme: files, untitled editors, notebook cells, remote and virtual (web) workspaces. */
export const PYTHON_SELECTOR: vscode.DocumentSelector = [{ language: 'python' }];

export interface HoverDeps {
  analyses: DocumentAnalyses;
  store: KnowledgeStore;
  log: Log;
  diagnostics: DeprecationDiagnostics;
}

export class FrameworkHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  private fileSummary(document: vscode.TextDocument): { removed: number; deprecated: number } {
    const counts = { removed: 0, deprecated: 0 };
    const notebook = findNotebook(document)?.notebook;
    for (const doc of notebook ? notebook.getCells().map((c) => c.document) : [document]) countFindings(this.deps.diagnostics.recordsFor(doc.uri), counts);
    return counts;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const config = readConfig(document.uri).hover;
    if (!config.enabled) return undefined;
    try {
      const view = await this.deps.analyses.forHover(document, token);
      if (!view || token.isCancellationRequested) return undefined;
      const symbol = view.analysis.symbolAt(view.toAnalysisOffset(position));
      if (!symbol) return undefined;
      const kb = this.deps.store.peekKnowledge() ?? (await this.deps.store.getKnowledge());
      if (token.isCancellationRequested) return undefined;
      const result = await this.deps.store.lookup(kb, symbol.qualifiedName);
      if (!result || !config.frameworks.includes(result.entry.framework)) return undefined;
      const diagnosticShown = this.deps.diagnostics.recordsFor(document.uri).some((r) => r.diagnostic.range.contains(position));
      const fileSummary = symbol.inImport ? this.fileSummary(document) : undefined;
      const options = { verbosity: config.verbosity, showEquivalents: config.showEquivalents, diagnosticShown, ...(fileSummary ? { fileSummary } : {}) };
      const note = composeHoverNote(symbol, result, options, (n) => kb.resolve(n));
      const markdown = new vscode.MarkdownString(note.markdown);
      markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      return new vscode.Hover(markdown, view.toRange(symbol.span.from, symbol.span.to));
    } catch (err) {
      this.deps.log.error(`Hover failed in ${document.uri.toString()}`, err);
      return undefined;
    }
  }
}

/** Removed and deprecated uses in the document's file (a notebook: all its cells), from its diagnostics. */
function countFindings(records: ReadonlyArray<{ finding: { status: string } }>, into: { removed: number; deprecated: number }): void {
  for (const r of records) {
    if (r.finding.status === 'removed') into.removed++;
    else into.deprecated++;
  }
}

export function registerHover(context: vscode.ExtensionContext, deps: HoverDeps): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(PYTHON_SELECTOR, new FrameworkHoverProvider(deps)));
}
