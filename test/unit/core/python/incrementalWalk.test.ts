/**
 * The walk after an edit re-walks only the top-level statements the edit touched: after each of many random edits
 * (seeded), including ones that add, remove or shadow imports and star imports, the analysis built that way must equal
 * one built from scratch in every field the hover, the diagnostics and the fixes read, and give the same findings.
 */
import * as assert from 'node:assert';
import { analyzePython, DocumentAnalysisCache, SLICED_PARSE_THRESHOLD, type PythonAnalysis } from '../../../../src/core/python';
import { parser } from '../../../../src/core/python/parser';
import { walkAfterEdit, walkWhole, type WalkResult } from '../../../../src/core/python/incrementalWalk';
import { allChains } from '../../../../src/core/python/chainRuns';
import { finishScan, preparedText } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';
import { readFixture } from './fixtureText';
import { seededRandom } from '../../seededRandom';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);


/** Everything read from an analysis: references and imports with every field, the symbol at every offset, the findings. */
function everything(analysis: PythonAnalysis): object {
  const symbols: string[] = [];
  for (let offset = 0; offset <= analysis.text.length; offset++) {
    const symbol = analysis.symbolAt(offset);
    if (symbol) symbols.push(`${offset}:${JSON.stringify(symbol)}`);
  }
  const scan = finishScan(preparedText('edited.py', analysis.text), analysis, kb, { references: true });
  return {
    references: analysis.references.map((r) => JSON.stringify(r)),
    imports: analysis.imports.map((i) => JSON.stringify(i)),
    frameworks: [...analysis.frameworks].sort(),
    hasSyntaxErrors: analysis.hasSyntaxErrors,
    symbols,
    scan: JSON.stringify(scan),
  };
}

/**
 * Typing, plus whole lines that bind module names: imports, star imports, assignments and definitions that shadow an
 * import, `global`, optional-import fallbacks; and keyword arguments, decorators and indentation.
 */
const TYPED = [
  '(', ')', ':', '.', ',', '"', '\n', '\n    ', ' ', '=', '#', 'tf', 'torch', 'nn', '.Linear', 'x', '\\', '"""',
  'import torch\n', 'import tensorflow as tf\n', 'from torch import nn\n', 'from torch.nn import *\n', 'from numpy import *\n',
  'tf = None\n', 'nn = 3\n', 'def tf():\n    pass\n', 'class nn:\n    import torch as tf\n', 'global tf\n', '    global nn\n',
  'try:\n    import torch\nexcept ImportError:\n    torch = None\n', '@tf.function(jit_compile=True)\n', 'nn.Linear(2, 3, bias=False)',
  'tf.compat.v1.placeholder(tf.float32, shape=[None])\n', 'torch.load(path, map_location="cpu")\n', '    y = torch.relu(x)\n',
  '[tf for tf in range(3)]', 'lambda nn: nn.Linear', 'if TYPE_CHECKING:\n    import torch\n',
  // Attributes set on a package make the names under them the file's own, in the whole file.
  'tf.model = tf.keras.Sequential()\n', 'tf.model.fit(x)\n', '    torch.hub = None\n', 'model',
];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.3 && text.length > 0) {
    const to = Math.min(text.length, at + 1 + Math.floor(random() * (random() < 0.2 ? 80 : 6)));
    return text.slice(0, at) + text.slice(to);
  }
  // Whole lines go to the start of a line, as people paste them; fragments go anywhere.
  const inserted = TYPED[Math.floor(random() * TYPED.length)];
  const where = inserted.endsWith('\n') ? text.lastIndexOf('\n', at - 1) + 1 : at;
  return text.slice(0, where) + inserted + text.slice(where);
}

suite('incremental walk: equals a walk from scratch after random edits', () => {
  for (const [fixture, seed] of [
    ['python/compat_v1.py', 11],
    ['python/scopes.py', 12],
    ['python/import_forms.py', 13],
    ['python/star_import.py', 14],
    ['python/hover_notes.py', 15],
    ['python/syntax/cpython_accepts.py', 16],
    ['python/module_attribute.py', 17],
  ] as const) {
    test(`${fixture}, seed ${seed}: 200 chained edits`, function () {
      this.timeout(120_000);
      const random = seededRandom(seed);
      const cache = new DocumentAnalysisCache();
      let text = readFixture(fixture);
      for (let version = 0; version <= 200; version++) {
        if (version > 0) text = randomEdit(text, random);
        const incremental = cache.current('doc', version) ?? (cache.get('doc', version, text, { maxBytes: 10_000_000 }), cache.current('doc', version));
        assert.ok(incremental && incremental !== 'too-large');
        assert.deepStrictEqual(everything(incremental), everything(analyzePython(text)), `after edit ${version}`);
      }
    });
  }

  test('large documents (the sliced path): 25 chained edits', async function () {
    this.timeout(120_000);
    const random = seededRandom(17);
    const parts = ['python/compat_v1.py', 'python/scopes.py', 'python/import_forms.py', 'python/hover_notes.py'].map(readFixture);
    let text = '';
    while (text.length <= SLICED_PARSE_THRESHOLD) text += parts.join('\n');
    const cache = new DocumentAnalysisCache();
    for (let version = 0; version <= 25; version++) {
      if (version > 0) text = randomEdit(text, random);
      const incremental = await cache.get('doc', version, text, { maxBytes: 10_000_000 });
      assert.ok(incremental && incremental !== 'too-large');
      const fresh = analyzePython(text, { maxBytes: 10_000_000 });
      assert.deepStrictEqual(incremental.references.map((r) => JSON.stringify(r)), fresh.references.map((r) => JSON.stringify(r)), `after edit ${version}`);
      assert.deepStrictEqual(incremental.imports.map((i) => JSON.stringify(i)), fresh.imports.map((i) => JSON.stringify(i)));
      assert.strictEqual(incremental.hasSyntaxErrors, fresh.hasSyntaxErrors);
    }
  });
});

suite('incremental walk: what it reuses and when it walks everything', () => {
  function walk(text: string): WalkResult {
    const out: { result?: WalkResult } = {};
    const steps = walkWhole(parser.parse(text), text, out);
    while (!steps.next().done);
    return out.result as WalkResult;
  }

  function walkEdited(before: string, at: number, removed: number, inserted: string, previous = walk(before)): { text: string; result?: WalkResult } {
    const text = before.slice(0, at) + inserted + before.slice(at + removed);
    const out: { result?: WalkResult } = {};
    const steps = walkAfterEdit(parser.parse(text), text, previous, { fromA: at, toA: at + removed, fromB: at, toB: at + inserted.length }, out);
    while (!steps.next().done);
    return { text, result: out.result };
  }

  test('an edit inside a function body keeps the chains of the other statements (moved after it) and walks only that one', () => {
    const before = readFixture('python/scopes.py');
    const at = before.indexOf('\n', before.indexOf('def uses_module_tf')) + 1;
    const previous = walk(before);
    const { text, result } = walkEdited(before, at, 0, '    y = tf.nn.relu(x)\n', previous);
    assert.ok(result, 'no module binding changed: the walk after the edit is enough');
    const firstBefore = allChains(previous.runs).find((c) => c.spans[0].from < at);
    assert.ok(firstBefore);
    assert.ok(allChains(result.runs).includes(firstBefore), 'a chain before the edit is reused as it is');
    assert.ok(allChains(result.runs).some((c) => c.names.join('.') === 'tf.nn.relu' && text.slice(c.spans[0].from, c.spans[0].from + 2) === 'tf'));
    // The chains after the edit are not copied: the last run shares the previous walk's block and records the move.
    const last = result.runs[result.runs.length - 1];
    assert.strictEqual(last.block, previous.runs[0].block);
    assert.strictEqual(last.delta, '    y = tf.nn.relu(x)\n'.length);
  });

  test('edits in many places keep the runs bounded: they are merged into one block past the limit', () => {
    let text = readFixture('python/compat_v1.py');
    let previous = walk(text);
    let most = 0;
    for (let i = 0; i < 40; i++) {
      // A comment line at the start of a different line each time: every edit splits the runs somewhere new.
      const lines = text.split('\n');
      const line = (i * 7) % lines.length;
      const at = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
      const edited = walkEdited(text, at, 0, '# note\n', previous);
      assert.ok(edited.result);
      most = Math.max(most, edited.result.runs.length);
      text = edited.text;
      previous = edited.result;
    }
    assert.ok(most > 3, `the edits split the runs (at most ${most})`);
    assert.ok(most <= 16, `at most 16 runs, not ${most}`);
    assert.deepStrictEqual(
      allChains(previous.runs).map((c) => JSON.stringify(c)),
      allChains(walk(text).runs).map((c) => JSON.stringify(c)),
    );
  });

  test('an edit that shadows an import at module level falls back to the whole walk', () => {
    const before = readFixture('python/compat_v1.py');
    const at = before.indexOf('\n', before.indexOf('import tensorflow')) + 1;
    assert.strictEqual(walkEdited(before, at, 0, 'tf = None\n').result, undefined);
    assert.ok(walkEdited(before, at, 0, 'unrelated = None\n').result, 'a binding of a name nothing imports changes no reference');
  });
});
