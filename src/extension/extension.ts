/** Entry point: wires the feature adapters to VS Code and returns. No logic lives here. */
import * as vscode from 'vscode';
import { createLog } from './output';
import { KnowledgeStore } from './knowledgeStore';
import { registerPanel } from './panel';
import { ExampleActions } from './exampleActions';
import { CodeInserter } from './codeInserter';
import type { WebviewMessage } from '../webview/protocol';

/** What activate() returns: handles the integration tests read. Not a public API. */
export interface FrameworkGuideTestApi {
  panelMessages: WebviewMessage[];
}

export function activate(context: vscode.ExtensionContext): FrameworkGuideTestApi {
  const log = createLog(context);
  const store = new KnowledgeStore(context.extensionUri);
  const inserter = new CodeInserter(context);
  const panelMessages: WebviewMessage[] = [];
  registerPanel(context, { store, log, examples: new ExampleActions(store, inserter, log), received: panelMessages });
  return { panelMessages };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
