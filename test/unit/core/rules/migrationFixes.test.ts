/** Rename and keyword-rename fixes from the generated migration rules: alias-aware, idempotent, and the file still parses. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../../src/core/python';
import { findDeprecations, type Finding } from '../../../../src/core/rules/findings';
import { applyEdits, FixPlanner, type TextEdit } from '../../../../src/core/rules/fixes';
import { preparedText } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'migrations', name), 'utf8');

/** Every safe fix of `text` in one pass, through the planner the code actions, the fix-all command and the CLI share. */
function fixAll(text: string): { text: string; edits: TextEdit[] } {
  const analysis = analyzePython(text);
  const plan = new FixPlanner(preparedText('file.py', text), analysis, kb).planFile(findDeprecations(analysis, kb));
  return { text: applyEdits(text, plan.edits), edits: plan.edits };
}

function findingsOf(text: string): Finding[] {
  return findDeprecations(analyzePython(text), kb);
}

suite('migration fixes', () => {
  test('symbol and keyword renames rewrite the file through its own aliases; a repeated keyword is never produced', () => {
    const { text } = fixAll(fixture('tf1_fixable.py'));
    const lines = text.split('\n');
    assert.strictEqual(lines[2], 'from tensorflow import gfile', 'an import line is never rewritten into a dotted name');
    assert.strictEqual(lines[5], 'if not gfile.Exists("/tmp/run"):', 'tf_upgrade_v2 also renames a keyword of gfile.Exists: not a drop-in');
    assert.strictEqual(lines[8], 'total = tf.reduce_sum(x, axis=1, keepdims=True)');
    assert.strictEqual(lines[9], 'mean = tf.reduce_mean(x, axis=[1], keepdims=True)');
    assert.strictEqual(lines[10], 'peak = tf.reduce_max(x, keep_dims=True, keepdims=True)', 'renaming keep_dims here would repeat keepdims');
    assert.strictEqual(lines[11], 'config = tf.compat.v1.ConfigProto(gpu_options=tf.compat.v1.GPUOptions(allow_growth=True))');
    assert.strictEqual(lines[12], 'sess = tf.compat.v1.Session(config=config)');
    assert.strictEqual(lines[13], 'again = v1.Session()');
    assert.strictEqual(lines[15], 'with tf.io.gfile.GFile("/tmp/run/log.txt", "w") as f:');
  });

  test('the fixed file parses, and fixing it again changes nothing (idempotent)', () => {
    for (const name of ['tf1_fixable.py', 'tf1_era.py']) {
      const once = fixAll(fixture(name)).text;
      assert.strictEqual(analyzePython(once).hasSyntaxErrors, false, `${name} no longer parses after the fixes`);
      const twice = fixAll(once);
      assert.deepStrictEqual(twice.edits, [], `${name}: a second pass still edits`);
      assert.strictEqual(twice.text, once);
    }
  });

  test('Keras 3 optimizers: lr= becomes learning_rate= through tf.keras, tf.optimizers and from-imports; tf_keras (Keras 2) keeps lr=', () => {
    const source = fixture('keras2_optimizers.py');
    const flagged = findingsOf(source).filter((f) => f.ruleId.endsWith('.lr'));
    assert.deepStrictEqual(flagged.map((f) => f.ruleId), ['FG-keras.optimizers.SGD.lr', 'FG-keras.optimizers.Adam.lr', 'FG-keras.optimizers.SGD.lr', 'FG-keras.optimizers.Adagrad.lr']);
    const lines = fixAll(source).text.split('\n');
    assert.strictEqual(lines[7], 'sgd = tf.keras.optimizers.SGD(learning_rate=0.1)');
    assert.strictEqual(lines[8], 'adam = optimizers.Adam(learning_rate=learning_rate, beta_1=0.9)');
    assert.strictEqual(lines[10], 'xor = tf.optimizers.SGD(learning_rate=0.1)', 'tf.optimizers is the same Keras 3 module');
    assert.strictEqual(lines[11], 'both = keras.optimizers.Adagrad(lr=0.1, learning_rate=0.1)', 'renaming would repeat learning_rate');
    assert.strictEqual(lines[12], 'legacy = tf_keras.optimizers.SGD(lr=0.1)');
  });

  test('what the fixes leave behind through tf.compat.v1 is marked compat-v1 (a hint without strikethrough), never removed', () => {
    const after = findingsOf(fixAll(fixture('tf1_fixable.py')).text);
    const compat = after.filter((f) => f.compatV1);
    assert.ok(compat.some((f) => f.ruleId === 'FG-tensorflow.Session'));
    for (const f of compat) assert.strictEqual(f.status, 'deprecated');
    assert.strictEqual(after.find((f) => f.ruleId === 'FG-tensorflow.Session' && !f.compatV1), undefined);
  });
});
