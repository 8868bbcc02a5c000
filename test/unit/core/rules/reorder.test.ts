/** Argument-reorder findings and their keyword fix: alias-aware, silent through tf.compat.v1, refused when unsafe. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../../src/core/python';
import { findDeprecations, type Finding } from '../../../../src/core/rules/findings';
import { planArgumentReorder } from '../../../../src/core/rules/reorder';
import { scanSource, type AnalysedFile } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const read = (...parts: string[]) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', ...parts), 'utf8');

function reorderFindings(text: string): Finding[] {
  return findDeprecations(analyzePython(text), kb).filter((f) => f.ruleId.endsWith('.positional-order'));
}

/** Every reorder fix applied in one pass, as the light bulb would apply them one after the other. */
function fixAll(text: string): string {
  const edits = reorderFindings(text).flatMap((f) => planArgumentReorder(f) ?? []);
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}

/** The reorder finding on the line that assigns `name`, if any. */
function on(text: string, findings: Finding[], name: string): Finding | undefined {
  const start = text.indexOf(`\n${name} = `) + 1;
  assert.ok(start > 0, `no line assigns ${name}`);
  const end = text.indexOf('\n', start);
  return findings.find((f) => f.span.from >= start && f.span.from < end);
}

suite('argument reorder', () => {
  const text = read('migrations', 'tf1_reorder.py');
  const findings = reorderFindings(text);
  const fixed = fixAll(text);
  const line = (name: string) => fixed.split('\n').find((l) => l.startsWith(`${name} = `));

  test('positional arguments past the agreeing prefix become TF1-named keywords, through every alias', () => {
    assert.strictEqual(line('best'), 'best = tf.argmax(logits, 1, name="best")');
    assert.strictEqual(line('hits'), 'hits = nn.in_top_k(predictions=logits, targets=labels, k=1)');
    assert.strictEqual(line('flipped'), 'flipped = tf.transpose(logits, [1, 0], name="flipped")');
    assert.strictEqual(line('stats'), 'stats = tf.nn.moments(logits, [0], None, name="stats", keepdims=True)', 'keep_dims is renamed as TF 2 names it');
    assert.strictEqual(line('fields'), 'fields = tf.decode_csv(line, [[0.0], [0.0]], ",", True, name="fields")');
    assert.ok(fixed.includes('    1,\n    name="steps",\n)'), 'a call laid out over lines keeps its layout');
  });

  test('the message says which argument changed meaning, in TF 1 and in TF 2.21', () => {
    assert.strictEqual(on(text, findings, 'best')?.message, 'Positional arguments of tf.argmax changed order in TF 2; pass them by keyword (the 3rd is name= in TF 1, output_type= in TensorFlow 2.21).');
    assert.match(on(text, findings, 'fields')?.message ?? '', /na_value= in tf\.io\.decode_csv \(its TensorFlow 2\.21 successor\)/);
    const best = on(text, findings, 'best');
    assert.strictEqual(text.slice(best?.span.from, best?.span.to), '"best"', 'the finding covers the arguments that move');
    assert.strictEqual(best?.advice, true, 'no strikethrough: tf.argmax itself is current');
  });

  test('calls within the agreeing prefix, and calls through tf.compat.v1, get no finding', () => {
    for (const name of ['first', 'same', 'kept', 'also_kept']) assert.strictEqual(on(text, findings, name), undefined, name);
  });

  test('no fix when a keyword would repeat, has no TF 2 counterpart, or *args hides the positions', () => {
    assert.match(on(text, findings, 'total')?.argumentReorder?.refused ?? '', /would pass axis= twice/);
    assert.match(on(text, findings, 'twice')?.argumentReorder?.refused ?? '', /would pass axis= twice/);
    assert.match(on(text, findings, 'renamed')?.argumentReorder?.refused ?? '', /would pass axis= twice/);
    assert.match(on(text, findings, 'conv')?.argumentReorder?.refused ?? '', /use_cudnn_on_gpu= has no counterpart in TensorFlow 2/);
    assert.match(on(text, findings, 'spread')?.argumentReorder?.refused ?? '', /\*args or \*\*kwargs/);
    assert.match(on(text, findings, 'blocks')?.argumentReorder?.refused ?? '', /block_shape= takes one block size per spatial dimension/);
    for (const name of ['total', 'twice', 'renamed', 'conv', 'spread', 'blocks']) {
      assert.strictEqual(planArgumentReorder(on(text, findings, name) as Finding), undefined, name);
      assert.ok(line(name) === text.split('\n').find((l) => l.startsWith(`${name} = `)), `${name} is left as written`);
    }
  });

  test('the fixed file parses and has no reorder finding left a fix could address (idempotent)', () => {
    assert.strictEqual(analyzePython(fixed).hasSyntaxErrors, false);
    assert.strictEqual(fixAll(fixed), fixed);
    const left = reorderFindings(fixed).map((f) => f.ruleId);
    assert.deepStrictEqual(left.sort(), ['FG-tensorflow.argmax.positional-order', 'FG-tensorflow.argmax.positional-order', 'FG-tensorflow.argmax.positional-order', 'FG-tensorflow.nn.conv2d.positional-order', 'FG-tensorflow.reduce_sum.positional-order', 'FG-tensorflow.space_to_batch.positional-order']);
  });

  test('the real-TensorFlow fixture pair is exactly what the fix writes (test/real/test_reorder_fix.py runs both)', () => {
    const before = read('python', 'reorder', 'reorder_calls.py');
    const after = read('python', 'reorder', 'reorder_calls.fixed.py');
    const body = (s: string) => s.slice(s.indexOf('\n') + 1);
    assert.strictEqual(body(fixAll(before)), body(after));
    assert.strictEqual(reorderFindings(before).length, 16);
    assert.ok(reorderFindings(before).every((f) => planArgumentReorder(f)), 'every call of the pair gets a fix');
  });

  test('the keyword rename of space_to_batch block_size= is advice only: block_shape= takes a list', () => {
    const call = findDeprecations(analyzePython('import tensorflow as tf\ny = tf.space_to_batch(x, [[0, 0], [0, 0]], block_size=2)\n'), kb).find((f) => f.ruleId === 'FG-tensorflow.space_to_batch.block_size');
    assert.ok(call);
    assert.strictEqual(call.keywordRename, undefined);
  });

  test('tf.name_scope: the TF1 default_name/values forms are flagged without a fix; a plain name and tf.compat.v1 are not', () => {
    const source = read('migrations', 'tf1_name_scope.py');
    const all = findDeprecations(analyzePython(source), kb);
    assert.deepStrictEqual(all.map((f) => [f.ruleId, source.slice(f.span.from, f.span.to)]), [
      ['FG-tensorflow.name_scope.positional-order', '"dropout", [x]'],
      ['FG-tensorflow.name_scope.values', 'values'],
    ]);
    assert.strictEqual(all[0].message, 'The 2nd positional argument of tf.name_scope is default_name= in TF 1, a parameter tf.name_scope no longer has in TensorFlow 2.21.');
    assert.strictEqual(planArgumentReorder(all[0]), undefined);
  });

  test('in a notebook the finding lands in its cell, and every front door sees it (one scan pipeline)', () => {
    const bytes = new TextEncoder().encode(read('scan', 'notebooks', 'tf1_reorder.ipynb'));
    const scan = scanSource({ path: 'tf1_reorder.ipynb', bytes }, kb, { maxBytes: 2_000_000 }) as AnalysedFile;
    const reorders = scan.findings.filter((f) => f.ruleId.endsWith('.positional-order'));
    assert.deepStrictEqual(
      reorders.map((f) => [f.ruleId, f.location.cell, f.location.startLine]),
      [
        ['FG-tensorflow.nn.in_top_k.positional-order', 2, 3],
        ['FG-tensorflow.argmax.positional-order', 2, 4],
      ],
    );
  });
});
