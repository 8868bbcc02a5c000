/**
 * Differential test of the incremental analysis: after each of many random typing edits (seeded, so every run
 * types the same), the cache's analysis, which reuses the previous tree, must equal a fresh analysis of the text.
 */
import * as assert from 'node:assert';
import { AnalysisCache, analyzePython, type PythonAnalysis, type TextChange } from '../../../../src/core/python';
import { readFixture } from './fixtureText';

/** mulberry32: small, fast and deterministic. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the hover and the diagnostics read from an analysis. */
function summary(analysis: PythonAnalysis): object {
  return {
    references: analysis.references.map((r) => `${r.span.from}-${r.span.to} ${r.qualifiedName}${r.inImport ? ' (import)' : ''}`),
    imports: analysis.imports.map((i) => `${i.span.from}-${i.span.to} ${i.bindings.map((b) => `${b.local}=${b.target}`).join(',')}`),
    frameworks: [...analysis.frameworks].sort(),
    hasSyntaxErrors: analysis.hasSyntaxErrors,
  };
}

/** Typing as people do: brackets, quotes, colons, dots, newlines and indentation, words, and deletions. */
const TYPED = ['(', ')', '[', ']', ':', '.', ',', '"', "'", '\n', '\n    ', ' ', '=', '#', 'tf', 'torch', '.placeholder', 'import ', 'def f', 'x', '1.', '\\'];

function randomEdit(text: string, random: () => number): { text: string; change: TextChange } {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.3 && text.length > 0) {
    const length = 1 + Math.floor(random() * 6);
    const to = Math.min(text.length, at + length);
    return { text: text.slice(0, at) + text.slice(to), change: { from: at, to, insertedLength: 0 } };
  }
  const inserted = TYPED[Math.floor(random() * TYPED.length)];
  return { text: text.slice(0, at) + inserted + text.slice(at), change: { from: at, to: at, insertedLength: inserted.length } };
}

suite('incremental analysis equals a fresh one after random edits', () => {
  for (const [fixture, seed] of [
    ['python/compat_v1.py', 1],
    ['python/scopes.py', 2],
    ['python/import_forms.py', 3],
    ['python/syntax/cpython_accepts.py', 4],
  ] as const) {
    test(`${fixture}, seed ${seed}: 150 edits`, function () {
      this.timeout(60_000);
      const random = seededRandom(seed);
      const cache = new AnalysisCache();
      let text = readFixture(fixture);
      cache.get('doc', 0, text);
      for (let version = 1; version <= 150; version++) {
        const edit = randomEdit(text, random);
        text = edit.text;
        const incremental = summary(cache.get('doc', version, text, [edit.change]));
        assert.deepStrictEqual(incremental, summary(analyzePython(text)), `after edit ${version} (${JSON.stringify(edit.change)})`);
      }
    });
  }

  test('changes that skip a version (only the last edit passed) do not reuse the tree of replaced text', () => {
    const text = readFixture('python/positions.py');
    const cache = new AnalysisCache();
    cache.get('doc', 1, text);
    // Version 2 (never analysed): the `i` of `import torch` becomes `)`. Version 3: the last character changes.
    const importAt = text.indexOf('import torch\n');
    const v2 = text.slice(0, importAt) + ')' + text.slice(importAt + 1);
    const lastAt = v2.length - 2;
    const v3 = v2.slice(0, lastAt) + '#' + v2.slice(lastAt + 1);
    const incremental = cache.get('doc', 3, v3, [{ from: lastAt, to: lastAt + 1, insertedLength: 1 }]);
    assert.deepStrictEqual(summary(incremental), summary(analyzePython(v3)));
  });

  test('a stray ")" typed above `import tensorflow.compat.v1 as tf` (the case from issue 16)', () => {
    const text = readFixture('python/compat_v1.py');
    const cache = new AnalysisCache();
    cache.get('doc', 1, text);
    const at = text.indexOf('import tensorflow.compat.v1 as tf');
    assert.ok(at >= 0);
    const edited = text.slice(0, at) + ')\n' + text.slice(at);
    assert.deepStrictEqual(summary(cache.get('doc', 2, edited, [{ from: at, to: at, insertedLength: 2 }])), summary(analyzePython(edited)));
  });
});
