/** The private-path data (scripts/truth/private_paths.py) against the API dumps, and what lookups make of it. */
import * as assert from 'node:assert';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import { Baseline, buildBaseline } from '../../../src/knowledge/baseline';
import { PRIVATE_PATHS, publicTwinOf } from '../../../src/knowledge/privatePaths';
import { Surfaces } from './apiSurface';

const surfaces = new Surfaces();
const dumps = surfaces.baselineInputs();
const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
kb.attachBaseline(new Baseline(buildBaseline(dumps, PRIVATE_PATHS.present)));

suite('private paths', () => {
  test('the data was made from the releases the dumps were made from', () => {
    const versions = PRIVATE_PATHS.meta?.versions ?? {};
    assert.strictEqual(versions.tensorflow, surfaces.get('tensorflow').meta.versions.tensorflow);
    assert.strictEqual(versions.keras, surfaces.get('keras').meta.versions.keras);
    assert.strictEqual(versions.torch, surfaces.get('torch').meta.versions.torch);
  });

  test('every name is outside the dumps, and every public twin is in them', () => {
    const listed = [...Object.keys(PRIVATE_PATHS.sameAs), ...Object.keys(PRIVATE_PATHS.present), ...PRIVATE_PATHS.absent];
    assert.ok(listed.length > 100, `only ${listed.length} names`);
    assert.deepStrictEqual(listed.filter((n) => surfaces.find(n) !== undefined), []);
    assert.deepStrictEqual(Object.values(PRIVATE_PATHS.sameAs).filter((n) => surfaces.find(n) === undefined), []);
  });

  test('the tf.keras gaps are Keras 3 names the tf.keras view of the TensorFlow dump lacks', () => {
    assert.ok(PRIVATE_PATHS.tfKerasMissing.includes('keras.losses.mean_squared_error'));
    for (const name of PRIVATE_PATHS.tfKerasMissing) {
      assert.ok(surfaces.find(name), `${name} not in Keras`);
      assert.strictEqual(surfaces.find(`tensorflow.${name}`), undefined, `tensorflow.${name} is in the dump`);
    }
  });

  test('a private path to a public object shows the public note and says so', () => {
    assert.strictEqual(publicTwinOf('torch.optim.optimizer.Optimizer'), 'torch.optim.Optimizer');
    assert.strictEqual(publicTwinOf('torch.distributed._tensor.Shard.dim'), 'torch.distributed.tensor.Shard.dim');
    assert.strictEqual(publicTwinOf('torch.optim.Optimizer'), undefined);
    const found = kb.lookup('tensorflow.python.util.nest.map_structure');
    assert.ok(found);
    assert.strictEqual(found.match, 'alias');
    assert.strictEqual(found.entry.name, 'tensorflow.nest.map_structure');
    assert.match(found.aliasNote ?? '', /^tf\.python\.util\.nest\.map_structure is a private path to the same object/);
  });

  test('an existing name with no public twin gets a baseline note marked private', () => {
    assert.strictEqual(PRIVATE_PATHS.present['torch._foreach_add_'], 'f');
    const found = kb.lookup('torch._foreach_add_');
    assert.ok(found);
    assert.strictEqual(found.entry.status.state, 'current');
    assert.match(found.entry.summary, /PyTorch 2\.13 function torch\._foreach_add_\. A private path/);
    assert.doesNotMatch(kb.lookup('torch.optim.Optimizer')?.entry.summary ?? '', /private path/);
  });

  test('tf.keras.losses.mean_squared_error, absent from the tf.keras view, is reported with the Keras 3 name', () => {
    const found = kb.lookup('tensorflow.keras.losses.mean_squared_error');
    assert.ok(found);
    assert.strictEqual(found.match, 'exact');
    assert.strictEqual(found.entry.status.state, 'removed');
    assert.strictEqual(found.entry.replacement?.name, 'keras.losses.mean_squared_error');
    assert.strictEqual(kb.lookup('keras.losses.mean_squared_error')?.entry.status.state, 'current');
  });

  test('one namespace alias leading to another: tf.compat.v2.keras.X and tf.compat.v1.keras.X reach keras.X', () => {
    for (const name of ['tensorflow.compat.v2.keras.layers.Dense', 'tensorflow.compat.v1.keras.layers.Dense']) {
      const found = kb.lookup(name);
      assert.ok(found, name);
      assert.strictEqual(found.match, 'alias');
      assert.strictEqual(found.entry.name, 'keras.layers.Dense');
    }
    assert.strictEqual(kb.lookup('tensorflow.compat.v1.keras.layers.Dense')?.compatV1, true);
  });
});
