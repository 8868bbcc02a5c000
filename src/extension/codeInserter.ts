/**
 * Inserts snippets and example code into Python editors and notebook cells, adding only the imports the file
 * lacks (at the top of the file, or in the first code cell of a notebook), and remembers the last Python editor.
 */
import * as vscode from 'vscode';
import { analyzePython } from '../core/python';
import { bindingsFromAnalysis, planInsertion } from '../core/snippets/plan';
import { importInsertionOffset, splitImports } from '../core/snippets/placement';
import type { SnippetVariant } from '../core/snippets/types';
import { findNotebook, type DocumentAnalyses } from './documentAnalysis';

export class CodeInserter {
  private last: vscode.TextEditor | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly analyses: DocumentAnalyses,
  ) {
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor && editor.document.languageId === 'python') this.last = editor;
    };
    remember(vscode.window.activeTextEditor);
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(remember));
  }

  /**
   * The editor to insert into: the active Python editor, else the last active one. When that one's tab is hidden (the
   * comparison panel often covers it), its file is shown again beside the active group with the cursor where it was.
   * Else any visible Python editor. A notebook cell is not shown again, as it would open as a plain file.
   */
  async pythonEditor(): Promise<vscode.TextEditor | undefined> {
    const visible = vscode.window.visibleTextEditors;
    // The active editor can be behind a webview revealed in its group without taking focus.
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === 'python' && visible.includes(active)) return active;
    // `last` is the active editor too when that one is a Python editor (see remember above).
    const last = this.last;
    if (last && visible.includes(last)) return last;
    if (last && !last.document.isClosed && last.document.uri.scheme !== 'vscode-notebook-cell') {
      return vscode.window.showTextDocument(last.document, { viewColumn: vscode.ViewColumn.Beside, selection: last.selection, preserveFocus: false });
    }
    return visible.find((e) => e.document.languageId === 'python');
  }

  /** Inserts a catalog snippet at the cursor as a real snippet (tab stops), reusing the file's aliases. */
  async insertSnippet(editor: vscode.TextEditor, variant: SnippetVariant): Promise<boolean> {
    const view = await this.analyses.get(editor.document);
    const plan = planInsertion(variant, { bindings: view ? bindingsFromAnalysis(view.analysis) : [] });
    // Imports first: the edit above the cursor shifts the selection, and the snippet session stays intact.
    if (plan.importLines.length) await this.addImports(editor.document, plan.importLines);
    return editor.insertSnippet(new vscode.SnippetString(plan.body), editor.selection.active);
  }

  /** Inserts a plain code block (its own import lines move to the top unless the file already has them). */
  async insertCode(editor: vscode.TextEditor, code: string): Promise<boolean> {
    const { imports, rest } = splitImports(code, analyzePython(code));
    const view = await this.analyses.get(editor.document);
    const existing = new Set((view ? bindingsFromAnalysis(view.analysis) : []).map((b) => `${b.local}=${b.target}`));
    const missing = imports.filter((i) => !i.bindings.every((b) => existing.has(`${b.local}=${b.target}`))).map((i) => i.text);
    if (missing.length) await this.addImports(editor.document, missing);
    return editor.insertSnippet(new vscode.SnippetString().appendText(rest), editor.selection.active);
  }

  /** Adds import lines at the top of the file, or of the first Python code cell for a notebook cell. */
  private async addImports(document: vscode.TextDocument, lines: string[]): Promise<void> {
    const target = firstCodeCell(document) ?? document;
    const text = target.getText();
    const offset = importInsertionOffset(text);
    const leadingNewline = offset > 0 && !text.slice(0, offset).endsWith('\n') ? '\n' : '';
    // At the top of the file, or when nothing follows, keep a blank line between the imports and the code.
    const blankAfter = offset === 0 || text.slice(offset).trim().length === 0 ? '\n' : '';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target.uri, target.positionAt(offset), leadingNewline + lines.join('\n') + '\n' + blankAfter);
    await vscode.workspace.applyEdit(edit);
  }
}

/**
 * For a notebook cell, the notebook's first Python code cell (where imports go); otherwise undefined. Cells that
 * start with a `%%` magic come last: their body runs under the magic (or is not Python), and the analysis skips it.
 */
export function firstCodeCell(document: vscode.TextDocument): vscode.TextDocument | undefined {
  const notebook = findNotebook(document)?.notebook;
  const cells = notebook?.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python') ?? [];
  return (cells.find((c) => !/^[ \t]*%%/.test(c.document.getText())) ?? cells[0])?.document;
}
