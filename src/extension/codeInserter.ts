/** Inserts code into Python editors and notebook cells, and remembers the last active Python editor. */
import * as vscode from 'vscode';

export class CodeInserter {
  private last: vscode.TextEditor | undefined;

  constructor(context: vscode.ExtensionContext) {
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor && editor.document.languageId === 'python') this.last = editor;
    };
    remember(vscode.window.activeTextEditor);
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(remember));
  }

  /** The active Python editor, else the last one that was active and is still visible. */
  lastPythonEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === 'python') return active;
    return vscode.window.visibleTextEditors.find((e) => e === this.last) ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'python');
  }

  async insertCode(editor: vscode.TextEditor, code: string): Promise<boolean> {
    return editor.insertSnippet(new vscode.SnippetString().appendText(code), editor.selection.active);
  }
}
