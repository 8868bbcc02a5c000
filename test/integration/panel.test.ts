import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FrameworkGuideTestApi } from '../../src/extension/extension';
import { activateExtension, waitFor } from './helpers';

const panelTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Framework Guide');

suite('comparison panel', () => {
  let api: FrameworkGuideTestApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('the command opens one panel titled Framework Guide', async () => {
    await vscode.commands.executeCommand('frameworkGuide.openComparison');
    const tab = await waitFor(() => panelTabs()[0], 'panel tab');
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the tab is a webview');
    await vscode.commands.executeCommand('frameworkGuide.openComparison');
    assert.strictEqual(panelTabs().length, 1, 'a second open reveals the same panel');
  });

  test('the webview script runs under the CSP and reports every section and its tables', async () => {
    const rendered = await waitFor(() => api.panelMessages.find((m) => m.type === 'rendered'), 'rendered message');
    assert.ok(rendered.type === 'rendered');
    for (const id of ['architecture', 'performance', 'ease-of-use', 'community', 'deployment', 'use-cases', 'recommendations', 'faq', 'examples', 'changes-since-2023']) {
      assert.ok(rendered.sections.includes(id), `section ${id} rendered`);
    }
    assert.ok(rendered.tables >= 5, `tables: ${rendered.tables}`);
  });

  test('opening at a section scrolls there (the webview confirms the section)', async () => {
    const before = api.panelMessages.length;
    await vscode.commands.executeCommand('frameworkGuide.openComparison', 'deployment');
    const revealed = await waitFor(() => api.panelMessages.slice(before).find((m) => m.type === 'revealed'), 'revealed message');
    assert.deepStrictEqual(revealed, { type: 'revealed', section: 'deployment' });
  });

  test('opening for an API compares it with its counterpart (the webview confirms which); one without a counterpart opens its section', async () => {
    const before = api.panelMessages.length;
    await vscode.commands.executeCommand('frameworkGuide.openComparison', { api: 'torch.nn.Linear' });
    const compared = await waitFor(() => api.panelMessages.slice(before).find((m) => m.type === 'compared'), 'compared message');
    assert.deepStrictEqual(compared, { type: 'compared', api: 'torch.nn.Linear' });
    const after = api.panelMessages.length;
    await vscode.commands.executeCommand('frameworkGuide.openComparison', { api: 'tensorflow.Session' });
    const revealed = await waitFor(() => api.panelMessages.slice(after).find((m) => m.type === 'revealed'), 'revealed message');
    assert.deepStrictEqual(revealed, { type: 'revealed', section: 'changes-since-2023' });
  });

  test('Insert puts the example and its imports into the last Python editor', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\n\n' });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(doc.positionAt(doc.getText().length), doc.positionAt(doc.getText().length));
    await vscode.commands.executeCommand('frameworkGuide.openComparison');
    // The panel is revealed after the command returns: in the editor's group it covers the file (then Insert shows the
    // file again), in another group the file stays visible. Either way, insert once the panel is up.
    await waitFor(() => panelTabs()[0]?.isActive, 'panel revealed');
    assert.ok(api.deliverPanelMessage({ type: 'example', action: 'insert', example: 'examples--saving-and-loading', framework: 'pytorch' }));
    await waitFor(() => /torch\.save\(/.test(doc.getText()), 'the example inserted');
    const text = doc.getText();
    assert.strictEqual(text.match(/^import torch$/gm)?.length, 1, 'torch is not imported twice');
    assert.ok(text.indexOf('torch.save(') > text.indexOf('import torch'), 'code after the imports');
  });

  test('Insert shows the last Python file again when its tab is behind another editor, cursor where it was', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\n\nx = 1\n' });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const notes = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'notes' });
    await vscode.window.showTextDocument(notes, vscode.ViewColumn.One);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document === doc), 'the Python file is behind the notes tab');
    assert.ok(api.deliverPanelMessage({ type: 'example', action: 'insert', example: 'examples--saving-and-loading', framework: 'pytorch' }));
    await waitFor(() => /torch\.save\(/.test(doc.getText()), 'the example inserted');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === doc), 'the Python file is shown again');
    const text = doc.getText();
    assert.ok(text.indexOf('torch.save(') < text.indexOf('x = 1'), 'inserted at the cursor, above x = 1');
  });

  test('Copy puts the example on the clipboard; Open as file opens an untitled Python document', async () => {
    api.deliverPanelMessage({ type: 'example', action: 'copy', example: 'examples--mnist-sized-mlp', framework: 'tensorflow' });
    await waitFor(async () => /keras/.test(await vscode.env.clipboard.readText()), 'clipboard text');
    api.deliverPanelMessage({ type: 'example', action: 'openAsFile', example: 'examples--mnist-sized-mlp', framework: 'pytorch' });
    const opened = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'python' && /CrossEntropyLoss/.test(d.getText())), 'untitled example');
    assert.strictEqual(opened.languageId, 'python');
  });

  test('messages with bad shapes are ignored', async () => {
    const before = api.panelMessages.length;
    for (const bad of [null, 42, 'insert', { type: 'example', action: 'rm -rf', example: 'x', framework: 'pytorch' }, { type: 'example', action: 'insert', example: 'x', framework: 'jax' }, { type: 'openLink' }, { type: 'nope' }]) {
      api.deliverPanelMessage(bad);
    }
    assert.strictEqual(api.panelMessages.length, before, 'none recorded');
  });
});
