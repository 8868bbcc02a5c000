import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FrameworkGuideTestApi } from '../../src/extension/extension';
import { activateExtension } from './helpers';

/** The repository's fixtures, from the built tests in out/test/integration. */
const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'fixes', name), 'utf8');

/** A notebook fixture's cells as the notebook editor holds them (nbformat 4, sources joined). */
function notebookCells(name: string): Array<{ kind: 'code' | 'markdown'; source: string }> {
  const json = JSON.parse(fixture(name)) as { cells: Array<{ cell_type: string; source: string | string[] }> };
  return json.cells.map((c) => ({ kind: c.cell_type === 'code' ? 'code' : 'markdown', source: Array.isArray(c.source) ? c.source.join('') : c.source }));
}

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function openNotebook(name: string): Promise<vscode.NotebookDocument> {
  const data = new vscode.NotebookData(
    notebookCells(name).map((c) => new vscode.NotebookCellData(c.kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup, c.source, c.kind === 'code' ? 'python' : 'markdown')),
  );
  const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
  await vscode.window.showNotebookDocument(notebook);
  return notebook;
}

const cellTexts = (notebook: vscode.NotebookDocument) => notebook.getCells().map((c) => c.document.getText());

suite('Migrate This File', () => {
  let api: FrameworkGuideTestApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('a file: every safe fix in one edit; one undo restores the original; a second run changes nothing', async () => {
    const original = fixture('from_imports.py');
    const doc = await untitled(original);
    const migration = await api.migration.migrate(doc, { preview: false });
    assert.ok(migration, 'the migration was applied');
    assert.strictEqual(doc.getText(), fixture('from_imports.fixed.py'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo takes the whole migration back');
    await vscode.commands.executeCommand('redo');
    assert.strictEqual(doc.getText(), fixture('from_imports.fixed.py'));
    assert.strictEqual(await api.migration.migrate(doc, { preview: false }), undefined, 'nothing left to apply');
    assert.strictEqual(doc.getText(), fixture('from_imports.fixed.py'), 'the second run changes nothing');
  });

  test('the preview path: every entry needs confirmation and is labelled with its fix, the import edit with the imports', async () => {
    const doc = await untitled(fixture('from_imports.py'));
    const migration = await api.migration.build(doc, true);
    assert.ok(migration);
    assert.strictEqual(migration.edit.size, 1, 'one document');
    assert.strictEqual(migration.edit.get(doc.uri).length, migration.entries.length);
    assert.ok(migration.entries.every((e) => e.metadata.needsConfirmation === true));
    assert.deepStrictEqual(
      migration.entries.map((e) => [e.metadata.label, e.metadata.description]),
      [
        ['Add import torch; import tensorflow', 'needed by 4 fixes'],
        ['Replace with torch.amp.autocast("cuda", …)', 'FG-torch.cuda.amp.autocast'],
        ['Replace with torch.amp.autocast("cuda", …)', 'FG-torch.cuda.amp.autocast'],
        ['Replace with torch.nn.functional.interpolate', 'FG-torch.nn.functional.upsample'],
        ['Replace with tensorflow.compat.v1.ConfigProto', 'FG-tensorflow.ConfigProto'],
        ['Replace with tensorflow.compat.v1.Session', 'FG-tensorflow.Session'],
      ],
    );
    assert.strictEqual(doc.getText(), fixture('from_imports.py'), 'building the edit changes nothing');
    const direct = await api.migration.build(doc, false);
    assert.ok(direct?.entries.every((e) => e.metadata.needsConfirmation === false), 'without the preview nothing asks');
    assert.strictEqual(migration.confirmInDialog, undefined, 'a file uses the preview itself');
  });

  test('a notebook: one edit spans the cells, the import goes to the first code cell after a %%capture cell; a second run changes nothing', async () => {
    const notebook = await openNotebook('tf1_cells.ipynb');
    const original = cellTexts(notebook);
    const expected = notebookCells('tf1_cells.fixed.ipynb').map((c) => c.source);
    // The Refactor Preview cannot tell cells apart (it keys files by path): a notebook is confirmed in a dialog instead.
    const previewed = await api.migration.build(notebook.cellAt(3).document, true);
    assert.ok(previewed?.confirmInDialog);
    assert.ok(previewed.entries.every((e) => e.metadata.needsConfirmation === false));
    const migration = await api.migration.migrate(notebook.cellAt(3).document, { preview: false });
    assert.ok(migration);
    assert.deepStrictEqual(cellTexts(notebook), expected);
    assert.strictEqual(new Set(migration.entries.map((e) => e.uri.toString())).size, 3, 'edits in three cells');
    assert.strictEqual(migration.edit.size, 3, 'one WorkspaceEdit over the three cell documents');
    assert.notDeepStrictEqual(original, expected);
    assert.strictEqual(await api.migration.migrate(notebook.cellAt(4).document, { preview: false }), undefined);
    assert.deepStrictEqual(cellTexts(notebook), expected, 'the second run changes nothing');
  });

  test('source.fixAll.frameworkGuide offers the same edits for codeActionsOnSave; the light bulb request does not get it', async () => {
    const doc = await untitled(fixture('from_imports.py'));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.frameworkGuide')) ?? [];
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.frameworkGuide');
    assert.ok(fixAll?.edit, `offered; got ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fixAll.edit);
    assert.strictEqual(doc.getText(), fixture('from_imports.fixed.py'));
    const quickFixes = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.ok(!quickFixes.some((a) => a.kind?.value === 'source.fixAll.frameworkGuide'));
  });

  test('a file with a syntax error is not migrated', async () => {
    const original = fixture('half_edited.py');
    const doc = await untitled(original);
    assert.strictEqual(await api.migration.build(doc, false), undefined);
    assert.strictEqual(await api.migration.migrate(doc, { preview: false }), undefined);
    assert.strictEqual(doc.getText(), original);
  });

  test('the command runs on the active editor', async () => {
    const doc = await untitled(fixture('windows_line_ends.py'));
    await vscode.commands.executeCommand('frameworkGuide.migrateFile', { preview: false });
    assert.strictEqual(doc.getText(), fixture('windows_line_ends.py').replace('from tensorflow import Session\r\n', 'from tensorflow import Session\r\nimport tensorflow\r\n').replace('Session()', 'tensorflow.compat.v1.Session()'));
  });
});
