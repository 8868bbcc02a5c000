import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openPythonNotebook, openSample, positionOf, waitFor, workspaceUri } from './helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Framework Guide');
}

async function diagnosticsOf(doc: vscode.TextDocument, atLeast = 1): Promise<vscode.Diagnostic[]> {
  return waitFor(() => (ours(doc.uri).length >= atLeast ? ours(doc.uri) : undefined), `diagnostics in ${doc.uri.path}`);
}

async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

suite('diagnostics and quick fixes', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('a TF1 file gets warnings for removed APIs, with version, replacement and docs link', async () => {
    const doc = await openSample('legacy_tf1.py');
    const diagnostics = await diagnosticsOf(doc, 5);
    const session = diagnostics.find((d) => doc.getText(d.range) === 'tf.Session');
    assert.ok(session, `tf.Session flagged; got ${diagnostics.map((d) => doc.getText(d.range)).join(', ')}`);
    assert.strictEqual(session.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(session.message, /removed since TensorFlow 2\.0/);
    const code = session.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'FG-tensorflow.Session');
    assert.match(code.target.toString(), /^https:\/\/www\.tensorflow\.org\//);
    for (const api of ['tf.placeholder', 'tf.layers.dense', 'tf.train.AdamOptimizer', 'tf.global_variables_initializer']) {
      assert.ok(diagnostics.some((d) => doc.getText(d.range) === api), `${api} flagged`);
    }
  });

  test('a view of another document (a Refactor Preview, a git diff) gets no diagnostics: Problems lists each problem once', async () => {
    const api = await activateExtension();
    const provider = vscode.workspace.registerTextDocumentContentProvider('fg-test-preview', { provideTextDocumentContent: () => 'import tensorflow as tf\nsess = tf.Session()\n' });
    try {
      const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(vscode.Uri.parse('fg-test-preview:/legacy_tf1.py')), 'python');
      await vscode.window.showTextDocument(doc);
      // Computed now, for this version: a diagnostic would be published by the time refresh resolves.
      await api.diagnostics.refresh(doc);
      assert.deepStrictEqual(ours(doc.uri), []);
    } finally {
      provider.dispose();
    }
  });

  test('[tool.framework-guide] in the workspace pyproject.toml selects the rules and sets their severity, as for the CLI', async () => {
    const doc = await openSample('legacy_tf1.py');
    await diagnosticsOf(doc, 5);
    const config = workspaceUri('pyproject.toml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('[tool.framework-guide]\nignore = ["FG-tensorflow.placeholder"]\nseverity = { "FG-tensorflow.Session" = "error" }\n'));
    try {
      const found = await waitFor(() => {
        const diagnostics = ours(doc.uri);
        const session = diagnostics.find((d) => doc.getText(d.range) === 'tf.Session');
        const placeholder = diagnostics.some((d) => doc.getText(d.range) === 'tf.placeholder');
        return session?.severity === vscode.DiagnosticSeverity.Error && !placeholder ? diagnostics : undefined;
      }, 'the configuration applied');
      assert.ok(found.some((d) => doc.getText(d.range) === 'tf.layers.dense'), 'the other rules stay');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor(() => (ours(doc.uri).some((d) => doc.getText(d.range) === 'tf.placeholder') ? true : undefined), 'the selection gone with the file');
  });

  test('deprecated PyTorch APIs are information, not warnings', async () => {
    const doc = await openSample('legacy_torch.py');
    const diagnostics = await diagnosticsOf(doc, 3);
    const upsample = diagnostics.find((d) => doc.getText(d.range) === 'F.upsample');
    assert.ok(upsample, 'F.upsample flagged');
    assert.strictEqual(upsample.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!diagnostics.some((d) => doc.getText(d.range) === 'F.tanh'), 'F.tanh is current in PyTorch 2.13');
    assert.ok(diagnostics.some((d) => doc.getText(d.range) === 'torch.cuda.amp.autocast'), 'torch.cuda.amp.autocast flagged');
  });

  test('current code has no diagnostics', async () => {
    const doc = await openSample('train_torch.py');
    // Computed for this version and finished: a diagnostic would be there now.
    await (await activateExtension()).diagnostics.refresh(doc);
    assert.deepStrictEqual(ours(doc.uri).map((d) => d.message), []);
  });

  test('a large file: its first diagnostics and lenses come without the host parsing it (desktop: a worker thread); the light bulb still offers the fix', async () => {
    const api = await activateExtension();
    // Over 100,000 characters: a desktop host scans the first version on its worker, a browser host in slices.
    const model = 'class Net(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = torch.nn.Linear(2, 3)\n\n    def forward(self, x):\n        return self.fc(x)\n\n\n';
    const body = 'layer = torch.nn.Linear(2, 3)\n'.repeat(4000);
    const doc = await untitled(`import tensorflow as tf\nimport torch\n${model}${body}sess = tf.Session()\n`);
    const parses = api.analyses.parseCount;
    const [first] = await diagnosticsOf(doc);
    assert.strictEqual(doc.getText(first.range), 'tf.Session');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
    assert.deepStrictEqual(
      lenses.map((l) => [doc.getText(l.range), l.command?.title]),
      [['class Net', 'Port to Keras']],
    );
    if (api.firstScans.available) assert.strictEqual(api.analyses.parseCount, parses, 'the host did not parse the file for its diagnostics and lenses');
    const fixes = await quickFixes(doc, first.range);
    assert.ok(fixes.some((f) => f.title === 'Replace with tf.compat.v1.Session'), `rename offered; got ${fixes.map((f) => f.title).join(' | ')}`);
    // The light bulb had the host analyse the file, and the host's diagnostics are the worker's.
    if (api.firstScans.available) assert.ok(api.analyses.parseCount > parses, 'the light bulb had the host analyse the file');
    assert.deepStrictEqual(
      ours(doc.uri).map((d) => [d.message, doc.getText(d.range)]),
      [[first.message, 'tf.Session']],
    );
  });

  test('quick fix: a drop-in rename keeps the file\'s alias (tf.Session → tf.compat.v1.Session)', async () => {
    const doc = await untitled('import tensorflow as tf\nsess = tf.Session()\n');
    const [diagnostic] = await diagnosticsOf(doc);
    const fixes = await quickFixes(doc, diagnostic.range);
    const rename = fixes.find((f) => f.title === 'Replace with tf.compat.v1.Session');
    assert.ok(rename?.edit, `rename offered; got ${fixes.map((f) => f.title).join(' | ')}`);
    assert.ok(fixes.some((f) => f.title.startsWith('Show the equivalent')), 'panel action');
    assert.ok(fixes.some((f) => f.title.startsWith('Learn more')), 'docs action');
    await vscode.workspace.applyEdit(rename.edit);
    assert.strictEqual(doc.getText(), 'import tensorflow as tf\nsess = tf.compat.v1.Session()\n');
  });

  test('quick fix order: the fix first, then what shows the replacement, and "Ignore" last (Enter after Ctrl+. never silences)', async () => {
    const doc = await untitled('import tensorflow as tf\nsess = tf.Session()\nx = tf.placeholder(tf.float32)\n');
    const diagnostics = await diagnosticsOf(doc, 2);
    for (const diagnostic of diagnostics) {
      const titles = (await quickFixes(doc, diagnostic.range)).filter((f) => !f.disabled).map((f) => f.title);
      const ignore = titles.findIndex((t) => t.startsWith('Ignore'));
      assert.ok(ignore > 0 && ignore === titles.length - 1, `${doc.getText(diagnostic.range)}: ${titles.join(' | ')}`);
      if (doc.getText(diagnostic.range) === 'tf.Session') assert.strictEqual(titles[0], 'Replace with tf.compat.v1.Session');
    }
  });

  test('quick fix: a from-imported Session → tensorflow.compat.v1.Session adds `import tensorflow` after the existing imports', async () => {
    const doc = await untitled('from tensorflow import Session\nsess = Session()\n');
    const [diagnostic] = await diagnosticsOf(doc);
    const rename = (await quickFixes(doc, diagnostic.range)).find((f) => f.title === 'Replace with tensorflow.compat.v1.Session');
    assert.ok(rename?.edit, 'rename offered');
    await vscode.workspace.applyEdit(rename.edit);
    assert.strictEqual(doc.getText(), 'from tensorflow import Session\nimport tensorflow\nsess = tensorflow.compat.v1.Session()\n');
  });

  test('quick fix: the added import goes below a shebang and an encoding cookie', async () => {
    const doc = await untitled('#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nprint("start")\nfrom tensorflow import Session\nsess = Session()\n');
    const [diagnostic] = await diagnosticsOf(doc);
    const rename = (await quickFixes(doc, diagnostic.range)).find((f) => f.title === 'Replace with tensorflow.compat.v1.Session');
    assert.ok(rename?.edit, 'rename offered');
    await vscode.workspace.applyEdit(rename.edit);
    assert.strictEqual(doc.getText(), '#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nimport tensorflow\nprint("start")\nfrom tensorflow import Session\nsess = tensorflow.compat.v1.Session()\n');
  });

  test('quick fix in a notebook: the added import skips a %%capture cell and goes to the first Python cell', async () => {
    const { notebook } = await openPythonNotebook(['%%capture\n!pip install torch', 'from tensorflow import Session', 'sess = Session()']);
    const cell = notebook.cellAt(2).document;
    const [diagnostic] = await waitFor(() => (ours(cell.uri).length ? ours(cell.uri) : undefined), 'diagnostics in cell 3');
    const rename = (await quickFixes(cell, diagnostic.range)).find((f) => f.title === 'Replace with tensorflow.compat.v1.Session');
    assert.ok(rename?.edit, 'rename offered');
    await vscode.workspace.applyEdit(rename.edit);
    assert.deepStrictEqual(
      notebook.getCells().map((c) => c.document.getText()),
      ['%%capture\n!pip install torch', 'from tensorflow import Session\nimport tensorflow\n', 'sess = tensorflow.compat.v1.Session()'],
    );
  });

  test('quick fix: torch.cuda.amp.autocast → torch.amp.autocast("cuda", ...) keeps the keyword arguments', async () => {
    const doc = await untitled('import torch\nwith torch.cuda.amp.autocast(enabled=False):\n    pass\n');
    const [diagnostic] = await diagnosticsOf(doc);
    const fix = (await quickFixes(doc, diagnostic.range)).find((f) => f.title.startsWith('Replace with torch.amp.autocast("cuda"'));
    assert.ok(fix?.edit, 'the fix is offered');
    await vscode.workspace.applyEdit(fix.edit);
    assert.strictEqual(doc.getText(), 'import torch\nwith torch.amp.autocast("cuda", enabled=False):\n    pass\n');
  });

  test('quick fix in a notebook: TF1-order positional arguments are passed by keyword; an unsafe call gets no runnable fix', async () => {
    const { notebook } = await openPythonNotebook(['from tensorflow import nn\nimport tensorflow as tf', 'hits = nn.in_top_k(scores, labels, 1)\nconv = nn.conv2d(x, k, [1, 1, 1, 1], "SAME", True)']);
    const cell = notebook.cellAt(1).document;
    const diagnostics = await waitFor(() => (ours(cell.uri).length >= 2 ? ours(cell.uri) : undefined), 'reorder diagnostics in cell 2');
    const conv = diagnostics.find((d) => (d.code as { value: string }).value === 'FG-tensorflow.nn.conv2d.positional-order');
    assert.ok(conv, `conv2d flagged; got ${diagnostics.map((d) => (d.code as { value: string }).value).join(', ')}`);
    // use_cudnn_on_gpu= has no TF 2 counterpart: nothing runnable (the command leaves greyed-out actions out).
    const convFixes = await quickFixes(cell, conv.range);
    assert.ok(!convFixes.some((f) => f.title.startsWith('Pass the arguments by keyword') && f.edit && !f.disabled), `no runnable fix; got ${convFixes.map((f) => f.title).join(' | ')}`);
    const hits = diagnostics.find((d) => (d.code as { value: string }).value === 'FG-tensorflow.nn.in_top_k.positional-order');
    assert.ok(hits);
    const fix = (await quickFixes(cell, hits.range)).find((f) => f.title === 'Pass the arguments by keyword (predictions=, targets=, k=)');
    assert.ok(fix?.edit, 'the fix is offered');
    await vscode.workspace.applyEdit(fix.edit);
    assert.strictEqual(cell.getText(), 'hits = nn.in_top_k(predictions=scores, targets=labels, k=1)\nconv = nn.conv2d(x, k, [1, 1, 1, 1], "SAME", True)');
  });

  test('no edit when the replacement changes behaviour: tf.placeholder gets no runnable rename', async () => {
    const doc = await untitled('import tensorflow as tf\nx = tf.placeholder(tf.float32)\n');
    const [diagnostic] = await diagnosticsOf(doc);
    const fixes = await quickFixes(doc, diagnostic.range);
    assert.ok(!fixes.some((f) => f.title.startsWith('Replace with') && f.edit && !f.disabled), `no runnable rename; got ${fixes.map((f) => f.title).join(' | ')}`);
    assert.ok(!fixes.some((f) => f.title.startsWith('Why no automatic fix')), 'the explanation is not listed as an action');
  });

  test('`# framework-guide: ignore` suppresses a line; the quick fix writes it', async () => {
    const doc = await untitled('import tensorflow as tf\na = tf.placeholder(tf.float32)\nb = tf.placeholder(tf.float32)  # framework-guide: ignore\n');
    const diagnostics = await diagnosticsOf(doc);
    assert.strictEqual(diagnostics.length, 1, 'only the line without the comment');
    const ignore = (await quickFixes(doc, diagnostics[0].range)).find((f) => f.title.startsWith('Ignore FG-tensorflow.placeholder'));
    assert.ok(ignore?.edit);
    await vscode.workspace.applyEdit(ignore.edit);
    await waitFor(() => ours(doc.uri).length === 0, 'diagnostics to clear after the ignore comment');
  });

  for (const [where, content, expected] of [
    ['after a `\\` continuation', 'import tensorflow as tf\nsess = tf.Session() if tf else \\\n    None\n', 'import tensorflow as tf\nsess = tf.Session() if tf else \\\n    None  # framework-guide: ignore[FG-tensorflow.Session]\n'],
    ['on a line that opens a string', 'import tensorflow as tf\nsess = tf.Session(); HELP = """\nhelp\n"""\n', 'import tensorflow as tf\nsess = tf.Session(); HELP = """\nhelp\n"""  # framework-guide: ignore[FG-tensorflow.Session]\n'],
    ['on a reference spanning lines', 'import tensorflow as tf\nsess = (tf\n        .Session())\n', 'import tensorflow as tf\nsess = (tf  # framework-guide: ignore[FG-tensorflow.Session]\n        .Session())\n'],
  ] as const) {
    test(`the ignore quick fix ${where} writes a comment that is valid Python and silences the finding`, async () => {
      const doc = await untitled(content);
      const [diagnostic] = await diagnosticsOf(doc);
      const ignore = (await quickFixes(doc, diagnostic.range)).find((f) => f.title.startsWith('Ignore FG-tensorflow.Session'));
      assert.ok(ignore?.edit, 'ignore offered');
      await vscode.workspace.applyEdit(ignore.edit);
      assert.strictEqual(doc.getText(), expected);
      await waitFor(() => ours(doc.uri).length === 0, 'diagnostics to clear after the ignore comment');
    });
  }

  test('TF1 through tf.compat.v1 is a hint without strikethrough (valid TF 2 code), not a warning', async () => {
    const doc = await openSample('compat_v1.py');
    const diagnostics = await diagnosticsOf(doc);
    const session = diagnostics.find((d) => doc.getText(d.range) === 'tf.Session');
    assert.ok(session, 'tf.Session flagged');
    assert.strictEqual(session.severity, vscode.DiagnosticSeverity.Hint);
    assert.ok(!session.tags?.includes(vscode.DiagnosticTag.Deprecated), 'no strikethrough on tf.compat.v1 code');
    assert.match(session.message, /compat/);
    const fixes = await quickFixes(doc, session.range);
    assert.ok(!fixes.some((f) => f.title.startsWith('Replace with')), 'already the safe step: no rename');
  });

  test('diagnostics follow edits and clear when the setting is off', async () => {
    const doc = await untitled('import torch\n');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'from torch.autograd import Variable\nv = Variable(torch.ones(1))\n'));
    await diagnosticsOf(doc);
    const config = vscode.workspace.getConfiguration('frameworkGuide');
    await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => ours(doc.uri).length === 0, 'diagnostics cleared');
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsOf(doc);
  });

  test('notebook cells get diagnostics resolved through imports in earlier cells', async () => {
    const { notebook } = await openPythonNotebook(['import torch.nn.functional as F', 'y = F.upsample_nearest(x, scale_factor=2)']);
    const cell = notebook.cellAt(1).document;
    const diagnostics = await waitFor(() => (ours(cell.uri).length ? ours(cell.uri) : undefined), 'diagnostics in cell 2');
    assert.strictEqual(cell.getText(diagnostics[0].range), 'F.upsample_nearest');
    assert.ok(positionOf(cell, 'F.upsample_nearest').isEqual(diagnostics[0].range.start));
  });

  test('workspace scan reports the expected counts on sample/ and can be cancelled', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean; rules: number }>('frameworkGuide.scanWorkspace');
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(result.files, 7, 'six .py files and one notebook');
    assert.ok(result.findings >= 16, `findings: ${result.findings}`);
    assert.ok(result.rules >= 10, `rules: ${result.rules}`);
    const cancelled = await vscode.commands.executeCommand<{ files: number; cancelled: boolean }>('frameworkGuide.scanWorkspace', { cancelAfterFiles: 2 });
    assert.strictEqual(cancelled.cancelled, true);
    assert.ok(cancelled.files < 7, `stopped early after ${cancelled.files} files`);
  });
});
