/** Import forms, reference positions, scopes and symbolAt of analyzePython, on real-looking fixture files. */
import * as assert from 'node:assert';
import { analyzePython } from '../../../../src/core/python';
import { offsetIn, readFixture } from './fixtureText';

/** `qualifiedName` of the symbol at the start, middle and end of `word`: all three must agree. */
function symbolAtWord(text: string, snippet: string, word: string, nth = 0): string | undefined {
  const analysis = analyzePython(text);
  const start = offsetIn(text, snippet, word, nth);
  const names = [start, start + (word.length >> 1), start + word.length].map((o) => analysis.symbolAt(o)?.qualifiedName);
  assert.ok(names.every((n) => n === names[0]), `symbolAt differs across ${word}: ${names.join(', ')}`);
  return names[0];
}

suite('analyzePython: import forms', () => {
  const text = readFixture('python/import_forms.py');
  const analysis = analyzePython(text);

  const hoverCases: Array<[string, string, string, string | undefined, number?]> = [
    ['import a as b: module name', 'import tensorflow as tf', 'tensorflow', 'tensorflow'],
    ['import a as b: the alias', 'import tensorflow as tf', 'tf', 'tensorflow'],
    ['import a.b.c: first segment', 'import torch.nn.functional', 'torch', 'torch'],
    ['import a.b.c: middle segment', 'import torch.nn.functional', 'nn', 'torch.nn'],
    ['import a.b.c: last segment', 'import torch.nn.functional', 'functional', 'torch.nn.functional'],
    ['import a.b as c: alias targets a.b', 'import tensorflow.keras.layers as layers', 'layers', 'tensorflow.keras.layers', 1],
    ['from a import b: module', 'from torch import nn, optim', 'torch', 'torch'],
    ['from a import b: name', 'from torch import nn, optim', 'nn', 'torch.nn'],
    ['from a import b, c: second name', 'from torch import nn, optim', 'optim', 'torch.optim'],
    ['from a.b import c as d: name', 'DataLoader as Loader', 'DataLoader', 'torch.utils.data.DataLoader'],
    ['from a.b import c as d: alias', 'DataLoader as Loader', 'Loader', 'torch.utils.data.DataLoader'],
    ['parenthesised import', '    EarlyStopping,', 'EarlyStopping', 'tensorflow.keras.callbacks.EarlyStopping'],
    ['parenthesised import with alias', 'ModelCheckpoint as Checkpoint', 'Checkpoint', 'tensorflow.keras.callbacks.ModelCheckpoint'],
    ['from tensorflow import keras', 'from tensorflow import keras', 'keras', 'tensorflow.keras'],
    ['multi-name import', 'import torchvision.transforms as T, torchaudio', 'torchaudio', 'torchaudio'],
    ['import inside try/except ImportError', 'import tf_keras as legacy_keras', 'legacy_keras', 'tf_keras'],
    ['import under TYPE_CHECKING', 'from torch import Tensor', 'Tensor', 'torch.Tensor'],
    ['relative import is never a framework', 'from . import tf_utils', 'tf_utils', undefined],
    ['relative import named like a framework module', 'from ..common import nn as local_nn', 'nn', undefined],
    ['non-framework import', 'import numpy as np', 'numpy', undefined],
    ['use of a from-import alias', 'loader = Loader(', 'Loader', 'torch.utils.data.DataLoader'],
    ['use of `from tensorflow import keras`', 'model = keras.Sequential()', 'Sequential', 'tensorflow.keras.Sequential'],
    ['use of `import a.b.c` binds a', 'x = torch.nn.functional.relu', 'relu', 'torch.nn.functional.relu'],
    ['use of a multi-name import alias', 'aug = T.Compose', 'Compose', 'torchvision.transforms.Compose'],
    ['use of an import made in a function', 'return Sequential([', 'Sequential', 'keras.Sequential'],
    ['use of a relative import', 'helper = tf_utils.make()', 'make', undefined],
    ['use of a relative alias', 'other = local_nn.Layer()', 'Layer', undefined],
    ['use of numpy', 'arr = np.zeros(3)', 'zeros', undefined],
  ];
  for (const [name, snippet, word, expected, nth] of hoverCases) {
    test(name, () => assert.strictEqual(symbolAtWord(text, snippet, word, nth ?? 0), expected));
  }

  test('import statements carry module, scope, relative and conditional flags', () => {
    const summary = analysis.imports.map((s) => `${s.kind} ${s.module} ${s.scope}${s.relative ? ' relative' : ''}${s.conditional ? ' conditional' : ''}`);
    assert.deepStrictEqual(summary, [
      'import os module',
      'import numpy module',
      'import tensorflow module',
      'import torch module',
      'import torch.nn.functional module',
      'import tensorflow.keras.layers module',
      'from torch module',
      'from torch.utils.data module',
      'from tensorflow.keras.callbacks module',
      'from tensorflow module',
      'import torchvision.transforms module',
      'import torchaudio module',
      'from . module relative',
      'from .models module relative',
      'from ..common module relative',
      'import tf_keras module conditional',
      'from typing module',
      'from torch module conditional',
      'from keras function',
      'import torch.distributed class',
    ]);
  });

  test('bindings give local, target and alias spans', () => {
    const fromData = analysis.imports.find((s) => s.module === 'torch.utils.data');
    assert.ok(fromData);
    assert.deepStrictEqual(
      fromData.bindings.map((b) => [b.local, b.target, text.slice(b.span.from, b.span.to), b.aliasSpan && text.slice(b.aliasSpan.from, b.aliasSpan.to)]),
      [
        ['Loader', 'torch.utils.data.DataLoader', 'DataLoader', 'Loader'],
        ['Dataset', 'torch.utils.data.Dataset', 'Dataset', undefined],
      ],
    );
    const plain = analysis.imports.find((s) => s.module === 'torch.nn.functional');
    assert.deepStrictEqual(plain?.bindings.map((b) => [b.local, b.target]), [['torch', 'torch']]);
  });

  test('every framework root imported is listed', () => {
    assert.deepStrictEqual([...analysis.frameworks].sort(), ['keras', 'tensorflow', 'tf_keras', 'torch', 'torchaudio', 'torchvision']);
  });

  test('import lines are references with inImport and the imported target', () => {
    const inImport = analysis.references.filter((r) => r.inImport).map((r) => `${r.written}=${r.qualifiedName}`);
    assert.ok(inImport.includes('torch=torch'));
    assert.ok(inImport.includes('nn=torch.nn'));
    assert.ok(inImport.includes('tensorflow.keras.layers=tensorflow.keras.layers'));
    assert.ok(inImport.includes('ModelCheckpoint=tensorflow.keras.callbacks.ModelCheckpoint'));
    assert.ok(!inImport.some((r) => r.startsWith('tf_utils') || r.startsWith('numpy') || r.startsWith('os')), inImport.join(' '));
  });

  test('code references are whole chains in document order', () => {
    const code = analysis.references.filter((r) => !r.inImport).map((r) => r.qualifiedName);
    assert.deepStrictEqual(code, [
      'keras.Sequential',
      'tensorflow.keras.layers.Dense',
      'torch.nn.functional.relu',
      'torch.ones',
      'torch.nn.Linear',
      'torch.utils.data.DataLoader',
      'torch.utils.data.Dataset',
      'tensorflow.keras.callbacks.EarlyStopping',
      'tensorflow.keras.callbacks.ModelCheckpoint',
      'torchvision.transforms.Compose',
      'torchvision.transforms.ToTensor',
      'torchaudio.load',
      'tensorflow.keras.Sequential',
      'tf_keras.layers.Dense',
      'tf_keras',
    ]);
  });
});

suite('analyzePython: scopes and shadowing', () => {
  const text = readFixture('python/scopes.py');
  const analysis = analyzePython(text);

  test('only names bound to the framework in their scope are references', () => {
    const lines = text.split('\n');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const found = analysis.references.filter((r) => !r.inImport).map((r) => `${r.qualifiedName} @ ${lines[lineOf(r.span.from) - 1].trim()}`);
    assert.deepStrictEqual(found, [
      'tensorflow.reduce_sum @ return tf.reduce_sum(x)',
      'torch.arange @ return torch.arange(5)',
      'tensorflow.shape @ return sizes, tf.shape(items)',
      'torch.nn.ReLU @ after_lambda = nn.ReLU()',
      'tensorflow.constant @ return tf.constant(1)',
      'tensorflow.Variable @ return tf.Variable(0)',
    ]);
  });

  const shadowCases: Array<[string, string, string]> = [
    ['function parameter named tf', 'return tf.reduce_sum(3)', 'reduce_sum'],
    ['local variable named tf', 'return tf.reduce_mean', 'reduce_mean'],
    ['import inside another function', 'return torch.arange(6)', 'arange'],
    ['for-loop target', '        nn.forward()', 'forward'],
    ['comprehension variable', '[nn.size for nn in items]', 'size'],
    ['comprehension variable named tf', '[tf.size for tf in items]', 'size'],
    ['lambda parameter', 'lambda nn: nn.weight', 'weight'],
    ['with ... as', '        tf.read()', 'read'],
    ['except ... as', '        nn.args', 'args'],
    ['class attribute named tf', 'value = tf.upper()', 'upper'],
    ['keyword argument names', 'dict(tf=1, nn=2)', 'tf'],
    ['re-binding after the import', 'rebound = tf.constant(2)', 'constant'],
  ];
  for (const [name, snippet, word] of shadowCases) {
    test(`not a framework: ${name}`, () => assert.strictEqual(symbolAtWord(text, snippet, word), undefined));
  }
});

suite('analyzePython: expression positions', () => {
  const text = readFixture('python/positions.py');
  const analysis = analyzePython(text);

  const positionCases: Array<[string, string, string, string]> = [
    ['decorator', '@tf.function(jit_compile', 'function', 'tensorflow.function'],
    ['decorator call', '@torch.no_grad()', 'no_grad', 'torch.no_grad'],
    ['parameter annotation', 'x: tf.Tensor', 'Tensor', 'tensorflow.Tensor'],
    ['default value', 'scale=torch.float32', 'float32', 'torch.float32'],
    ['return annotation inside a subscript', 'Optional[torch.Tensor]', 'Tensor', 'torch.Tensor'],
    ['call of a call', 'tf.keras.layers.Dense(10', 'layers', 'tensorflow.keras.layers'],
    ['dictionary comprehension', '{k: torch.float16 for', 'float16', 'torch.float16'],
    ['lambda body', 'lambda t: torch.as_tensor(t)', 'as_tensor', 'torch.as_tensor'],
    ['list comprehension', '[tf.shape(item)', 'shape', 'tensorflow.shape'],
    ['subscript index', 'batch[torch.argmax(batch)]', 'argmax', 'torch.argmax'],
    ['f-string expression', '{torch.cuda.current_device()}', 'cuda', 'torch.cuda'],
    ['from-imported name called', 'old = Variable(batch', 'Variable', 'torch.autograd.Variable'],
    ['chain split over lines in parentheses', '    .SGD([], lr=0.1)', 'SGD', 'torch.optim.SGD'],
  ];
  for (const [name, snippet, word, expected] of positionCases) {
    test(name, () => assert.strictEqual(symbolAtWord(text, snippet, word), expected));
  }

  const negativeCases: Array<[string, string, string]> = [
    ['inside a comment', '# tf.keras.layers.Dense in a comment', 'layers'],
    ['inside a string', '"tf.keras.layers.Dense in a string', 'Dense'],
    ['inside a string argument', 'activation="relu"', 'relu'],
    ['plain text of an f-string', 'plain={batch}', 'plain'],
    ['an ordinary name', 'return dtype_map, pick', 'pick'],
    ['a method on a call result', 'torch.zeros(3).cuda()', 'cuda'],
  ];
  for (const [name, snippet, word] of negativeCases) {
    test(`nothing ${name}`, () => assert.strictEqual(symbolAtWord(text, snippet, word), undefined));
  }

  test('a chain stops at a call: torch.zeros(3).cuda is torch.zeros', () => {
    const start = offsetIn(text, 'torch.zeros(3).cuda()');
    const reference = analysis.references.find((r) => r.span.from === start);
    assert.strictEqual(reference?.qualifiedName, 'torch.zeros');
    assert.strictEqual(reference?.written, 'torch.zeros');
  });

  test('keyword arguments of direct calls, with spans', () => {
    const old = analysis.references.find((r) => r.written === 'Variable' && !r.inImport);
    assert.deepStrictEqual(
      old?.callKeywords?.map((k) => [k.name, text.slice(k.span.from, k.span.to)]),
      [['volatile', 'volatile']],
    );
    const decorator = analysis.references.find((r) => r.qualifiedName === 'tensorflow.function');
    assert.deepStrictEqual(decorator?.callKeywords?.map((k) => k.name), ['jit_compile', 'reduce_retracing']);
    const notCalled = analysis.references.find((r) => r.qualifiedName === 'torch.float32');
    assert.strictEqual(notCalled?.callKeywords, undefined);
  });

  test('symbolAt gives the chain up to the hovered segment with its span and written text', () => {
    const chainStart = offsetIn(text, 'tf.keras.layers.Dense(10');
    const layersEnd = chainStart + 'tf.keras.layers'.length;
    assert.deepStrictEqual(analysis.symbolAt(layersEnd - 2), {
      qualifiedName: 'tensorflow.keras.layers',
      written: 'tf.keras.layers',
      span: { from: chainStart, to: layersEnd },
      inImport: false,
    });
    const reference = analysis.references.find((r) => r.span.from === chainStart);
    assert.strictEqual(reference?.qualifiedName, 'tensorflow.keras.layers.Dense');
    assert.strictEqual(text.slice(reference.lastSegment.from, reference.lastSegment.to), 'Dense');
  });

  test('the cursor right after a word counts, the dot before the next word does not start it', () => {
    const chainStart = offsetIn(text, 'tf.keras.layers.Dense(10');
    assert.strictEqual(analysis.symbolAt(chainStart + 2)?.qualifiedName, 'tensorflow');
    assert.strictEqual(analysis.symbolAt(chainStart + 3)?.qualifiedName, 'tensorflow.keras');
    assert.strictEqual(analysis.symbolAt(chainStart + 'tf.keras.layers.Dense'.length)?.qualifiedName, 'tensorflow.keras.layers.Dense');
    assert.strictEqual(analysis.symbolAt(chainStart + 'tf.keras.layers.Dense('.length), undefined);
  });

  test('hover on import lines reports inImport', () => {
    const at = offsetIn(text, 'from torch.autograd import Variable', 'autograd');
    assert.deepStrictEqual(analysis.symbolAt(at), { qualifiedName: 'torch.autograd', written: 'torch.autograd', span: { from: at - 'torch.'.length, to: at + 'autograd'.length }, inImport: true });
  });

  test('positions outside the text give nothing', () => {
    assert.strictEqual(analysis.symbolAt(-5), undefined);
    assert.strictEqual(analysis.symbolAt(text.length + 10), undefined);
  });
});

suite('analyzePython: star imports, compat.v1 and broken code', () => {
  test('star import: names bound nowhere else resolve into the module; builtins, locals, private names do not', () => {
    const text = readFixture('python/star_import.py');
    const code = analyzePython(text).references.filter((r) => !r.inImport).map((r) => r.qualifiedName);
    assert.deepStrictEqual(code, ['torch.nn.Module', 'torch.nn.Linear']);
  });

  test('import tensorflow.compat.v1 as tf maps tf.X to tensorflow.compat.v1.X', () => {
    const text = readFixture('python/compat_v1.py');
    const code = analyzePython(text).references.filter((r) => !r.inImport).map((r) => r.qualifiedName);
    assert.deepStrictEqual(code, [
      'tensorflow.compat.v1.disable_v2_behavior',
      'tensorflow.compat.v1.placeholder',
      'tensorflow.compat.v1.float32',
      'tensorflow.compat.v1.Session',
    ]);
  });

  test('a file with syntax errors is flagged and still analysed past the errors', () => {
    const analysis = analyzePython(readFixture('python/broken.py'));
    assert.strictEqual(analysis.hasSyntaxErrors, true);
    const code = analysis.references.filter((r) => !r.inImport).map((r) => r.qualifiedName);
    assert.ok(code.includes('tensorflow.keras.layers.Dense'), code.join(' '));
    assert.ok(code.includes('torch.ones'), code.join(' '));
  });

  test('clean files have no syntax errors and ordinary code gives nothing', () => {
    const analysis = analyzePython(readFixture('python/positions.py'));
    assert.strictEqual(analysis.hasSyntaxErrors, false);
    const plain = analyzePython('import numpy as np\nx = np.zeros(3)\nprint(len(x))\n');
    assert.deepStrictEqual([plain.references.length, plain.frameworks.size], [0, 0]);
  });

  test('an except-handler fallback keeps the import; a module-level rebinding ends it', () => {
    const text = readFixture('python/import_forms.py');
    const analysis = analyzePython(text);
    const at = offsetIn(text, 'legacy_keras = None', 'legacy_keras');
    assert.strictEqual(analysis.symbolAt(at), undefined, 'the assignment target itself is not a reference');
    const use = offsetIn(text, 'legacy = legacy_keras.layers.Dense', 'Dense');
    assert.strictEqual(analysis.symbolAt(use)?.qualifiedName, 'tf_keras.layers.Dense');
    const rebound = analyzePython(`${text}\nlegacy_keras = object()\nlater = legacy_keras.layers\n`);
    assert.strictEqual(rebound.symbolAt(rebound.text.lastIndexOf('layers'))?.qualifiedName, undefined);
  });
});

suite('analyzePython: attributes a file sets on a framework package', () => {
  const text = readFixture('python/module_attribute.py');
  const analysis = analyzePython(text);
  const names = analysis.references.filter((r) => !r.inImport).map((r) => r.qualifiedName);

  test('tf.model = … makes every tf.model… of the file the user\'s: no reference, no hover past tf', () => {
    assert.ok(!names.some((n) => n.startsWith('tensorflow.model')), names.join(', '));
    assert.strictEqual(symbolAtWord(text, 'tf.model.add(tf.keras', 'model'), undefined);
    assert.strictEqual(symbolAtWord(text, 'history = tf.model.fit', 'fit'), undefined);
    assert.strictEqual(symbolAtWord(text, 'tf.model = tf.keras', 'model'), undefined);
    assert.strictEqual(symbolAtWord(text, 'history = tf.model.fit', 'tf'), 'tensorflow');
  });

  test('the assignment holds for the whole file, before it and inside functions', () => {
    assert.strictEqual(symbolAtWord(text, 'tf.model.summary()', 'summary'), undefined);
    assert.strictEqual(symbolAtWord(text, 'state = torch.cached_load', 'cached_load'), undefined);
    assert.ok(!names.includes('torch.cached_load'));
  });

  test('framework names beside the user\'s keep their references', () => {
    for (const name of ['tensorflow.keras.Sequential', 'tensorflow.keras.layers.Dense', 'tensorflow.keras.optimizers.SGD', 'torch.load', 'tensorflow.reduce_sum', 'tensorflow.constant']) {
      assert.ok(names.includes(name), `${name} missing from ${names.join(', ')}`);
    }
  });

  test('a flag set on a submodule binding and an attribute of a shadowing parameter stay as they were', () => {
    assert.strictEqual(symbolAtWord(text, 'if cudnn.benchmark:', 'benchmark'), 'torch.backends.cudnn.benchmark');
    assert.ok(names.includes('torch.backends.cudnn.benchmark'));
    assert.strictEqual(symbolAtWord(text, 'return tf.layer', 'layer'), undefined);
    assert.ok(!names.includes('tensorflow.layer'));
  });
});
