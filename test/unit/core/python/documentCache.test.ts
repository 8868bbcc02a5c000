import * as assert from 'node:assert';
import { DocumentAnalysisCache, SLICED_PARSE_THRESHOLD } from '../../../../src/core/python';

const small = 'import torch\nlayer = torch.nn.Linear(3, 4)\n';

suite('DocumentAnalysisCache', () => {
  test('parses once per version; a new version parses again', async () => {
    const cache = new DocumentAnalysisCache();
    const a = await cache.get('file:///a.py', 1, small, { maxBytes: 1_000_000 });
    assert.ok(a && a !== 'too-large');
    assert.strictEqual(a.references.some((r) => r.qualifiedName === 'torch.nn.Linear'), true);
    await cache.get('file:///a.py', 1, small, { maxBytes: 1_000_000 });
    assert.strictEqual(cache.parseCount, 1);
    await cache.get('file:///a.py', 2, small + 'x = 1\n', { maxBytes: 1_000_000 });
    assert.strictEqual(cache.parseCount, 2);
  });

  test('texts over the byte limit are not analysed, counting UTF-8 bytes, not characters', async () => {
    const cache = new DocumentAnalysisCache();
    const text = `# ${'é'.repeat(600)}\nimport torch\n`; // ~615 characters, ~1,215 bytes
    assert.strictEqual(await cache.get('k', 1, text, { maxBytes: 1000 }), 'too-large');
    assert.strictEqual(cache.parseCount, 0);
    const ok = await cache.get('k', 2, text, { maxBytes: 2000 });
    assert.ok(ok && ok !== 'too-large');
  });

  test('a large text is parsed in slices and can be stopped; once done it is cached', async () => {
    const line = 'y = torch.nn.functional.relu(x)\n';
    const text = 'import torch\n' + line.repeat(Math.ceil(SLICED_PARSE_THRESHOLD / line.length) + 10);
    const cache = new DocumentAnalysisCache();
    assert.strictEqual(await cache.get('big', 1, text, { maxBytes: 10_000_000, shouldStop: () => true }), undefined);
    const done = await cache.get('big', 1, text, { maxBytes: 10_000_000 });
    assert.ok(done && done !== 'too-large');
    assert.ok(done.references.length > 1000);
    const before = cache.parseCount;
    assert.strictEqual(await cache.get('big', 1, text, { maxBytes: 10_000_000 }), done);
    assert.strictEqual(cache.parseCount, before);
  });
  test('a hover and the diagnostics of the same new version share one analysis', async () => {
    const line = 'y = torch.nn.functional.relu(x)\n';
    const v1 = 'import torch\n' + line.repeat(Math.ceil(SLICED_PARSE_THRESHOLD / line.length) + 10);
    const v2 = v1 + 'z = torch.ones(3)\n';
    const cache = new DocumentAnalysisCache();
    await cache.get('doc', 1, v1, { maxBytes: 10_000_000 });
    const before = cache.parseCount;
    const hover = await cache.forHover('doc', 2, () => v2, { maxBytes: 10_000_000 });
    const diagnostics = await cache.get('doc', 2, v2, { maxBytes: 10_000_000 });
    assert.strictEqual(cache.parseCount, before + 1, 'one analysis for version 2');
    assert.ok(hover && hover !== 'too-large' && diagnostics && diagnostics !== 'too-large');
    assert.notStrictEqual(hover, diagnostics, 'the hover did not wait: it answered from version 1, mapped');
    assert.ok(diagnostics.references.some((r) => r.written === 'torch.ones'));
    assert.strictEqual(await cache.forHover('doc', 2, () => v2, { maxBytes: 10_000_000 }), diagnostics);
  });

  test('documents beyond the capacity are forgotten, least recently used first', async () => {
    const cache = new DocumentAnalysisCache(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, 1, small, { maxBytes: 1_000_000 });
    assert.strictEqual(cache.parseCount, 3);
    assert.ok(cache.current('c', 1) && cache.current('b', 1));
    assert.strictEqual(cache.current('a', 1), undefined, 'a was evicted');
    await cache.get('a', 1, small, { maxBytes: 1_000_000 });
    assert.strictEqual(cache.parseCount, 4);
    assert.strictEqual(cache.current('c', 1), undefined, 'c was the least recently used (b was read after it)');
  });
});
