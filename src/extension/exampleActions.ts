/** What the panel's example buttons do: copy, insert into the last active Python editor, open as a new file. */
import * as vscode from 'vscode';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';
import type { Framework } from '../webview/protocol';
import type { CodeInserter } from './codeInserter';

export class ExampleActions {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly inserter: CodeInserter,
    private readonly log: Log,
  ) {}

  async run(action: 'copy' | 'insert' | 'openAsFile', exampleId: string, framework: Framework): Promise<void> {
    const content = await this.store.getContent();
    const example = content.examples.find((e) => e.id === exampleId);
    if (!example) {
      this.log.warn(`No example with id ${exampleId}`);
      return;
    }
    const code = example[framework];
    switch (action) {
      case 'copy':
        await vscode.env.clipboard.writeText(code);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Framework Guide: example copied'), 3000);
        return;
      case 'openAsFile': {
        const doc = await vscode.workspace.openTextDocument({ language: 'python', content: code });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
        return;
      }
      case 'insert': {
        const editor = await this.inserter.pythonEditor();
        if (!editor) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open a Python file first: the example is inserted into the last active Python editor.'));
          return;
        }
        await this.inserter.insertCode(editor, code);
        return;
      }
    }
  }
}
