/** findDeprecations with the real knowledge base, on the sample files, current code, aliases and notebooks. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython, joinNotebookCells, parseIpynb, toCellOffset } from '../../../../src/core/python';
import { findDeprecations, type Finding } from '../../../../src/core/rules/findings';
import { KnowledgeBase } from '../../../../src/knowledge';
import { ALL_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(ALL_ENTRIES);
const read = (...parts: string[]) => fs.readFileSync(path.join(process.cwd(), ...parts), 'utf8');

/** [ruleId, severity, status, text under the span, 1-based line]. */
type Expected = [string, Finding['severity'], Finding['status'], string, number];

function summarize(text: string, findings: Finding[]): Expected[] {
  return findings.map((f) => [f.ruleId, f.severity, f.status, text.slice(f.span.from, f.span.to), text.slice(0, f.span.from).split('\n').length]);
}

const samples: Array<[string, Expected[]]> = [
  [
    'legacy_tf1.py',
    [
      ['FG-tensorflow.placeholder', 'warning', 'removed', 'tf.placeholder', 4],
      ['FG-tensorflow.placeholder', 'warning', 'removed', 'tf.placeholder', 5],
      ['FG-tensorflow.layers.dense', 'warning', 'removed', 'tf.layers.dense', 6],
      ['FG-tensorflow.layers.dense', 'warning', 'removed', 'tf.layers.dense', 7],
      ['FG-tensorflow.losses.sparse_softmax_cross_entropy', 'warning', 'removed', 'tf.losses.sparse_softmax_cross_entropy', 8],
      ['FG-tensorflow.train.AdamOptimizer', 'warning', 'removed', 'tf.train.AdamOptimizer', 9],
      ['FG-tensorflow.Session', 'warning', 'removed', 'tf.Session', 11],
      ['FG-tensorflow.global_variables_initializer', 'warning', 'removed', 'tf.global_variables_initializer', 12],
    ],
  ],
  [
    'legacy_torch.py',
    [
      ['FG-torch.autograd.Variable', 'information', 'deprecated', 'Variable', 6],
      ['FG-torch.autograd.Variable.volatile', 'warning', 'removed', 'volatile', 6],
      ['FG-torch.nn.functional.upsample', 'information', 'deprecated', 'F.upsample', 8],
      ['FG-torch.nn.functional.upsample_nearest', 'information', 'deprecated', 'F.upsample_nearest', 9],
      ['FG-torch.cuda.amp.GradScaler', 'information', 'deprecated', 'torch.cuda.amp.GradScaler', 11],
      ['FG-torch.cuda.amp.autocast', 'information', 'deprecated', 'torch.cuda.amp.autocast', 12],
    ],
  ],
  [
    'compat_v1.py',
    [
      ['FG-tensorflow.disable_v2_behavior', 'information', 'deprecated', 'tf.disable_v2_behavior', 4],
      ['FG-tensorflow.placeholder', 'information', 'deprecated', 'tf.placeholder', 6],
      ['FG-tensorflow.get_variable', 'information', 'deprecated', 'tf.get_variable', 7],
      ['FG-tensorflow.Session', 'information', 'deprecated', 'tf.Session', 10],
      ['FG-tensorflow.global_variables_initializer', 'information', 'deprecated', 'tf.global_variables_initializer', 11],
    ],
  ],
  ['train_torch.py', []],
  ['train_keras.py', []],
];

suite('findDeprecations: sample files', () => {
  for (const [file, expected] of samples) {
    test(`${file}: rule ids, severities and spans`, () => {
      const text = read('sample', file);
      const analysis = analyzePython(text);
      assert.ok(analysis.references.length > 5, `${file}: the analysis found almost nothing, the test would be vacuous`);
      assert.deepStrictEqual(summarize(text, findDeprecations(analysis, kb)), expected);
    });
  }

  test('removed → warning, deprecated → information: severity always follows status', () => {
    for (const [file] of samples) {
      for (const f of findDeprecations(analyzePython(read('sample', file)), kb)) {
        assert.strictEqual(f.severity, f.status === 'removed' ? 'warning' : 'information', `${file} ${f.ruleId}`);
      }
    }
  });

  test('a removed TF1 API: the message leads with the replacement written through the alias', () => {
    const [session] = findDeprecations(analyzePython(read('sample', 'legacy_tf1.py')), kb).filter((f) => f.ruleId === 'FG-tensorflow.Session');
    assert.strictEqual(session.entryName, 'tensorflow.Session');
    assert.strictEqual(session.replacement, 'tensorflow.compat.v1.Session');
    // The rename alone runs only in graph mode (graph-mode.json): the message says what to call first.
    assert.strictEqual(
      session.message,
      'Use tf.compat.v1.Session instead: tf.Session is removed since TensorFlow 2.0. Graph mode only: under eager execution tf.compat.v1.Session().run(fetches) raises RuntimeError; call tf.compat.v1.disable_v2_behavior() first.',
    );
    assert.match(session.docs, /^https:\/\/www\.tensorflow\.org\//);
  });

  test('TF1 through tf.compat.v1: deprecated, with the legacy compat wording', () => {
    const findings = findDeprecations(analyzePython(read('sample', 'compat_v1.py')), kb);
    assert.ok(findings.length > 0);
    for (const f of findings) assert.match(f.message, /legacy compat mode: removed since TensorFlow 2\.0, still reachable through tf\.compat\.v1/, f.ruleId);
  });

  test('deprecated PyTorch API: the action first, then the written name and version', () => {
    const upsample = findDeprecations(analyzePython(read('sample', 'legacy_torch.py')), kb).find((f) => f.ruleId === 'FG-torch.nn.functional.upsample');
    assert.strictEqual(upsample?.message, 'Use F.interpolate instead: F.upsample is deprecated since PyTorch 0.4.1.');
  });
});

suite('findDeprecations: advice checked against the installed frameworks', () => {
  const text = read('test', 'fixtures', 'python', 'checked_advice.py');
  const findings = findDeprecations(analyzePython(text), kb);
  const at = (written: string): Finding | undefined => findings.find((f) => text.slice(f.span.from, f.span.to) === written);

  test('torch.cuda.amp.autocast points to torch.amp.autocast with the required "cuda" argument', () => {
    assert.match(at('torch.cuda.amp.autocast')?.message ?? '', /^Use torch\.amp\.autocast\("cuda", \.\.\.\) instead: /);
  });

  test('tf.summary.merge_all says there is nothing to merge and points to the writer, not to tf.summary.scalar', () => {
    const message = at('tf.summary.merge_all')?.message ?? '';
    assert.match(message, /^Use tf\.summary\.create_file_writer instead: /);
    assert.match(message, /nothing to merge/);
    assert.ok(!message.includes('summary.scalar'), message);
  });

  test('tf.initialize_all_variables points to its successor global_variables_initializer, not to its own compat name', () => {
    const message = at('tf.initialize_all_variables')?.message ?? '';
    assert.match(message, /^Use tf\.compat\.v1\.global_variables_initializer instead: /);
    assert.ok(!message.includes('compat.v1.initialize_all_variables'), message);
  });

  test('tf.keras.backend.mean exists in the tf.keras view of TF 2.21: no finding', () => {
    assert.strictEqual(at('tf.keras.backend.mean'), undefined);
  });

  test('tf.contrib.slim points to the tf_slim package', () => {
    const slim = findings.find((f) => f.ruleId === 'FG-tensorflow.contrib.slim');
    assert.match(slim?.message ?? '', /^Use tf_slim instead: .*pip install tf-slim/);
  });

  test('tf.losses.mean_squared_error names the Keras loss that TF 2.21 has', () => {
    assert.match(at('tf.losses.mean_squared_error')?.message ?? '', /keras\.losses\.MeanSquaredError/);
  });
});

suite('findDeprecations: fixtures and edge cases', () => {
  test('current code written through every import form gives no findings', () => {
    const text = read('test', 'fixtures', 'python', 'import_forms.py');
    assert.ok(analyzePython(text).references.length > 10);
    assert.deepStrictEqual(summarize(text, findDeprecations(analyzePython(text), kb)), []);
  });

  test('the F alias: every use is reported at its own span', () => {
    const text = read('sample', 'legacy_torch.py');
    const viaF = summarize(text, findDeprecations(analyzePython(text), kb)).filter((row) => String(row[3]).startsWith('F.'));
    assert.deepStrictEqual(viaF, [
      ['FG-torch.nn.functional.upsample', 'information', 'deprecated', 'F.upsample', 8],
      ['FG-torch.nn.functional.upsample_nearest', 'information', 'deprecated', 'F.upsample_nearest', 9],
    ]);
  });

  test('F.sigmoid and F.tanh are current in PyTorch 2.13 (only torch 1.x warned): no finding', () => {
    const text = read('test', 'fixtures', 'python', 'rename', 'functional_only.py');
    assert.ok(analyzePython(text).references.some((r) => r.qualifiedName === 'torch.nn.functional.sigmoid'));
    assert.deepStrictEqual(summarize(text, findDeprecations(analyzePython(text), kb)), []);
  });

  test('import lines of deprecated names are not reported, only their uses', () => {
    const text = read('sample', 'legacy_torch.py');
    const lines = findDeprecations(analyzePython(text), kb).map((f) => text.slice(0, f.span.from).split('\n').length);
    assert.ok(!lines.includes(4), '`from torch.autograd import Variable` was reported');
  });

  test('findings are in document order', () => {
    const findings = findDeprecations(analyzePython(read('sample', 'legacy_tf1.py')), kb);
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i].span.from > findings[i - 1].span.from);
  });
});

suite('findDeprecations: notebooks', () => {
  function analyzeNotebook(relative: string[]) {
    const notebook = parseIpynb(read(...relative));
    const cells = notebook.cells.filter((c) => c.kind === 'code').map((c) => c.source);
    const joined = joinNotebookCells(cells);
    const analysis = analyzePython(joined.text);
    return { cells, joined, analysis, findings: findDeprecations(analysis, kb) };
  }

  test('sample/compare.ipynb: names resolve across cells and current code gives no findings', () => {
    const { analysis, findings } = analyzeNotebook(['sample', 'compare.ipynb']);
    const names = analysis.references.map((r) => r.qualifiedName);
    assert.ok(names.includes('torch.nn.Linear'), 'nn.Linear in cell 3 did not resolve through the import in cell 1');
    assert.ok(names.includes('tensorflow.keras.layers.Dense'));
    assert.deepStrictEqual(findings, []);
  });

  test('a legacy notebook: findings in later cells through imports and aliases of the first cell', () => {
    const { cells, joined, findings } = analyzeNotebook(['test', 'fixtures', 'notebooks', 'legacy.ipynb']);
    const located = findings.map((f) => {
      const start = toCellOffset(joined, f.span.from);
      const end = toCellOffset(joined, f.span.to);
      assert.strictEqual(start.cell, end.cell, `${f.ruleId} spans two cells`);
      return [f.ruleId, f.severity, start.cell, cells[start.cell].slice(start.offset, end.offset)];
    });
    // Cell 2 starts with %%time, so the whole cell is IPython, not Python: its tf.Session is not reported.
    assert.deepStrictEqual(located, [
      ['FG-torch.nn.functional.upsample', 'information', 1, 'F.upsample'],
      ['FG-tensorflow.Session', 'warning', 3, 'tf.Session'],
      ['FG-tensorflow.global_variables_initializer', 'warning', 3, 'tf.global_variables_initializer'],
    ]);
  });
});

suite('findDeprecations: keyword arguments', () => {
  test('Variable(x, volatile=True) flags the keyword at its own span, as removed', () => {
    const text = 'from torch.autograd import Variable\nimport torch\nv = Variable(torch.ones(1), volatile=True)\n';
    const found = findDeprecations(analyzePython(text), kb).filter((f) => f.ruleId === 'FG-torch.autograd.Variable.volatile');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(text.slice(found[0].span.from, found[0].span.to), 'volatile');
    assert.strictEqual(found[0].severity, 'warning');
    assert.match(found[0].message, /torch\.no_grad/);
  });

  test('other keywords of the same call and calls without the keyword are not flagged', () => {
    const text = 'from torch.autograd import Variable\nimport torch\nv = Variable(torch.ones(1), requires_grad=True)\nw = Variable(torch.ones(1))\n';
    const found = findDeprecations(analyzePython(text), kb).filter((f) => f.ruleId.endsWith('.volatile'));
    assert.deepStrictEqual(found, []);
  });
});
