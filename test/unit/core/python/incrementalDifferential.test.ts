/**
 * Differential test of the incremental analysis: after each of many random typing edits (seeded, so every run
 * types the same), the cache's analysis, which reuses the previous tree, must equal a fresh analysis of the text;
 * for large documents on the sliced path too, and a hover's mapped previous analysis must answer as the previous
 * version did, moved with the text.
 */
import * as assert from 'node:assert';
import { AnalysisCache, analyzePython, changedRange, DocumentAnalysisCache, MappedAnalysis, SLICED_PARSE_THRESHOLD, type PythonAnalysis, type SymbolAtPosition, type TextChange } from '../../../../src/core/python';
import { readFixture } from './fixtureText';
import { argumentSpan } from '../../../../src/core/python/types';
import { seededRandom } from '../../seededRandom';


/** What the hover and the diagnostics read from an analysis. */
function summary(analysis: PythonAnalysis): object {
  return {
    references: analysis.references.map((r) => `${r.span.from}-${r.span.to} ${r.qualifiedName}${r.inImport ? ' (import)' : ''}${r.callArguments ? ` (${r.callArguments.items.map((a) => `${a.kind} ${r.callArguments!.span.from + a.at.from}-${r.callArguments!.span.from + a.at.to}`).join(', ')})` : ''}`),
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

/** Fixtures joined until the text is over the sliced-parse threshold, so the large-document path runs. */
function largeText(): string {
  const parts = ['python/compat_v1.py', 'python/scopes.py', 'python/import_forms.py', 'python/positions.py'].map(readFixture);
  let text = '';
  while (text.length <= SLICED_PARSE_THRESHOLD) text += parts.join('\n');
  return text;
}

suite('large documents: the sliced incremental analysis equals a fresh one', () => {
  test('30 random edits, each analysed in slices from the previous tree', async function () {
    this.timeout(120_000);
    const random = seededRandom(5);
    const cache = new DocumentAnalysisCache();
    let text = largeText();
    assert.ok(text.length > SLICED_PARSE_THRESHOLD);
    await cache.get('doc', 0, text, { maxBytes: 10_000_000 });
    for (let version = 1; version <= 30; version++) {
      text = randomEdit(text, random).text;
      const analysis = await cache.get('doc', version, text, { maxBytes: 10_000_000 });
      assert.ok(analysis && analysis !== 'too-large');
      assert.deepStrictEqual(summary(analysis), summary(analyzePython(text, { maxBytes: 10_000_000 })), `after edit ${version}`);
    }
  });

  test('versions requested while an older one runs: the newest is right, the older one gives way', async function () {
    this.timeout(60_000);
    const cache = new DocumentAnalysisCache();
    const v1 = largeText();
    await cache.get('doc', 1, v1, { maxBytes: 10_000_000 });
    const v2 = `${v1}\nimport torch as th\n`;
    const v3 = `${v2}layer = th.nn.Linear(2, 3)\n`;
    const second = cache.get('doc', 2, v2, { maxBytes: 10_000_000 });
    const third = cache.get('doc', 3, v3, { maxBytes: 10_000_000 });
    const sameThird = cache.get('doc', 3, v3, { maxBytes: 10_000_000 });
    assert.strictEqual(sameThird, third, 'two requests for one version share one analysis');
    assert.strictEqual(await second, undefined);
    const analysis = await third;
    assert.ok(analysis && analysis !== 'too-large');
    assert.deepStrictEqual(summary(analysis), summary(analyzePython(v3, { maxBytes: 10_000_000 })));
    assert.ok(analysis.references.some((r) => r.qualifiedName === 'torch.nn.Linear' && r.written === 'th.nn.Linear'));
  });
});

suite('hover during an analysis: the previous version mapped through the edit', () => {
  /** Every offset inside a framework reference of `analysis`. */
  function referenceOffsets(analysis: PythonAnalysis): number[] {
    return analysis.references.flatMap((r) => Array.from({ length: r.span.to - r.span.from + 1 }, (_, i) => r.span.from + i));
  }

  test('random edits: every answer is the previous answer, moved with the text, and never touches the edit', async function () {
    this.timeout(120_000);
    const random = seededRandom(6);
    const cache = new DocumentAnalysisCache();
    let text = largeText();
    let previous = await cache.get('doc', 0, text, { maxBytes: 10_000_000 });
    for (let version = 1; version <= 20; version++) {
      assert.ok(previous && previous !== 'too-large');
      const before = text;
      text = randomEdit(text, random).text;
      const range = changedRange(before, text);
      assert.ok(range);
      const mapped = await cache.forHover('doc', version, () => text, { maxBytes: 10_000_000 });
      assert.ok(mapped instanceof MappedAnalysis, 'a large version is not analysed yet: the mapped previous one answers');
      const delta = range.toB - range.fromB - (range.toA - range.fromA);
      let answered = 0;
      for (const old of referenceOffsets(previous)) {
        const offset = old < range.fromA ? old : old > range.toA ? old + delta : undefined;
        if (offset === undefined) continue;
        const symbol: SymbolAtPosition | undefined = mapped.symbolAt(offset);
        const was: SymbolAtPosition | undefined = previous.symbolAt(old);
        if (!symbol) continue;
        answered++;
        assert.ok(was, `mapped answer at ${offset} where the previous version had none`);
        assert.strictEqual(symbol.qualifiedName, was.qualifiedName);
        assert.strictEqual(text.slice(symbol.span.from, symbol.span.to), before.slice(was.span.from, was.span.to), 'the span covers the same characters');
        assert.ok(symbol.span.to < range.fromB || symbol.span.from > range.toB, 'never a span touching the edit');
      }
      assert.ok(answered > 100, `the mapped analysis answers away from the edit (${answered})`);
      previous = await cache.get('doc', version, text, { maxBytes: 10_000_000 });
      assert.ok(!((await cache.forHover('doc', version, () => text, { maxBytes: 10_000_000 })) instanceof MappedAnalysis), 'once analysed, the new version answers');
    }
  });

  test('with the editor\'s edits noted, a hover maps without reading the text, as the text comparison would', async function () {
    this.timeout(120_000);
    const random = seededRandom(9);
    const cache = new DocumentAnalysisCache();
    let text = largeText();
    let analysed = text;
    let previous = await cache.get('doc', 0, text, { maxBytes: 10_000_000 });
    for (let version = 1; version <= 24; version++) {
      assert.ok(previous && previous !== 'too-large');
      // One to three changes per version, each in the offsets the one before it left, as VS Code sends them.
      const changes: TextChange[] = [];
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const edit = randomEdit(text, random);
        changes.push(edit.change);
        text = edit.text;
      }
      cache.noteEdit('doc', version, changes);
      const current = text;
      let reads = 0;
      const mapped = await cache.forHover('doc', version, () => (reads++, current), { maxBytes: 10_000_000 });
      assert.strictEqual(reads, 0, 'the hover did not read the text');
      assert.ok(mapped instanceof MappedAnalysis);
      const byText = new MappedAnalysis(previous, changedRange(analysed, text) ?? { fromA: 0, toA: 0, fromB: 0, toB: 0 }, text);
      let answered = 0;
      for (let offset = 0; offset <= text.length; offset += 7) {
        const symbol = mapped.symbolAt(offset);
        if (!symbol) continue;
        answered++;
        assert.deepStrictEqual(symbol, byText.symbolAt(offset), `at ${offset}, version ${version}`);
      }
      assert.ok(answered > 100, `the noted mapping answers away from the edits (${answered})`);
      assert.strictEqual(mapped.text, text, 'the text, when read, is the new one');
      // Every third version is analysed before the next edit; the others stay pending, so the edits pile up.
      if (version % 3 === 0) {
        previous = await cache.get('doc', version, text, { maxBytes: 10_000_000 });
        analysed = text;
      }
    }
  });

  test('a version whose edit was not noted: the hover reads the text, as before', async () => {
    const cache = new DocumentAnalysisCache();
    const text = largeText();
    await cache.get('doc', 0, text, { maxBytes: 10_000_000 });
    const edited = 'import os\n' + text;
    cache.noteEdit('doc', 2, [{ from: 0, to: 0, insertedLength: 1 }]);
    let reads = 0;
    const mapped = await cache.forHover('doc', 2, () => (reads++, edited), { maxBytes: 10_000_000 });
    assert.ok(mapped instanceof MappedAnalysis);
    assert.strictEqual(reads, 1, 'version 1 was never noted: the range comes from the text');
  });

  test('an edit that does not change meaning (a comment line): mapped answers equal a fresh analysis of the new text', async function () {
    this.timeout(60_000);
    const cache = new DocumentAnalysisCache();
    const text = largeText();
    await cache.get('doc', 1, text, { maxBytes: 10_000_000 });
    // Into a blank line, so no statement starts or ends where the edit is.
    const at = text.indexOf('\n\n', Math.floor(text.length / 2)) + 1;
    const edited = text.slice(0, at) + '# a note typed here\n' + text.slice(at);
    const mapped = await cache.forHover('doc', 2, () => edited, { maxBytes: 10_000_000 });
    assert.ok(mapped instanceof MappedAnalysis);
    const fresh = analyzePython(edited, { maxBytes: 10_000_000 });
    let compared = 0;
    for (const offset of referenceOffsets(fresh)) {
      const symbol = mapped.symbolAt(offset);
      if (offset >= at - 1 && offset <= at + 20) continue;
      assert.deepStrictEqual(symbol, fresh.symbolAt(offset), `at ${offset}`);
      compared++;
    }
    assert.ok(compared > 1000);
    assert.deepStrictEqual(summary(mapped), summary(fresh));
  });

  test('a mapped analysis moves call arguments with the text, and forgets them when the edit is inside the parentheses', () => {
    const before = 'import tensorflow as tf\ny = tf.argmax(x, 1, "best")\n';
    const previous = analyzePython(before);
    const argumentsOf = (analysis: PythonAnalysis, text: string) =>
    {
      const call = analysis.references.find((r) => r.qualifiedName === 'tensorflow.argmax')?.callArguments;
      return call?.items.map((a) => text.slice(argumentSpan(call, a).from, argumentSpan(call, a).to));
    };
    const shifted = '# note\n' + before;
    const moved = new MappedAnalysis(previous, changedRange(before, shifted) as NonNullable<ReturnType<typeof changedRange>>, shifted);
    assert.deepStrictEqual(argumentsOf(moved, shifted), ['x', '1', '"best"']);
    const inside = before.replace('1, "best"', '1, "top"');
    const typed = new MappedAnalysis(previous, changedRange(before, inside) as NonNullable<ReturnType<typeof changedRange>>, inside);
    assert.strictEqual(argumentsOf(typed, inside), undefined);
    assert.ok(typed.references.some((r) => r.qualifiedName === 'tensorflow.argmax'), 'the reference itself stays for hovers');
  });

  test('no text is read for a hover on the analysed version', async () => {
    const cache = new DocumentAnalysisCache();
    const text = readFixture('python/compat_v1.py');
    await cache.get('doc', 1, text, { maxBytes: 10_000_000 });
    const analysis = await cache.forHover('doc', 1, () => assert.fail('getText on an unchanged document'), { maxBytes: 10_000_000 });
    assert.ok(analysis && analysis !== 'too-large' && analysis.references.length > 0);
  });
});

suite('changedRange', () => {
  /** The same range, one code unit at a time: what the chunked comparison must agree with. */
  function naive(before: string, after: string): { fromA: number; toA: number; fromB: number; toB: number } | undefined {
    if (before === after) return undefined;
    const shorter = Math.min(before.length, after.length);
    let prefix = 0;
    while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    return { fromA: prefix, toA: before.length - suffix, fromB: prefix, toB: after.length - suffix };
  }

  test('agrees with a unit-by-unit comparison on edits near chunk boundaries, at the ends and of repeated text', () => {
    const random = seededRandom(7);
    const base = readFixture('python/compat_v1.py').repeat(5);
    for (let i = 0; i < 300; i++) {
      const at = i % 3 === 0 ? 4096 * Math.floor(random() * 4) + Math.floor(random() * 3) - 1 : Math.floor(random() * base.length);
      const from = Math.max(0, Math.min(base.length, at));
      const to = Math.min(base.length, from + Math.floor(random() * 5));
      const inserted = ['', 'x', '\n', base.slice(from, to), 'aaaa'][i % 5];
      const after = base.slice(0, from) + inserted + base.slice(to);
      assert.deepStrictEqual(changedRange(base, after), naive(base, after), `edit ${i} at ${from}`);
    }
    assert.deepStrictEqual(changedRange('', 'abc'), { fromA: 0, toA: 0, fromB: 0, toB: 3 });
    assert.deepStrictEqual(changedRange('a'.repeat(9000), 'a'.repeat(9001)), naive('a'.repeat(9000), 'a'.repeat(9001)));
  });
});
