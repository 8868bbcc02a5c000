/**
 * Absence by construction: a name the installed releases lack (or have only as a raising stub) gets a finding and a
 * note of its own, decided from installed-names.json (scripts/truth/installed_names.py), never from a list of names.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../src/core/python';
import { composeHoverNote } from '../../../src/core/notes/hoverNote';
import { findDeprecations, type Finding } from '../../../src/core/rules/findings';
import { fixSource, scanSource } from '../../../src/core/scan';
import type { AnalysedFile } from '../../../src/core/scan/types';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import INSTALLED from '../../../src/knowledge/data/generated/installed-names.json';
import { InstalledNames, type InstalledData } from '../../../src/knowledge/installed';
import { Surfaces } from './apiSurface';

const installed = new InstalledNames(INSTALLED as InstalledData);
const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES, installed);
const fixture = (name: string) => path.join(process.cwd(), 'test', 'fixtures', 'python', 'absent', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');

/** `written name: rule severity status` for each finding, in document order. */
function findingsOf(text: string): string[] {
  return findDeprecations(analyzePython(text), kb).map((f: Finding) => `${text.slice(f.span.from, f.span.to)}: ${f.ruleId} ${f.severity} ${f.status}${f.advice ? ' advice' : ''}`);
}

suite('absence by construction (src/knowledge/installed.ts, src/knowledge/absence.ts)', () => {
  test('every name the issue measured as missed gets a finding of its own, with no rule listing it', () => {
    const text = read('issue30_misses.py');
    const found = findingsOf(text);
    for (const written of [
      'tf.data.Iterator.from_structure',
      'tf.concat_v2',
      'tf.nn.deconv2d',
      'tf.nn.seq2seq.basic_rnn_seq2seq',
      'tf.keras.mixed_precision.experimental.Policy',
      'tf.keras.layers.experimental.SyncBatchNormalization',
      'tf.keras.wrappers.scikit_learn.KerasClassifier',
      'tf.keras.optimizers.experimental.Optimizer',
      'tape.stop_recording',
      'K.logsumexp',
      'K.where',
      'K.symbolic',
      'K.get_session',
      'keras.utils.multi_gpu_model',
      'LeakyReLU',
      'BatchNormalization',
    ]) {
      assert.ok(
        found.some((f) => f.startsWith(`${written}: `) && f.endsWith(' warning removed')),
        `${written}: ${found.filter((f) => f.startsWith(written)).join('; ') || 'no finding'}`,
      );
    }
  });

  test('the same names had no finding before: the knowledge base without the installed names says nothing of them', () => {
    const plain = new KnowledgeBase(KNOWLEDGE_ENTRIES);
    const text = read('issue30_misses.py');
    const silent = findDeprecations(analyzePython(text), plain).map((f) => text.slice(f.span.from, f.span.to));
    for (const written of ['tf.concat_v2', 'tf.nn.deconv2d', 'K.logsumexp', 'K.get_session', 'keras.utils.multi_gpu_model']) assert.ok(!silent.includes(written), written);
  });

  test('names that exist only to raise count as absent, and the note says what they raise', () => {
    const text = read('raising_stubs.py');
    const found = findingsOf(text);
    for (const written of ['tf.compat.v1.layers.conv1d', 'tf.compat.v1.nn.rnn_cell.LSTMCell', 'torch.solve', 'keras.optimizers.legacy.Adam']) {
      assert.ok(found.some((f) => f.startsWith(`${written}: `) && f.endsWith(' warning removed')), `${written}: ${found.join('; ')}`);
    }
    const conv = kb.lookup('tensorflow.compat.v1.layers.conv1d');
    assert.strictEqual(conv?.absent?.raises, 'AttributeError: `conv1d` is not available with Keras 3.');
    // Not the TF1 note "still callable through tf.compat.v1": under Keras 3 it is not.
    assert.strictEqual(conv?.compatV1, undefined);
    const analysis = analyzePython(text);
    const at = text.indexOf('conv1d');
    const symbol = analysis.symbolAt(at);
    assert.ok(symbol);
    const note = composeHoverNote(symbol, conv, { verbosity: 'compact', showEquivalents: true }).markdown;
    assert.match(note, /\*\*Raises in TensorFlow 2\.21:\*\* `AttributeError: 'conv1d' is not available with Keras 3\.`/);
    assert.doesNotMatch(note, /still callable/);
    const message = findDeprecations(analysis, kb).find((f) => f.entryName === 'tensorflow.compat.v1.layers.conv1d')?.message ?? '';
    assert.match(message, /raises in TensorFlow 2\.21: AttributeError: `conv1d` is not available with Keras 3/);
  });

  test('names that resolve are never reported removed, nor names the file sets on a framework module itself', () => {
    // tf.compat.v1 names keep their TF1 hints (information); none of these names is called removed.
    assert.deepStrictEqual(
      findingsOf(read('not_absent.py')).filter((f) => !f.endsWith(' information deprecated')),
      [],
    );
  });

  test('an out-of-tree device module (torch.npu) gets information, not "removed"', () => {
    const found = findingsOf(read('device_plugin.py'));
    assert.deepStrictEqual(found, [
      'torch.npu.is_available: FG-torch.npu.is_available information deprecated advice',
      'torch.npu.synchronize: FG-torch.npu.synchronize information deprecated advice',
      'torch.npu.empty_cache: FG-torch.npu.empty_cache information deprecated advice',
    ]);
    const result = kb.lookup('torch.npu.synchronize');
    assert.strictEqual(result?.absent?.plugin, true);
    assert.strictEqual(result?.entry.status.state, 'current');
    // A name under torch that no device module has is absent, not a plugin.
    assert.strictEqual(kb.lookup('torch.legacy.nn.Linear')?.absent?.plugin, undefined);
    assert.strictEqual(kb.lookup('torch.legacy.nn.Linear')?.entry.status.state, 'removed');
  });

  test('the nearest successor comes from the upgrade tables, the tf.compat.v1 twin or the same name higher up, and it is usable', () => {
    const successor = (name: string) => kb.lookup(name)?.entry.replacement?.name;
    assert.strictEqual(successor('keras.layers.normalization.BatchNormalization'), 'keras.layers.BatchNormalization');
    assert.strictEqual(successor('keras.layers.advanced_activations.LeakyReLU'), 'keras.layers.LeakyReLU');
    assert.strictEqual(successor('tensorflow.keras.mixed_precision.experimental.Policy'), 'tensorflow.keras.mixed_precision.Policy');
    assert.strictEqual(successor('tensorflow.keras.optimizers.experimental.Optimizer'), 'tensorflow.keras.optimizers.Optimizer');
    assert.strictEqual(successor('tensorflow.data.Iterator.from_structure'), 'tensorflow.compat.v1.data.Iterator.from_structure');
    assert.strictEqual(successor('tensorflow.contrib.data.AUTOTUNE'), 'tensorflow.data.experimental.AUTOTUNE');
    for (const name of ['tensorflow.nn.deconv2d', 'keras.backend.get_session', 'keras.utils.multi_gpu_model']) {
      const next = successor(name);
      if (next !== undefined) assert.ok(installed.usable(next), `${name} -> ${next}`);
    }
  });

  test('under a removed module, the name gets its own note carrying the module news and its removal release', () => {
    const result = kb.lookup('tensorflow.contrib.layers.flatten');
    assert.strictEqual(result?.match, 'exact');
    assert.strictEqual(result?.entry.name, 'tensorflow.contrib.layers.flatten');
    assert.strictEqual(result?.entry.status.since, '2.0');
    assert.match(result?.entry.summary ?? '', /tf\.contrib: No tf\.compat\.v1 copy exists/);
    const text = 'import tensorflow as tf\nx = tf.contrib.layers.flatten(y)\n';
    assert.deepStrictEqual(
      findDeprecations(analyzePython(text), kb).map((f) => f.message),
      ['tf.contrib.layers.flatten is not in TensorFlow 2.21 (removed since TensorFlow 2.0).'],
    );
  });

  test('under a removed module or class renamed as a whole, the fix renames the name itself and keeps the rest', () => {
    const text = "import tensorflow as tf\ntf.flags.DEFINE_integer('steps', 1, 'how many')\nkeys = tf.GraphKeys.TRAINABLE_VARIABLES\ntrace = tf.RunOptions.FULL_TRACE\nx = tf.contrib.slim.fully_connected(y, 3)\n";
    const fixed = fixSource({ path: 'tf1.py', bytes: Buffer.from(text) }, kb, { maxBytes: 1_000_000 });
    assert.strictEqual(
      fixed.fixed,
      "import tensorflow as tf\ntf.compat.v1.flags.DEFINE_integer('steps', 1, 'how many')\nkeys = tf.compat.v1.GraphKeys.TRAINABLE_VARIABLES\ntrace = tf.compat.v1.RunOptions.FULL_TRACE\nx = tf.contrib.slim.fully_connected(y, 3)\n",
    );
  });

  test('an import of a missing module is reported once, on the module; its names are reported where they are used', () => {
    const text = 'from keras.layers.normalization import BatchNormalization\nimport tensorflow.contrib.layers\nnorm = BatchNormalization()\n';
    assert.deepStrictEqual(findingsOf(text), [
      'keras.layers.normalization: FG-keras.layers.normalization warning removed',
      'tensorflow.contrib.layers: FG-tensorflow.contrib.layers warning removed',
      'BatchNormalization: FG-keras.layers.normalization.BatchNormalization warning removed',
    ]);
  });

  test('a suppression comment silences the finding of an absent name, as for every rule (one scan pipeline)', () => {
    const text = 'import tensorflow as tf\nup = tf.nn.deconv2d(x, w, s, [1, 2, 2, 1])  # framework-guide: ignore[FG-tensorflow.nn.deconv2d]\nagain = tf.nn.deconv2d(x, w, s, [1, 2, 2, 1])\n';
    const scan = scanSource({ path: 'suppressed.py', bytes: Buffer.from(text) }, kb, { maxBytes: 1_000_000 });
    assert.strictEqual(scan.status, 'analysed');
    assert.deepStrictEqual(
      (scan as AnalysedFile).findings.map((f) => [f.ruleId, f.location.startLine, f.severity]),
      [['FG-tensorflow.nn.deconv2d', 3, 'warning']],
    );
  });

  test('every public name of the dumps resolves (nothing the releases have is judged absent), except what only raises', function () {
    // About 50,000 names and members: more than mocha's default on a shared machine.
    this.timeout(30_000);
    const surfaces = new Surfaces();
    const wrong: string[] = [];
    let checked = 0;
    for (const dump of ['tensorflow', 'keras', 'torch'] as const) {
      for (const [name, record] of surfaces.get(dump).names) {
        checked++;
        const resolution = installed.resolve(name);
        const raises = record.raises ?? (record.sameAs ? surfaces.get(dump).names.get(record.sameAs)?.raises : undefined);
        if (resolution.state === 'absent' && !(resolution.raises && (raises || resolution.missing !== name))) wrong.push(`${name}: ${JSON.stringify(resolution)}`);
        for (const member of record.members ?? []) {
          if (member.startsWith('_') || record.sameAs) continue;
          const inner = installed.resolve(`${name}.${member}`);
          if (inner.state === 'absent' && !inner.raises) wrong.push(`${name}.${member}: ${JSON.stringify(inner)}`);
        }
      }
    }
    assert.ok(checked > 15000, `checked ${checked}`);
    assert.deepStrictEqual(wrong.slice(0, 20), []);
  });

  test('members: their kind comes from the object (method, property, data attribute)', () => {
    assert.strictEqual(installed.memberKind('torch.Tensor', 'view'), 'method');
    assert.strictEqual(installed.memberKind('torch.Tensor', 'shape'), 'property');
    assert.strictEqual(installed.memberKind('torch.nn.Parameter', 'shape'), 'property', 'through the base class');
    assert.strictEqual(installed.memberKind('keras.layers.Dense', 'kernel'), 'property');
    assert.strictEqual(installed.memberKind('tensorflow.data.Iterator', 'from_structure'), undefined);
  });
});
