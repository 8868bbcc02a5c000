// Snippet syntax: defaults filled in, masking for the parser, and the contributes.snippets shape.
import * as assert from 'assert';
import { SNIPPET_CATALOG } from '../../../../src/core/snippets/catalog';
import { fillDefaults, formatImport, maskSnippetSyntax, plainText, toVsCodeSnippets, variantSummary, withImportLines } from '../../../../src/core/snippets/expand';

suite('snippets/expand', () => {
  suite('fillDefaults', () => {
    const cases: Array<[string, string, string]> = [
      ['placeholder', 'nn.Linear(${1:784}, ${2:128})', 'nn.Linear(784, 128)'],
      ['mirrored tab stop', 'x = ${1:n}\ny = ${1:n}', 'x = n\ny = n'],
      ['nested placeholders', 'lr=${1:base * ${2:0.1}}', 'lr=base * 0.1'],
      ['choice takes its first option', 'keras.optimizers.${1|Adam,AdamW,SGD|}()', 'keras.optimizers.Adam()'],
      ['bare tab stops vanish', 'a = 1$0\nb = $1', 'a = 1\nb = '],
      ['empty-brace tab stop', 'f(${2})', 'f()'],
      ['escapes resolve', 'print("\\$5 \\} \\\\")', 'print("$5 } \\")'],
      ['variables without default are empty', '# file: $TM_FILENAME ${TM_LINE_NUMBER}', '# file:  '],
      ['variable default is kept', '${TM_SELECTED_TEXT:model}', 'model'],
      ['a lone dollar stays literal', 'cost = "$ 5"', 'cost = "$ 5"'],
      ['f-string braces are text', 'print(f"{loss.item():.4f}")', 'print(f"{loss.item():.4f}")'],
      ['unterminated placeholder stays literal', 'x = ${1:oops', 'x = ${1:oops'],
    ];
    for (const [name, input, expected] of cases) {
      test(name, () => assert.strictEqual(fillDefaults(input), expected));
    }

    test('no snippet syntax is left in any catalog body', () => {
      for (const task of SNIPPET_CATALOG) {
        for (const v of [task.tensorflow, task.pytorch]) {
          const filled = fillDefaults(v.body);
          assert.doesNotMatch(filled, /\$\{|\$[0-9]/, `${task.id}/${v.framework}`);
        }
      }
    });
  });

  test('maskSnippetSyntax keeps offsets and turns constructs into identifiers', () => {
    const body = 'nn.Linear(${1:784}, ${2|a,b|})$0 "\\$"';
    const { masked, placeholders } = maskSnippetSyntax(body);
    assert.strictEqual(masked.length, body.length);
    assert.strictEqual(masked, 'nn.Linear(________, _________)__ "__"');
    assert.deepStrictEqual(
      placeholders.map((p) => body.slice(p.innerFrom, p.innerTo)),
      ['784', ''],
    );
  });

  test('formatImport writes each import form', () => {
    assert.strictEqual(formatImport({ module: 'torch' }), 'import torch');
    assert.strictEqual(formatImport({ module: 'numpy', alias: 'np' }), 'import numpy as np');
    assert.strictEqual(formatImport({ module: 'torch', name: 'nn' }), 'from torch import nn');
    assert.strictEqual(formatImport({ module: 'torch.nn.functional', alias: 'F' }), 'import torch.nn.functional as F');
    assert.strictEqual(formatImport({ module: 'torch.utils.data', name: 'DataLoader' }), 'from torch.utils.data import DataLoader');
    assert.strictEqual(formatImport({ module: 'torch.nn.parallel', name: 'DistributedDataParallel', alias: 'DDP' }), 'from torch.nn.parallel import DistributedDataParallel as DDP');
    assert.strictEqual(formatImport({ module: 'torch', name: 'nn' }, 'nn_'), 'from torch import nn as nn_');
    assert.strictEqual(formatImport({ module: 'torch' }, 'torch_'), 'import torch as torch_');
  });

  suite('toVsCodeSnippets', () => {
    const snippets = toVsCodeSnippets(SNIPPET_CATALOG);

    test('two entries per task with tf-/keras- and torch- prefixes', () => {
      assert.strictEqual(Object.keys(snippets).length, SNIPPET_CATALOG.length * 2);
      const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
      assert.strictEqual(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
      for (const task of SNIPPET_CATALOG) {
        const tf = Object.values(snippets).find((s) => s.prefix[0] === `tf-${task.id}`);
        const torch = Object.values(snippets).find((s) => s.prefix[0] === `torch-${task.id}`);
        assert.ok(tf && torch, task.id);
        assert.deepStrictEqual(tf.prefix, [`tf-${task.id}`, `keras-${task.id}`]);
        assert.deepStrictEqual(torch.prefix, [`torch-${task.id}`]);
        assert.ok(tf.description.includes(task.title) && torch.description.includes(plainText(task.differences)));
      }
    });

    test('bodies are line arrays that start with their import lines', () => {
      const task = SNIPPET_CATALOG.find((t) => t.id === 'training-loop');
      assert.ok(task);
      const entry = Object.values(snippets).find((s) => s.prefix[0] === 'torch-training-loop');
      assert.ok(entry);
      assert.deepStrictEqual(entry.body.slice(0, 5), [
        'import torch',
        'from torch import nn',
        'from torch.utils.data import DataLoader',
        'from torch.utils.data import TensorDataset',
        '',
      ]);
      assert.deepStrictEqual(entry.body, withImportLines(task.pytorch).split('\n'));
      assert.ok(entry.body.every((line) => !line.includes('\n')));
      assert.ok(entry.body.some((line) => line.includes('${4:1e-3}')), 'tab stops survive');
    });

    test('the result is plain JSON for contributes.snippets', () => {
      assert.deepStrictEqual(JSON.parse(JSON.stringify(snippets)), snippets);
    });
  });
});

suite('plain text for pickers and completion details', () => {
  test('completion descriptions carry no markdown backticks', () => {
    const snippets = toVsCodeSnippets(SNIPPET_CATALOG);
    assert.ok(SNIPPET_CATALOG.some((t) => t.differences.includes('`')), 'the catalog uses code marks, so the test can fail');
    for (const [name, s] of Object.entries(snippets)) assert.ok(!s.description.includes('`'), `${name}: ${s.description}`);
  });

  test('the two variants of every task are described differently', () => {
    for (const task of SNIPPET_CATALOG) {
      assert.notStrictEqual(variantSummary(task.tensorflow), variantSummary(task.pytorch), task.id);
      assert.ok(!variantSummary(task.pytorch).includes('`'), task.id);
    }
  });

  test('plainText keeps the words and drops the marks', () => {
    assert.strictEqual(plainText('move them with `.to(device)` and back'), 'move them with .to(device) and back');
  });
});
