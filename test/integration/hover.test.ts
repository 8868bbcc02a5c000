import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openSample, positionOf, waitFor } from './helpers';

suite('hovers', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('import line: `import torch` explains PyTorch and today\'s version advice', async () => {
    const doc = await openSample('train_torch.py');
    const { text, range } = await hoverAt(doc.uri, positionOf(doc, 'import torch\n', 8));
    assert.match(text, /PyTorch module/);
    assert.match(text, /\*\*Today:\*\* PyTorch 2/);
    assert.match(text, /command:frameworkGuide\.openComparison/);
    assert.strictEqual(doc.getText(range), 'torch');
  });

  test('`from torch import nn`: hovering nn gives torch.nn', async () => {
    const doc = await openSample('train_torch.py');
    const { text } = await hoverAt(doc.uri, positionOf(doc, 'from torch import nn', 18));
    assert.match(text, /`torch\.nn`/);
  });

  test('aliased use: nn.Linear resolves to torch.nn.Linear with the Keras equivalent and range', async () => {
    const doc = await openSample('train_torch.py');
    const { text, range } = await hoverAt(doc.uri, positionOf(doc, 'nn.Linear(in_features', 5));
    assert.match(text, /`nn\.Linear` → `torch\.nn\.Linear`/);
    assert.match(text, /\*\*In TensorFlow:\*\*.*keras\.layers\.Dense/s);
    assert.match(text, /\[Docs\]\(https:\/\/docs\.pytorch\.org\//);
    assert.match(text, /Insert equivalent snippet/);
    assert.strictEqual(doc.getText(range), 'nn.Linear');
  });

  test('any segment of a chain: hovering `layers` in keras.layers.Dense gives the module', async () => {
    const doc = await openSample('train_keras.py');
    const { text, range } = await hoverAt(doc.uri, positionOf(doc, 'keras.layers.Dense(128', 8));
    assert.match(text, /`tensorflow\.keras\.layers`|`keras\.layers`/);
    assert.strictEqual(doc.getText(range), 'keras.layers');
  });

  test('decorator: @tf.function', async () => {
    const doc = await openSample('train_keras.py');
    const { text, range } = await hoverAt(doc.uri, positionOf(doc, '@tf.function', 5));
    assert.match(text, /`tf\.function`/);
    assert.doesNotMatch(text, /→ `tensorflow\.function`/, "a one-package alias is not expanded");
    assert.match(text, /torch\.compile/);
    assert.strictEqual(doc.getText(range), 'tf.function');
  });

  test('removed TF1 API in TF2 code: tf.Session says removed and what to use instead, without repeating its diagnostic', async () => {
    const doc = await openSample('legacy_tf1.py');
    // The diagnostic's message shows in the same hover: the note then names the replacement and stops.
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Framework Guide' && doc.getText(d.range) === 'tf.Session') || undefined, 'the tf.Session diagnostic');
    const { text } = await hoverAt(doc.uri, positionOf(doc, 'tf.Session()', 4));
    assert.match(text, /\*\*Removed\*\* in TensorFlow 2\.0/);
    assert.match(text, /Use instead[^:]*:\*\* `tf\.compat\.v1\.Session`|Use instead[^:]*:\*\* `tensorflow\.compat\.v1\.Session`/);
    assert.doesNotMatch(text, /Show replacement/);
  });

  test('the import line of a file with findings says what the file has and offers Migrate This File', async () => {
    const doc = await openSample('legacy_tf1.py');
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Framework Guide').length >= 5 || undefined, 'the diagnostics of legacy_tf1.py');
    const { text } = await hoverAt(doc.uri, positionOf(doc, 'import tensorflow', 8));
    assert.match(text, /\*\*This file:\*\* \d+ uses of removed APIs/);
    assert.match(text, /command:frameworkGuide\.migrateFile/);
  });

  test('TF1 compatibility alias: `import tensorflow.compat.v1 as tf` makes tf.Session a legacy compat use', async () => {
    const doc = await openSample('compat_v1.py');
    const imp = await hoverAt(doc.uri, positionOf(doc, 'tensorflow.compat.v1 as tf', 19));
    assert.match(imp.text, /TF1 compatibility mode/);
    const use = await hoverAt(doc.uri, positionOf(doc, 'tf.Session()', 4));
    assert.match(use.text, /`tf\.Session` → `tensorflow\.compat\.v1\.Session`/);
    assert.match(use.text, /Legacy \(TF1 compatibility mode\)/);
  });

  test('deprecated PyTorch API: F.upsample names F.interpolate', async () => {
    const doc = await openSample('legacy_torch.py');
    const { text } = await hoverAt(doc.uri, positionOf(doc, 'F.upsample', 3));
    assert.match(text, /\*\*Deprecated\*\*/);
    assert.match(text, /torch\.nn\.functional\.interpolate/);
  });

  test('no hover on strings, comments and ordinary names', async () => {
    const doc = await openSample('train_torch.py');
    for (const [needle, within] of [
      ['"""Train a small', 5],
      ['"prediction:"', 3],
      ['def train', 5],
      ['model.eval()', 2],
      ['print(', 2],
    ] as const) {
      const { text } = await hoverAt(doc.uri, positionOf(doc, needle, within));
      assert.strictEqual(text, '', `no hover at ${needle}`);
    }
    const legacy = await openSample('legacy_tf1.py');
    assert.strictEqual((await hoverAt(legacy.uri, positionOf(legacy, '# load a batch', 4))).text, '', 'comment');
  });

  test('notebook: an import in the first cell resolves names in a later cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'compare.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.getCells().find((c) => c.document.getText().includes('torch_model = nn.Sequential'));
    assert.ok(cell, 'the cell with nn.Sequential');
    const doc = cell.document;
    const { text, range } = await waitFor(async () => {
      const h = await hoverAt(doc.uri, positionOf(doc, 'nn.Sequential', 4));
      return h.text ? h : undefined;
    }, 'a hover in the notebook cell');
    assert.match(text, /`nn\.Sequential` → `torch\.nn\.Sequential`/);
    assert.strictEqual(doc.getText(range), 'nn.Sequential');
  });

  test('untitled Python editor gets hovers too', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch.nn as tnn\nlayer = tnn.Conv2d(3, 8, 3)\n' });
    await vscode.window.showTextDocument(doc);
    const { text } = await hoverAt(doc.uri, positionOf(doc, 'tnn.Conv2d', 6));
    assert.match(text, /`tnn\.Conv2d` → `torch\.nn\.Conv2d`/);
    assert.match(text, /NHWC|channels/i);
  });

  test('the setting frameworkGuide.hover.enabled=false turns hovers off', async () => {
    const config = vscode.workspace.getConfiguration('frameworkGuide');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const doc = await openSample('train_torch.py');
      assert.strictEqual((await hoverAt(doc.uri, positionOf(doc, 'nn.Linear(in_features', 5))).text, '');
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('large document: a hover right after an edit points at the moved text (the edit events map the last analysis)', async () => {
    // Over 100,000 characters: analysed in slices, so a hover right after an edit answers from the last analysis.
    const body = 'layer = torch.nn.Linear(2, 3)\n'.repeat(5000);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: `import torch\n${body}` });
    const editor = await vscode.window.showTextDocument(doc);
    const target = () => positionOf(doc, 'nn.Linear', 5, 3000);
    await waitFor(async () => /torch\.nn\.Linear/.test((await hoverAt(doc.uri, target())).text), 'the first analysis');
    for (const inserted of ['import os\n', 'x = 1\ny = 2\n']) {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), inserted)));
      const { text, range } = await hoverAt(doc.uri, target());
      assert.match(text, /torch\.nn\.Linear/);
      assert.ok(range);
      assert.strictEqual(doc.getText(range), 'torch.nn.Linear', 'the range follows the edit');
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the analysis parses once per document version', async () => {
    const api = await activateExtension();
    const doc = await openSample('train_keras.py');
    assert.match((await hoverAt(doc.uri, positionOf(doc, 'tf.GradientTape', 4))).text, /GradientTape/);
    const before = api.analyses.parseCount;
    assert.match((await hoverAt(doc.uri, positionOf(doc, 'keras.optimizers.Adam', 18))).text, /Adam/);
    assert.match((await hoverAt(doc.uri, positionOf(doc, 'tf.reduce_mean', 4))).text, /reduce_mean/);
    assert.strictEqual(api.analyses.parseCount, before, 'no new parse for an unchanged document');
  });
});
