// The snippet catalog: shape, names covered by imports and valid Python 3 (test/real runs every variant in its framework).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { parser } from '../../../../src/core/python/parser';
import type { SyntaxNode } from '@lezer/common';
import { SNIPPET_CATALOG } from '../../../../src/core/snippets/catalog';
import { fillDefaults, formatImport, importLocal } from '../../../../src/core/snippets/expand';
import type { SnippetVariant } from '../../../../src/core/snippets/types';

const REQUIRED_IDS = [
  'tensors', 'sequential-model', 'subclassed-model', 'custom-layer', 'training-loop', 'inference', 'data-pipeline',
  'augmentation', 'loss-metrics', 'lr-schedule', 'checkpoints', 'mixed-precision', 'distributed', 'export',
  'transfer-learning', 'mnist-mlp',
];

const BUILTINS = new Set([
  'print', 'range', 'len', 'int', 'float', 'str', 'bool', 'list', 'dict', 'tuple', 'set', 'zip', 'enumerate',
  'super', 'isinstance', 'min', 'max', 'sum', 'abs', 'open', 'iter', 'next', 'map', 'sorted', 'round', 'object',
]);

const variants = (): Array<{ id: string; variant: SnippetVariant }> =>
  SNIPPET_CATALOG.flatMap((t) => [{ id: t.id, variant: t.tensorflow }, { id: t.id, variant: t.pytorch }]);

function pythonSource(variant: SnippetVariant): string {
  return `${variant.imports.map((s) => formatImport(s)).join('\n')}\n\n${fillDefaults(variant.body)}\n`;
}

/** Names a body binds (assignment and loop targets, defs, classes, parameters, `as` targets), ignoring scopes. */
function boundAndUsedNames(code: string): { bound: Set<string>; used: Set<string> } {
  const bound = new Set<string>();
  const used = new Set<string>();
  const text = (n: SyntaxNode): string => code.slice(n.from, n.to);
  const bindTargets = (n: SyntaxNode | null): void => {
    if (!n) return;
    if (n.name === 'VariableName') bound.add(text(n));
    else if (n.name === 'TupleExpression' || n.name === 'ArrayExpression' || n.name === 'ParenthesizedExpression') {
      for (let c = n.firstChild; c; c = c.nextSibling) bindTargets(c);
    }
  };
  parser.parse(code).iterate({
    enter(ref) {
      const node = ref.node;
      if (ref.name === 'VariableName') {
        const prev = node.prevSibling;
        const isLabel = prev?.name === '.' || (node.parent?.name === 'ArgList' && node.nextSibling?.name === 'AssignOp');
        if (!isLabel) used.add(text(node));
        const parent = node.parent?.name;
        if ((parent === 'FunctionDefinition' || parent === 'ClassDefinition') && prev?.name === (parent === 'FunctionDefinition' ? 'def' : 'class')) bound.add(text(node));
        if (parent === 'ParamList' && prev?.name !== 'AssignOp') bound.add(text(node));
        if (prev?.name === 'as') bound.add(text(node));
      }
      if (ref.name === 'AssignStatement') {
        let last: SyntaxNode | null = null;
        for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === 'AssignOp') last = c;
        for (let c = node.firstChild; c && c !== last; c = c.nextSibling) bindTargets(c);
      }
      // `for` targets in loops and comprehensions: siblings between `for` and `in`.
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.name !== 'for') continue;
        for (let t = c.nextSibling; t && t.name !== 'in'; t = t.nextSibling) bindTargets(t);
      }
    },
  });
  return { bound, used };
}

suite('snippets/catalog', () => {
  test('has every required task, at least 16, with unique ids and both variants', () => {
    assert.ok(SNIPPET_CATALOG.length >= 16, `${SNIPPET_CATALOG.length} tasks`);
    const ids = SNIPPET_CATALOG.map((t) => t.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique');
    for (const id of REQUIRED_IDS) assert.ok(ids.includes(id), `task ${id}`);
    for (const t of SNIPPET_CATALOG) {
      assert.match(t.id, /^[a-z0-9-]+$/);
      assert.ok(t.title && t.differences.length > 20, `${t.id}: title and differences`);
      assert.strictEqual(t.tensorflow.framework, 'tensorflow', t.id);
      assert.strictEqual(t.pytorch.framework, 'pytorch', t.id);
    }
  });

  test('bodies are short, have tab stops, and use the conventional import names', () => {
    for (const { id, variant } of variants()) {
      const lines = variant.body.split('\n').length;
      assert.ok(lines >= 5 && lines <= 30, `${id}/${variant.framework}: ${lines} lines`);
      assert.match(variant.body, /\$\{1[:|]/, `${id}/${variant.framework}: a first tab stop`);
      for (const spec of variant.imports) {
        const conventional: Record<string, string> = { numpy: 'np', tensorflow: 'tf', 'torch.nn.functional': 'F' };
        if (conventional[spec.module]) assert.strictEqual(importLocal(spec), conventional[spec.module], `${id}: ${spec.module}`);
      }
      const importsKerasThroughTf = variant.imports.some((s) => s.module === 'tensorflow' && s.name === 'keras');
      assert.ok(!importsKerasThroughTf, `${id}: the catalog uses \`import keras\``);
    }
  });

  test('every name a body uses is imported, a builtin or bound in the body; every import is used', () => {
    for (const { id, variant } of variants()) {
      const { bound, used } = boundAndUsedNames(fillDefaults(variant.body));
      const imported = new Set(variant.imports.map(importLocal));
      const free = [...used].filter((n) => !imported.has(n) && !BUILTINS.has(n) && !bound.has(n));
      assert.deepStrictEqual(free, [], `${id}/${variant.framework}: names without a binding`);
      const unused = [...imported].filter((n) => !used.has(n));
      assert.deepStrictEqual(unused, [], `${id}/${variant.framework}: unused imports`);
    }
  });

  test('apis belong to the imported frameworks and appear in the body', () => {
    for (const { id, variant } of variants()) {
      assert.ok(variant.apis.length > 0, `${id}: apis`);
      const roots = new Set(variant.imports.map((s) => s.module.split('.')[0]));
      const body = fillDefaults(variant.body);
      for (const api of variant.apis) {
        assert.ok(roots.has(api.split('.')[0]), `${id}/${variant.framework}: ${api} not from an imported package`);
        const aliased = variant.imports.find((s) => s.name && `${s.module}.${s.name}` === api);
        const written = aliased ? importLocal(aliased) : (api.split('.').pop() as string);
        assert.ok(body.includes(written), `${id}/${variant.framework}: ${api} not in the body`);
      }
    }
  });

  suite('parses as Python 3', function () {
    this.timeout(20_000);
    for (const { id, variant } of variants()) {
      test(`${id} (${variant.framework})`, () => {
        const result = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: pythonSource(variant), encoding: 'utf8' });
        assert.strictEqual(result.error, undefined, `python3 could not start: ${result.error?.message}`);
        assert.strictEqual(result.status, 0, result.stderr);
      });
    }
  });
});
