/**
 * Incremental parses give the tree a fresh parse gives after text is appended piece by piece (typing or pasting at the
 * end of a file, whose last block is then cut short) and after edits below a block. Both went wrong through
 * @lezer/lr's reuse of Python blocks, which src/core/python/parser.ts and fragmentsAfterChanges guard against.
 */
import * as assert from 'node:assert';
import { TreeFragment, type Tree } from '@lezer/common';
import { AnalysisCache, analyzePython, fragmentsAfterChanges, type TextChange } from '../../../../src/core/python/analyze';
import { DocumentAnalysisCache, SLICED_PARSE_THRESHOLD, type PythonAnalysis } from '../../../../src/core/python';
import { parser } from '../../../../src/core/python/parser';

/** Every node as "type from-to", in document order. */
function nodesOf(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.cursor();
  do out.push(`${cursor.type.name} ${cursor.from}-${cursor.to}`);
  while (cursor.next());
  return out;
}

function assertSameTree(actual: Tree, expected: Tree, what: string): void {
  const a = nodesOf(actual);
  const e = nodesOf(expected);
  let i = 0;
  while (i < a.length && a[i] === e[i]) i++;
  assert.ok(i === a.length && i === e.length, `${what}: node ${i} is ${a[i] ?? 'missing'}, a fresh parse has ${e[i] ?? 'none'}`);
}

/**
 * A module of classes whose methods have nested blocks, decorators, docstrings and comments at several depths. The
 * classes are long: lezer reuses a node whole only when it is large enough to be a subtree of its own.
 */
function moduleText(classes: number, methods: number): string {
  const lines = ['import torch', 'from torch import nn', ''];
  for (let c = 0; c < classes; c++) {
    lines.push('', '', `class Block${c}(nn.Module):`, `    """Block ${c}."""`, '');
    lines.push('    def __init__(self, width):', '        super().__init__()', `        self.linear = nn.Linear(width, ${c + 2})`, '        # the activation comes next', '        self.act = nn.ReLU()', '');
    // A method where `nn` is a local name: a method parsed as part of its body would lose its `nn.` references.
    lines.push('    def local_names(self):', '        nn = self.children()', '        return nn', '');
    for (let m = 0; m < methods; m++) {
      const id = `${c}_${m}`;
      lines.push('    @torch.no_grad()', `    def reset_${id}(self):`, '        for p in self.parameters():', '            if p.dim() > 1:', '                nn.init.zeros_(p)', `            # biases stay ${id}`, '');
      lines.push('        # a comment at the method body\'s depth, and a statement after it', '        self.resets = 1', '');
      lines.push(`    def forward_${id}(self, x):`, '        y = self.linear(x)', '', '        # the activation, when the sum is positive', '        if y.sum() > 0:', '            y = self.act(y)', `        return y + ${m}`, '');
    }
  }
  lines.push('', 'model = nn.Sequential(Block0(4), nn.ReLU())', '');
  return lines.join('\n');
}

suite('Python parser: incremental parses equal a fresh parse', function () {
  // Hundreds of parses per test: on a loaded 2-core machine that is more than mocha's default 2 s.
  this.timeout(60_000);
  const text = moduleText(3, 12);

  for (const piece of [23, 150, 700]) {
    test(`appending a module ${piece} characters at a time: the tree after every append`, () => {
      let tree: Tree | undefined;
      let length = 0;
      for (let end = piece; length < text.length; end += piece) {
        const next = Math.min(end, text.length);
        const fragments = tree ? fragmentsAfterChanges(TreeFragment.addTree(tree), text.slice(0, length), [{ fromA: length, toA: length, fromB: length, toB: next }]) : [];
        tree = parser.parse(text.slice(0, next), fragments);
        assertSameTree(tree, parser.parse(text.slice(0, next)), `after appending up to ${next}`);
        length = next;
      }
    });
  }

  test('text appended right after a comment line: blocks the end of the text closed are reopened', () => {
    // Each cut leaves a comment (longer than lezer's 25-character margin) as the last line, the block around it then
    // closed by the end of the text; the appended text goes on inside that block.
    const cuts: number[] = [];
    for (let at = text.indexOf('# '); at >= 0 && cuts.length < 12; at = text.indexOf('# ', at + 1)) cuts.push(text.indexOf('\n', at) + 1);
    assert.ok(cuts.length >= 12);
    for (const cut of cuts) {
      const fragments = fragmentsAfterChanges(TreeFragment.addTree(parser.parse(text.slice(0, cut))), text.slice(0, cut), [{ fromA: cut, toA: cut, fromB: cut, toB: text.length }]);
      assertSameTree(parser.parse(text, fragments), parser.parse(text), `appended after ${JSON.stringify(text.slice(text.lastIndexOf('\n', cut - 2) + 1, cut - 1))}`);
    }
  });

  test('edits after a method\'s last statement, in a nested block and at the end: the tree after each', () => {
    let current = text;
    let tree = parser.parse(current);
    // [unique text, what to insert right after it]
    const edits: Array<[string, string]> = [
      ['    def forward_1_3(self, x):\n        y = self.linear(x)\n\n        # the activation, when the sum is positive\n        if y.sum() > 0:\n            y = self.act(y)\n        return y + 3\n', '        z = 1\n'],
      ['            # biases stay 2_6\n', '            pass\n'],
      ['model = nn.Sequential(Block0(4), nn.ReLU())\n', 'model.eval()\n'],
    ];
    for (const [marker, inserted] of edits) {
      const found = current.indexOf(marker);
      assert.ok(found >= 0 && current.indexOf(marker, found + 1) < 0, `one ${JSON.stringify(marker)}`);
      const at = found + marker.length;
      const next = current.slice(0, at) + inserted + current.slice(at);
      const fragments = fragmentsAfterChanges(TreeFragment.addTree(tree), current, [{ fromA: at, toA: at, fromB: at, toB: at + inserted.length }]);
      tree = parser.parse(next, fragments);
      current = next;
      assertSameTree(tree, parser.parse(current), `after inserting ${JSON.stringify(inserted)}`);
    }
  });

  /** What the hover and the diagnostics read of an analysis. */
  const summary = (analysis: PythonAnalysis): string => JSON.stringify([analysis.references, analysis.imports, analysis.hasSyntaxErrors]);

  test('both analysis caches, given a module appended in pieces, analyse every version as a fresh parse does', async function () {
    this.timeout(60_000);
    const appended = async (source: string, piece: number, analyse: (version: number, text: string, changes: TextChange[] | undefined) => Promise<PythonAnalysis>): Promise<void> => {
      let length = 0;
      for (let version = 1; length < source.length; version++) {
        const next = Math.min(source.length, length + piece);
        const text = source.slice(0, next);
        const analysis = await analyse(version, text, length ? [{ from: length, to: length, insertedLength: next - length }] : undefined);
        assert.strictEqual(summary(analysis), summary(analyzePython(text, { maxBytes: 10_000_000 })), `up to ${next}`);
        length = next;
      }
    };
    const sync = new AnalysisCache();
    await appended(text, 700, async (version, source, changes) => sync.get('doc', version, source, changes));
    // Past SLICED_PARSE_THRESHOLD the document cache parses in slices, from the previous tree too.
    const large = moduleText(24, 12);
    assert.ok(large.length > SLICED_PARSE_THRESHOLD + 20_000);
    const sliced = new DocumentAnalysisCache();
    await appended(large, 2000, async (version, source) => {
      const result = await sliced.get('doc', version, source, { maxBytes: 10_000_000 });
      assert.ok(result && result !== 'too-large');
      return result;
    });
  });
});
