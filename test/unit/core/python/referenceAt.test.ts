/** The reference behind a span, found by binary search in document order. */
import * as assert from 'node:assert';
import { analyzePython, referenceAt } from '../../../../src/core/python';

suite('referenceAt', () => {
  const text = ['import tensorflow as tf', 'import torch', 'x = tf.keras.layers.Dense(3)', 'y = torch.nn.Linear(2, 3)', 'z = tf.nn.relu(torch.zeros(2))', ''].join('\n');
  const analysis = analyzePython(text);

  test('finds every reference by its own span, and nothing for a span that is not one', () => {
    assert.ok(analysis.references.length >= 5);
    for (const reference of analysis.references) assert.strictEqual(referenceAt(analysis.references, reference.span), reference);
    const dense = analysis.references.find((r) => r.written === 'tf.keras.layers.Dense');
    assert.ok(dense);
    // A prefix of a chain (`tf.keras`) is not a reference of its own.
    assert.strictEqual(referenceAt(analysis.references, { from: dense.span.from, to: dense.span.from + 'tf.keras'.length }), undefined);
    assert.strictEqual(referenceAt(analysis.references, { from: 0, to: 3 }), undefined);
    assert.strictEqual(referenceAt([], dense.span), undefined);
  });
});
