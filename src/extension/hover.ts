/** Hover provider: framework notes on imports and API uses in Python files, untitled editors and notebook cells. */
import * as vscode from 'vscode';
import { composeHoverNote, HOVER_COMMANDS } from '../core/notes/hoverNote';
import { readConfig } from './config';
import type { DocumentAnalyses } from './documentAnalysis';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';

/** Python in any scheme: files, untitled editors, notebook cells, remote and virtual (web) workspaces. */
export const PYTHON_SELECTOR: vscode.DocumentSelector = [{ language: 'python' }];

export interface HoverDeps {
  analyses: DocumentAnalyses;
  store: KnowledgeStore;
  log: Log;
}

export class FrameworkHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

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
      const note = composeHoverNote(symbol, result, { verbosity: config.verbosity, showEquivalents: config.showEquivalents }, (n) => kb.resolve(n));
      const markdown = new vscode.MarkdownString(note.markdown);
      markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      return new vscode.Hover(markdown, view.toRange(symbol.span.from, symbol.span.to));
    } catch (err) {
      this.deps.log.error(`Hover failed in ${document.uri.toString()}`, err);
      return undefined;
    }
  }
}

export function registerHover(context: vscode.ExtensionContext, deps: HoverDeps): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(PYTHON_SELECTOR, new FrameworkHoverProvider(deps)));
}
