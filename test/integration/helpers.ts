/** Shared helpers for the in-host integration suites: the workspace, positions by text, waiting. */
import * as vscode from 'vscode';
import type { FrameworkGuideTestApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'framework-guide.framework-guide';

export async function activateExtension(): Promise<FrameworkGuideTestApi> {
  return (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as FrameworkGuideTestApi;
}

/** An untitled Jupyter notebook of Python code cells, opened and shown. */
export async function openPythonNotebook(sources: string[]): Promise<{ notebook: vscode.NotebookDocument; editor: vscode.NotebookEditor }> {
  const data = new vscode.NotebookData(sources.map((source) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'python')));
  const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
  return { notebook, editor: await vscode.window.showNotebookDocument(notebook) };
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...segments);
}

export async function openSample(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position `within` characters into the `occurrence`-th match of `needle` (0-based) in the text. */
export function positionOf(doc: vscode.TextDocument, needle: string, within = 0, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${occurrence}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + within);
}

/** Our hover text at a position ('' when Framework Guide has none), and its range. */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range?: vscode.Range }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  for (const h of hovers) {
    const text = h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    if (text.includes('Framework Guide')) return { text, range: h.range };
  }
  return { text: '' };
}

export async function waitFor<T>(read: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
