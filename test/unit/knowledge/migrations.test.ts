/** The generated migration rules (src/knowledge/migrations.ts) on real-looking legacy files, held against the installed APIs. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../src/core/python';
import { findDeprecations } from '../../../src/core/rules/findings';
import { KnowledgeBase } from '../../../src/knowledge';
import { ALL_ENTRIES, KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import { migrationEntries, withMigrations } from '../../../src/knowledge/migrations';
import { Surfaces } from './apiSurface';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const surfaces = new Surfaces();
const generated = migrationEntries();

/** [1-based line, rule id, text under the span, replacement]. */
function scan(file: string): Array<[number, string, string, string]> {
  const text = fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'migrations', file), 'utf8');
  return findDeprecations(analyzePython(text), kb).map((f) => [text.slice(0, f.span.from).split('\n').length, f.ruleId, text.slice(f.span.from, f.span.to), f.replacement ?? '']);
}

/** Names TorchFix lists as removed that PyTorch 2.13 still exports as stubs raising RuntimeError (torch/_linalg_utils.py). */
const TORCH_STUBS = new Set(['torch.solve', 'torch.symeig', 'torch.lstsq', 'torch.eig', 'torch.matrix_rank']);

suite('generated migration rules', () => {
  test('a TF1-era script gets a finding with the right successor for each TF1-only name, keyword and Keras 2 backend call', () => {
    assert.deepStrictEqual(scan('tf1_era.py'), [
      [7, 'FG-tensorflow.flags', 'tf.flags.DEFINE_integer', 'tensorflow.compat.v1.flags'],
      [8, 'FG-tensorflow.flags.FLAGS', 'tf.flags.FLAGS', 'tensorflow.compat.v1.flags.FLAGS'],
      [10, 'FG-tensorflow.gfile.Exists', 'tf.gfile.Exists', 'tensorflow.io.gfile.exists'],
      [11, 'FG-tensorflow.gfile.MakeDirs', 'tf.gfile.MakeDirs', 'tensorflow.io.gfile.makedirs'],
      [13, 'FG-tensorflow.placeholder', 'tf.placeholder', 'keras.Input'],
      [14, 'FG-tensorflow.truncated_normal_initializer', 'tf.truncated_normal_initializer', 'tensorflow.compat.v1.truncated_normal_initializer'],
      // tf_upgrade_v2's target, tf.compat.v1.nn.rnn_cell.LSTMCell, raises AttributeError under Keras 3: no successor.
      [15, 'FG-tensorflow.nn.rnn_cell.LSTMCell', 'tf.nn.rnn_cell.LSTMCell', ''],
      [16, 'FG-tensorflow.layers.dense', 'tf.layers.dense', 'keras.layers.Dense'],
      [17, 'FG-tensorflow.multinomial', 'tf.multinomial', 'tensorflow.random.categorical'],
      [18, 'FG-tensorflow.arg_max', 'tf.arg_max', 'tensorflow.argmax'],
      [19, 'FG-tensorflow.reduce_sum.keep_dims', 'keep_dims', ''],
      [20, 'FG-tensorflow.image.resize_images', 'tf.image.resize_images', 'tensorflow.image.resize'],
      [21, 'FG-tensorflow.get_collection', 'tf.get_collection', 'tensorflow.compat.v1.get_collection'],
      // A member of a removed class: the span covers the class only, so a rename keeps `.TRAINABLE_VARIABLES`.
      [21, 'FG-tensorflow.GraphKeys', 'tf.GraphKeys', 'tensorflow.compat.v1.GraphKeys'],
      [22, 'FG-tensorflow.RunOptions', 'tf.RunOptions', 'tensorflow.compat.v1.RunOptions'],
      [22, 'FG-tensorflow.RunOptions', 'tf.RunOptions', 'tensorflow.compat.v1.RunOptions'],
      [23, 'FG-tensorflow.ConfigProto', 'tf.ConfigProto', 'tensorflow.compat.v1.ConfigProto'],
      [23, 'FG-tensorflow.GPUOptions', 'tf.GPUOptions', 'tensorflow.compat.v1.GPUOptions'],
      [27, 'FG-keras.backend.exp', 'K.exp', 'keras.ops.exp'],
      [27, 'FG-keras.backend.square', 'K.square', 'keras.ops.square'],
      [27, 'FG-keras.backend.shape', 'K.shape', 'keras.ops.shape'],
      [30, 'FG-tensorflow.Session', 'tf.Session', 'tensorflow.compat.v1.Session'],
      [31, 'FG-tensorflow.global_variables_initializer', 'tf.global_variables_initializer', 'tensorflow.compat.v1.global_variables_initializer'],
      // Pre-1.0 names: TF 1.0's upgrader renamed them; the successor follows that name into TF 2.
      [34, 'FG-tensorflow.scalar_summary', 'tf.scalar_summary', 'tensorflow.summary.scalar'],
      [35, 'FG-tensorflow.merge_summary', 'tf.merge_summary', 'tensorflow.compat.v1.summary.merge'],
      [36, 'FG-tensorflow.train.SummaryWriter', 'tf.train.SummaryWriter', 'tensorflow.compat.v1.summary.FileWriter'],
    ]);
    assert.strictEqual(kb.get('tensorflow.scalar_summary')?.status.since, '1.0');
  });

  test('older PyTorch code gets TorchFix-listed names with their torch.linalg / torch successors, and loss size_average=/reduce=', () => {
    const rules = scan('torch_legacy.py').map(([line, rule, , replacement]) => [line, rule, replacement]);
    for (const expected of [
      [7, 'FG-torch.symeig', 'torch.linalg.eigh'],
      [8, 'FG-torch.solve', 'torch.linalg.solve'],
      [9, 'FG-torch.qr', 'torch.linalg.qr'],
      [10, 'FG-torch.ger', 'torch.outer'],
      [11, 'FG-torch.chain_matmul', 'torch.linalg.multi_dot'],
      [12, 'FG-torch.range', 'torch.arange'],
      [13, 'FG-torch.nn.UpsamplingBilinear2d', 'torch.nn.functional.interpolate'],
      [14, 'FG-torch.nn.utils.weight_norm', 'torch.nn.utils.parametrizations.weight_norm'],
      [19, 'FG-torch.nn.MSELoss.size_average', ''],
      [20, 'FG-torch.nn.functional.nll_loss.reduce', ''],
    ]) {
      assert.ok(rules.some((r) => JSON.stringify(r) === JSON.stringify(expected)), `missing ${JSON.stringify(expected)} in ${JSON.stringify(rules)}`);
    }
    assert.ok(!rules.some(([line]) => line === 21), 'reduction= is the current keyword');
  });

  test('torch.load without weights_only= gets an advisory note (TorchFix TOR102); with it, or with **options, none', () => {
    const loads = scan('torch_legacy.py').filter(([, rule]) => rule === 'FG-torch.load.weights_only');
    assert.deepStrictEqual(loads, [[15, 'FG-torch.load.weights_only', 'torch.load', '']]);
    const text = fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'migrations', 'torch_legacy.py'), 'utf8');
    const advice = findDeprecations(analyzePython(text), kb).find((f) => f.ruleId === 'FG-torch.load.weights_only');
    assert.strictEqual(advice?.advice, true, 'advice, not a deprecation: no strikethrough');
    assert.match(advice?.message ?? '', /2\.6/);
    assert.strictEqual(surfaces.parameters('torch.load')?.find((p) => p.name === 'weights_only')?.default, 'None', '2.13 signature: weights_only=None');
  });

  test('no generated "removed" rule names an API the installed release has (PyTorch stubs that only raise excepted)', () => {
    const wrong: string[] = [];
    for (const entry of generated) {
      if (entry.status.state !== 'removed') continue;
      const tf2 = entry.name.startsWith('tensorflow.') && !entry.name.startsWith('tensorflow.compat.') && surfaces.get('tensorflow').names.has(entry.name);
      const keras = entry.name.startsWith('keras.') && surfaces.get('keras').names.has(entry.name);
      const torch = entry.name.startsWith('torch.') && surfaces.find(entry.name) !== undefined && !TORCH_STUBS.has(entry.name);
      if (tf2 || keras || torch) wrong.push(entry.name);
    }
    assert.deepStrictEqual(wrong, []);
    assert.ok(generated.filter((e) => e.status.state === 'removed').length > 900);
  });

  test('every drop-in successor exists in the installed release, and every TF1-only name exists under tf.compat.v1 or in the upgrade tables', () => {
    const missing = generated.filter((e) => e.replacement?.dropIn && surfaces.find(e.replacement.name) === undefined).map((e) => `${e.name} -> ${e.replacement?.name}`);
    assert.deepStrictEqual(missing, []);
  });

  test('keyword renames: the old keyword is gone from the TF 2.21 signature and the new one is there', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const entry of generated) {
      const params = surfaces.parameters(entry.name)?.map((p) => p.name);
      for (const [old, rule] of Object.entries(entry.keywords ?? {})) {
        if (entry.framework !== 'tensorflow') continue;
        count++;
        if (!params || params.includes(old) || (rule.renamedTo && !params.includes(rule.renamedTo))) wrong.push(`${entry.name}(${old}=)`);
      }
    }
    assert.deepStrictEqual(wrong, []);
    assert.ok(count > 80, `only ${count} keyword rules`);
    assert.strictEqual(kb.get('tensorflow.reduce_sum')?.keywords?.keep_dims?.renamedTo, 'keepdims');
  });

  test('hand-written entries win: their fields stay, and they only gain keyword rules', () => {
    const session = ALL_ENTRIES.find((e) => e.name === 'tensorflow.Session');
    assert.deepStrictEqual(kb.get('tensorflow.Session'), session);
    const merged = withMigrations(
      [{ ...(session as (typeof ALL_ENTRIES)[number]), keywords: { x: { status: { state: 'current' }, note: 'ours' } } }],
      [{ ...(session as (typeof ALL_ENTRIES)[number]), summary: 'generated', keywords: { x: { status: { state: 'removed', since: '2.0' }, note: 'theirs' }, y: { status: { state: 'removed', since: '2.0' }, note: 'theirs' } } }],
    );
    assert.strictEqual(merged.length, 1);
    assert.strictEqual(merged[0].summary, session?.summary);
    assert.deepStrictEqual(Object.keys(merged[0].keywords ?? {}).sort(), ['x', 'y']);
    assert.strictEqual(merged[0].keywords?.x.note, 'ours');
  });
});
