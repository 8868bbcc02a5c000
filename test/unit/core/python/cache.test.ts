/** AnalysisCache parses once per version, reuses trees across edits and forgets the least recently used document. */
import * as assert from 'node:assert';
import { AnalysisCache, analyzePython, analyzePythonAsync } from '../../../../src/core/python';
import { readFixture } from './fixtureText';

const qualifiedNames = (text: string, cache: AnalysisCache, key: string, version: number, changes?: Array<{ from: number; to: number; insertedLength: number }>) =>
  cache.get(key, version, text, changes).references.map((r) => `${r.span.from}:${r.qualifiedName}`);

suite('AnalysisCache', () => {
  const text = readFixture('python/positions.py');

  test('parses once per (document, version)', () => {
    const cache = new AnalysisCache();
    const first = cache.get('a.py', 1, text);
    assert.strictEqual(cache.get('a.py', 1, text), first);
    assert.strictEqual(cache.parseCount, 1);
    cache.get('a.py', 2, text + '\n');
    cache.get('a.py', 2, text + '\n');
    cache.get('b.py', 1, text);
    assert.strictEqual(cache.parseCount, 3);
  });

  test('an incremental re-parse with edits equals a fresh analysis', () => {
    const cache = new AnalysisCache();
    cache.get('a.py', 1, text);
    const insertAt = text.indexOf('    return torch.zeros(3)');
    const inserted = '    extra = tf.nn.relu(y)\n';
    const edited = text.slice(0, insertAt) + inserted + text.slice(insertAt);
    const incremental = qualifiedNames(edited, cache, 'a.py', 2, [{ from: insertAt, to: insertAt, insertedLength: inserted.length }]);
    const fresh = analyzePython(edited).references.map((r) => `${r.span.from}:${r.qualifiedName}`);
    assert.deepStrictEqual(incremental, fresh);
    assert.ok(incremental.some((r) => r.endsWith('tensorflow.nn.relu')));

    const deleteFrom = edited.indexOf('@torch.no_grad()');
    const shrunk = edited.slice(0, deleteFrom) + edited.slice(deleteFrom + '@torch.no_grad()\n'.length);
    const afterDelete = qualifiedNames(shrunk, cache, 'a.py', 3, [{ from: deleteFrom, to: deleteFrom + '@torch.no_grad()\n'.length, insertedLength: 0 }]);
    assert.deepStrictEqual(afterDelete, analyzePython(shrunk).references.map((r) => `${r.span.from}:${r.qualifiedName}`));
    assert.strictEqual(cache.parseCount, 3);
  });

  test('changes that do not match the texts fall back to a full parse', () => {
    const cache = new AnalysisCache();
    cache.get('a.py', 1, text);
    const edited = 'import torch\ntorch.ones(1)\n';
    assert.deepStrictEqual(qualifiedNames(edited, cache, 'a.py', 2, [{ from: 0, to: 3, insertedLength: 1 }]), ['7:torch', '13:torch.ones']);
  });

  test('evicts the least recently used document beyond its capacity', () => {
    const cache = new AnalysisCache(2);
    cache.get('a.py', 1, text);
    cache.get('b.py', 1, text);
    cache.get('a.py', 1, text); // a is now the most recent
    cache.get('c.py', 1, text); // evicts b
    assert.strictEqual(cache.size, 2);
    assert.strictEqual(cache.parseCount, 3);
    cache.get('a.py', 1, text);
    assert.strictEqual(cache.parseCount, 3, 'a stayed cached');
    cache.get('b.py', 1, text);
    assert.strictEqual(cache.parseCount, 4, 'b was evicted and parsed again');
  });
});

suite('analyzePythonAsync', () => {
  const big = readFixture('python/positions.py').repeat(200);

  test('gives the same result as the synchronous analysis, yielding in between', async () => {
    let yields = 0;
    const analysis = await analyzePythonAsync(big, { yieldEvery: 0, yieldFn: async () => void yields++ });
    assert.ok(analysis);
    assert.deepStrictEqual(analysis.references, analyzePython(big).references);
    assert.ok(yields > 10, `only ${yields} yields`);
  });

  test('stops when asked and resolves to undefined', async () => {
    let yields = 0;
    const analysis = await analyzePythonAsync(big, { yieldEvery: 0, yieldFn: async () => void yields++, shouldStop: () => yields >= 3 });
    assert.strictEqual(analysis, undefined);
    assert.strictEqual(yields, 3);
  });

  test('the default yield works and too-large texts are skipped', async () => {
    const analysis = await analyzePythonAsync('import torch\ntorch.ones(1)\n');
    assert.deepStrictEqual(analysis?.references.map((r) => r.qualifiedName), ['torch', 'torch.ones']);
    assert.strictEqual((await analyzePythonAsync('x = 1\n', { maxBytes: 2 }))?.skipped, 'too-large');
  });
});
