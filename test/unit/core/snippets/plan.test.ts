// Insertion planning: reuse the file's imports and aliases, add only what is missing.
import * as assert from 'assert';
import { findSnippetTask } from '../../../../src/core/snippets/catalog';
import { bindingsFromAnalysis, planInsertion, renameInSnippet, type ExistingBinding } from '../../../../src/core/snippets/plan';
import type { SnippetVariant } from '../../../../src/core/snippets/types';
import type { ImportStatement } from '../../../../src/core/python/types';

function variantOf(id: string, framework: 'tensorflow' | 'pytorch'): SnippetVariant {
  const task = findSnippetTask(id);
  assert.ok(task, id);
  return task[framework];
}

suite('snippets/plan', () => {
  // subclassed-model (PyTorch) needs `import torch`, `from torch import nn`, `import torch.nn.functional as F`.
  const model = variantOf('subclassed-model', 'pytorch');

  const table: Array<{ name: string; bindings: ExistingBinding[]; lines: string[]; renamedTo?: string }> = [
    { name: 'file with no imports', bindings: [], lines: ['import torch', 'from torch import nn', 'import torch.nn.functional as F'] },
    { name: 'import torch (torch.nn only as an attribute: add the from-import)', bindings: [{ local: 'torch', target: 'torch' }], lines: ['from torch import nn', 'import torch.nn.functional as F'] },
    { name: 'import torch.nn as nn', bindings: [{ local: 'nn', target: 'torch.nn' }], lines: ['import torch', 'import torch.nn.functional as F'] },
    { name: 'from torch import nn', bindings: [{ local: 'torch', target: 'torch' }, { local: 'nn', target: 'torch.nn' }], lines: ['import torch.nn.functional as F'] },
    {
      name: 'import torch.nn as neural',
      bindings: [{ local: 'torch', target: 'torch' }, { local: 'neural', target: 'torch.nn' }, { local: 'F', target: 'torch.nn.functional' }],
      lines: [],
      renamedTo: 'neural',
    },
  ];
  for (const row of table) {
    test(row.name, () => {
      const plan = planInsertion(model, { bindings: row.bindings });
      assert.deepStrictEqual(plan.importLines, row.lines);
      if (!row.renamedTo) {
        assert.strictEqual(plan.body, model.body);
        return;
      }
      assert.ok(plan.body.includes(`class \${1:MLP}(${row.renamedTo}.Module):`), plan.body);
      assert.ok(plan.body.includes(`self.hidden = ${row.renamedTo}.Linear(in_features, hidden)`));
      assert.ok(plan.body.includes(`self.dropout = ${row.renamedTo}.Dropout(\${4:0.2})`), 'tab stops intact');
      assert.ok(!/\bnn\./.test(plan.body), 'no nn. left');
      assert.strictEqual(plan.body.replaceAll(`${row.renamedTo}.`, 'nn.'), model.body, 'nothing else changed');
    });
  }

  test('TF with import tensorflow as tf + from tensorflow import keras: only numpy is missing', () => {
    const loop = variantOf('training-loop', 'tensorflow');
    const plan = planInsertion(loop, { bindings: [{ local: 'tf', target: 'tensorflow' }, { local: 'keras', target: 'tensorflow.keras' }] });
    assert.deepStrictEqual(plan.importLines, ['import numpy as np']);
    assert.strictEqual(plan.body, loop.body);
  });

  test('TF with import tensorflow.keras as K: the body uses K', () => {
    const seq = variantOf('sequential-model', 'tensorflow');
    const plan = planInsertion(seq, { bindings: [{ local: 'K', target: 'tensorflow.keras' }] });
    assert.deepStrictEqual(plan.importLines, []);
    assert.ok(plan.body.startsWith('model = K.Sequential(['), plan.body);
    assert.ok(plan.body.includes('K.layers.Dense(${2:128}, activation="relu")'));
  });

  test('a local taken by another target gets a fresh alias', () => {
    const plan = planInsertion(model, { bindings: [{ local: 'torch', target: 'torch' }, { local: 'nn', target: 'torch.nn' }, { local: 'F', target: 'sympy.functions' }] });
    assert.deepStrictEqual(plan.importLines, ['import torch.nn.functional as F_']);
    assert.ok(plan.body.includes('x = F_.relu(self.hidden(x))'));
  });

  test('a local bound by an assignment in the file gets a fresh alias', () => {
    const plan = planInsertion(model, { bindings: [{ local: 'torch', target: 'torch' }], boundNames: new Set(['torch', 'nn', 'F']) });
    assert.deepStrictEqual(plan.importLines, ['from torch import nn as nn_', 'import torch.nn.functional as F_']);
    assert.ok(plan.body.includes('class ${1:MLP}(nn_.Module):'));
  });

  test('renaming uses the Python tokenizer: attributes, keyword labels and strings stay', () => {
    const body = [
      'x = nn.Linear(${1:4}, 2)',
      'y = obj.nn',
      'print("nn", f"{nn}")',
      'f(nn=nn)',
      'z = ${2:nn.ReLU()}',
      'path = "${3:nn}.pt"',
      '# nn in a comment$0',
    ].join('\n');
    assert.strictEqual(
      renameInSnippet(body, new Map([['nn', 'neural']])),
      [
        'x = neural.Linear(${1:4}, 2)',
        'y = obj.nn',
        'print("nn", f"{neural}")',
        'f(nn=neural)',
        'z = ${2:neural.ReLU()}',
        'path = "${3:nn}.pt"',
        '# nn in a comment$0',
      ].join('\n'),
    );
  });

  test('bindingsFromAnalysis keeps module-level, absolute, non-star bindings', () => {
    const span = { from: 0, to: 0 };
    const statement = (over: Partial<ImportStatement>, bindings: Array<[string, string]>): ImportStatement => ({
      span, module: '', kind: 'import', relative: false, scope: 'module', conditional: false,
      bindings: bindings.map(([local, target]) => ({ local, target, span })),
      ...over,
    });
    const imports = [
      statement({}, [['torch', 'torch']]),
      statement({ kind: 'from' }, [['neural', 'torch.nn']]),
      statement({ scope: 'function' }, [['F', 'torch.nn.functional']]),
      statement({ relative: true }, [['utils', '.utils']]),
      statement({ kind: 'from' }, [['*', 'numpy.*']]),
    ];
    assert.deepStrictEqual(bindingsFromAnalysis({ imports }), [
      { local: 'torch', target: 'torch' },
      { local: 'neural', target: 'torch.nn' },
    ]);
  });
});
