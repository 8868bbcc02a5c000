/**
 * In the real extension host: the workspace scan and the diagnostics report the same findings as the core step the
 * CLI runs (scanSource on the file's bytes), file by file over the sample workspace, notebook cells included.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { scanSource } from '../../src/core/scan';
import { KnowledgeBase } from '../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../src/knowledge/all';
import INSTALLED from '../../src/knowledge/data/generated/installed-names.json';
import { InstalledNames, type InstalledData } from '../../src/knowledge/installed';
import { activateExtension, waitFor, workspaceUri } from './helpers';

/** One finding as `cell line:column rule` (cell: index among all cells, '-' outside notebooks; 1-based lines and columns). */
function key(cell: number | undefined, line: number, column: number, ruleId: string): string {
  return `${cell ?? '-'} ${line}:${column} ${ruleId}`;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Framework Guide');
}

function ruleOf(d: vscode.Diagnostic): string {
  return (d.code as { value: string }).value;
}

suite('scan agreement: CLI core, workspace scan and diagnostics', () => {
  // The entries the CLI and the extension's knowledge.json use (hand-written plus the generated migration rules), judged
  // against the installed releases' names as both are.
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES, new InstalledNames(INSTALLED as InstalledData));
  const maxBytes = 2_000_000;

  test('every sample file: the same findings in all three', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    const files = (await vscode.workspace.findFiles('**/*.{py,ipynb}')).sort((a, b) => a.path.localeCompare(b.path));
    assert.ok(files.length >= 7, `sample files: ${files.length}`);

    await vscode.commands.executeCommand('frameworkGuide.scanWorkspace');
    const scan = api.lastWorkspaceScan();
    assert.ok(scan && !scan.cancelled, 'the workspace scan ran to the end');

    for (const uri of files) {
      const cli = scanSource({ path: uri.path, bytes: await vscode.workspace.fs.readFile(uri) }, kb, { maxBytes });
      const expected = cli.status === 'analysed' ? cli.findings.map((f) => key(f.location.cell, f.location.startLine, f.location.startColumn, f.ruleId)).sort() : [];

      const fromScan = scan.hits
        .filter((h) => h.uri.toString() === uri.toString())
        .map((h) => key(h.cell, h.range.start.line + 1, h.range.start.character + 1, h.finding.ruleId))
        .sort();
      assert.deepStrictEqual(fromScan, expected, `workspace scan vs CLI core: ${uri.path}`);

      let collect: () => string[];
      let documents: vscode.TextDocument[];
      if (uri.path.endsWith('.ipynb')) {
        const notebook = await vscode.workspace.openNotebookDocument(uri);
        await vscode.window.showNotebookDocument(notebook);
        documents = notebook.getCells().map((cell) => cell.document);
        collect = () =>
          notebook
            .getCells()
            .flatMap((cell) => ours(cell.document.uri).map((d) => key(cell.index, d.range.start.line + 1, d.range.start.character + 1, ruleOf(d))))
            .sort();
      } else {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        // The CLI reads the file as saved; an edit another suite left unsaved would make the texts differ.
        if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
        documents = [document];
        collect = () => ours(uri).map((d) => key(undefined, d.range.start.line + 1, d.range.start.character + 1, ruleOf(d))).sort();
      }
      await waitFor(() => collect().length >= expected.length, `diagnostics in ${uri.path}`);
      // Recompute for the current versions and wait for that to finish, so extra diagnostics would be seen too.
      for (const document of documents) await api.diagnostics.refresh(document);
      const fromDiagnostics = collect();
      assert.deepStrictEqual(fromDiagnostics, expected, `diagnostics vs CLI core: ${uri.path}`);
    }
  });

  test('after a scan, Problems lists the findings of files no editor has open, as the tree does; the tree groups by rule or by file', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    // A file no test has opened: only the scan reads it.
    const unopened = workspaceUri('scanned_only.py');
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode('import tensorflow as tf\n\nsess = tf.Session()\nx = tf.placeholder(tf.float32)\n'));
    try {
      await vscode.commands.executeCommand('frameworkGuide.scanWorkspace');
      const scan = api.lastWorkspaceScan();
      assert.ok(scan && !scan.cancelled);
      const expected = scan.hits.filter((h) => h.uri.toString() === unopened.toString()).map((h) => key(undefined, h.range.start.line + 1, h.range.start.character + 1, h.finding.ruleId));
      assert.deepStrictEqual(expected.sort(), ['- 3:8 FG-tensorflow.Session', '- 4:5 FG-tensorflow.placeholder']);
      const problems = ours(unopened).map((d) => key(undefined, d.range.start.line + 1, d.range.start.character + 1, ruleOf(d)));
      assert.deepStrictEqual(problems.sort(), expected.sort(), 'Problems has the unopened file\'s findings');
    } finally {
      await vscode.workspace.fs.delete(unopened);
    }
    await waitFor(() => (ours(unopened).length === 0 ? true : undefined), 'a deleted file loses its problems');
    const tree = api.findingsTree;
    assert.ok(tree.getChildren().every((n) => n.kind === 'rule'));
    await vscode.commands.executeCommand('frameworkGuide.groupFindingsByFile');
    const files = tree.getChildren();
    assert.ok(files.length > 0 && files.every((n) => n.kind === 'file'), 'grouped by file');
    assert.strictEqual(files.reduce((n, f) => n + (f.kind === 'file' ? f.hits.length : 0), 0), api.lastWorkspaceScan()?.hits.length);
    await vscode.commands.executeCommand('frameworkGuide.groupFindingsByRule');
    const rules = tree.getChildren();
    const warned = rules.find((r) => r.kind === 'rule' && r.hits.some((h) => h.finding.severity === 'warning'));
    assert.strictEqual((tree.getTreeItem(warned!).iconPath as vscode.ThemeIcon).id, 'warning', 'a group with a warning shows the warning icon');
  });
});
