/**
 * The patched Python grammar (scripts/build-parser.mjs): the syntax fixtures CPython accepts parse without an error
 * node (the published @lezer/python marks errors in them), Python 3.12–3.13 syntax gives the expected nodes, broken
 * code still gets error nodes, and the committed generated parser is the one the patch list produces.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Tree } from '@lezer/common';
import { parser as upstream } from '@lezer/python';
import { analyzePython } from '../../../../src/core/python';
import { parser } from '../../../../src/core/python/parser';
import { readFixture } from './fixtureText';

function errorLines(tree: Tree, text: string): number[] {
  const lines: number[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) lines.push(text.slice(0, node.from).split('\n').length);
    },
  });
  return [...new Set(lines)];
}

function countNodes(tree: Tree, name: string): number {
  let n = 0;
  tree.iterate({
    enter: (node) => {
      if (node.name === name) n++;
    },
  });
  return n;
}

suite('Python grammar (patched @lezer/python)', () => {
  for (const fixture of ['cpython_accepts.py', 'long_config.py', 'py312_313.py']) {
    test(`${fixture}: no error node (CPython parses it); the published grammar does mark errors`, () => {
      const text = readFixture(`python/syntax/${fixture}`);
      assert.deepStrictEqual(errorLines(parser.parse(text), text), []);
      assert.ok(errorLines(upstream.parse(text), text).length > 0, 'the fixture exercises a patch');
      assert.strictEqual(analyzePython(text).hasSyntaxErrors, false);
    });
  }

  test('Python 3.12–3.13: type statements, PEP 695 type parameters with bounds and defaults, PEP 701 f-strings', () => {
    const text = readFixture('python/syntax/py312_313.py');
    const tree = parser.parse(text);
    assert.strictEqual(countNodes(tree, 'TypeDefinition'), 4);
    assert.strictEqual(countNodes(tree, 'TypeParamList'), 10);
    assert.strictEqual(countNodes(tree, 'TypeParam'), 15);
    // f"{f"{f"{torch.__version__}"}"}": three nested format strings, the innermost one read as code.
    const nested = text.indexOf('f"{f"{f"');
    let depth = 0;
    for (let node: ReturnType<Tree['resolveInner']> | null = tree.resolveInner(text.indexOf('torch.__version__', nested), 1); node; node = node.parent) {
      if (node.name === 'FormatString') depth++;
    }
    assert.strictEqual(depth, 3);
    const references = analyzePython(text).references.map((r) => r.qualifiedName);
    assert.ok(references.includes('torch.__version__'), references.join());
    assert.ok(references.includes('torch.zeros'), 'inside f"{torch.zeros(2).shape!r:>{width}}"');
  });

  test('the patches bind what they parse: `with … as (a, b)` names are local, a `type` alias is not a framework name', () => {
    const text = 'import tensorflow as tf\nimport contextlib\nwith contextlib.nullcontext((1, 2)) as (tf, other):\n    tf.Session()\n';
    assert.ok(!analyzePython(text).references.some((r) => r.qualifiedName === 'tensorflow.Session'), 'tf is rebound by the with target');
  });

  test('code CPython rejects still gets error nodes', () => {
    for (const broken of ['x = (1,\ny = 2\n', 'def f(:\n    pass\n', 'print "hello"\nx = 1 +\n', 'with open(p) as:\n    pass\n']) {
      assert.ok(errorLines(parser.parse(broken), broken).length > 0, JSON.stringify(broken));
    }
  });

  test('the committed parser is what scripts/build-parser.mjs builds from @lezer/python and the recorded patches', function () {
    this.timeout(120_000);
    const result = spawnSync(process.execPath, [path.join('scripts', 'build-parser.mjs'), '--check'], { cwd: process.cwd(), encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
  });
});
