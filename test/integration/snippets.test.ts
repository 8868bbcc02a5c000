import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openPythonNotebook } from './helpers';

async function editorWith(content: string, cursorAtEnd = true): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
  const editor = await vscode.window.showTextDocument(doc);
  if (cursorAtEnd) {
    const end = doc.positionAt(content.length);
    editor.selection = new vscode.Selection(end, end);
  }
  return editor;
}

suite('snippets', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('into an empty file: the PyTorch sequential model with its imports', async () => {
    const editor = await editorWith('');
    assert.strictEqual(await vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: 'sequential-model', framework: 'pytorch' }), true);
    const text = editor.document.getText();
    assert.match(text, /^from torch import nn\n\n/, 'the import, then a blank line');
    assert.match(text, /nn\.Sequential\(/);
  });

  test('respects an existing alias: `import torch.nn as neural` makes the snippet use `neural`', async () => {
    const editor = await editorWith('import torch\nimport torch.nn as neural\n\n');
    await vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: 'sequential-model', framework: 'pytorch' });
    const text = editor.document.getText();
    assert.ok(text.startsWith('import torch\nimport torch.nn as neural\n'), 'no import added');
    assert.ok(!/from torch import nn/.test(text), 'no second import of torch.nn');
    assert.match(text, /neural\.Sequential\(/);
    assert.ok(!/\bnn\./.test(text), 'nn. renamed');
  });

  test('adds only the missing imports after the existing ones, below the docstring', async () => {
    const editor = await editorWith('"""My model."""\nimport keras\n\nx = 1\n');
    await vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: 'data-pipeline', framework: 'tensorflow' });
    const text = editor.document.getText();
    assert.ok(text.startsWith('"""My model."""\nimport keras\n'), text.slice(0, 80));
    assert.strictEqual(text.match(/^import keras$/gm)?.length ?? 0, 1, 'keras imported once');
    assert.match(text, /tf\.data\.Dataset/);
    assert.match(text, /^import tensorflow as tf$/m);
  });

  test('inserts a real SnippetString with tab stops (the cursor lands on the first placeholder)', async () => {
    const editor = await editorWith('');
    await vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: 'training-loop', framework: 'pytorch' });
    const selected = editor.document.getText(editor.selection);
    assert.ok(selected.length > 0, 'a placeholder is selected');
  });

  test('into a notebook cell: code in the active cell, imports in the first code cell', async () => {
    const { notebook, editor: nbEditor } = await openPythonNotebook(['import numpy as np', '']);
    nbEditor.selections = [new vscode.NotebookRange(1, 2)];
    const cell = notebook.cellAt(1).document;
    await vscode.commands.executeCommand('notebook.cell.edit');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), cell.uri.toString(), 'the second cell is being edited');
    await vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: 'tensors', framework: 'pytorch' });
    assert.match(notebook.cellAt(0).document.getText(), /^import torch\n/m);
    assert.match(cell.getText(), /torch\./);
    assert.ok(!/^import torch$/m.test(cell.getText()), 'no import in the active cell');
  });

  test('completion snippets are contributed from the same catalog (tf- and torch- prefixes)', async () => {
    const ext = vscode.extensions.getExtension('framework-guide.framework-guide')!;
    const contributed = ext.packageJSON.contributes.snippets as Array<{ language: string; path: string }>;
    const file = vscode.Uri.joinPath(ext.extensionUri, contributed[0].path);
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string[] }>;
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    assert.ok(prefixes.includes('torch-training-loop'));
    assert.ok(prefixes.includes('tf-training-loop'));
    assert.ok(Object.keys(snippets).length >= 32);
  });
});
