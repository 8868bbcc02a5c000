// Checks every TensorFlow and Keras entry name against API lists extracted from TensorFlow's golden files,
// tf_upgrade_v2's rename table and the Keras 3 generated API (test/fixtures/api-lists, headers name the sources).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import tensorflow from '../../../src/knowledge/data/tensorflow';
import type { KnowledgeEntry } from '../../../src/knowledge/types';

/** The fixture folder, found upwards from this file so the test runs from source or from the bundle in out/. */
function listDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'api-lists');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('test/fixtures/api-lists not found above ' + __dirname);
}

function readList(file: string): Set<string> {
  const text = fs.readFileSync(path.join(listDir(), file), 'utf8');
  return new Set(text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

const isTf1 = (e: KnowledgeEntry): boolean => e.framework === 'tensorflow' && e.status.state === 'removed' && e.status.since === '2.0';

suite('TensorFlow and Keras names are real', () => {
  const tf2 = readList('tf2-api.txt');
  const tf1 = readList('tf1-api.txt');
  const keras3 = readList('keras3-api.txt');

  test('the lists are not empty', () => {
    assert.ok(tf2.size > 500 && tf1.size > 100 && keras3.size > 1000);
  });

  test('every current or deprecated tensorflow.* entry is a TF2 API name', () => {
    const missing = tensorflow.filter((e) => e.framework === 'tensorflow' && e.status.state !== 'removed' && !tf2.has(e.name)).map((e) => e.name);
    assert.deepStrictEqual(missing, []);
  });

  test('every current or deprecated keras.* entry is a Keras 3 API name', () => {
    const missing = tensorflow.filter((e) => e.framework === 'keras' && e.status.state !== 'removed' && !keras3.has(e.name)).map((e) => e.name);
    assert.deepStrictEqual(missing, []);
  });

  test('every keras.* entry removed in Keras 3 was a Keras 2 name and is not a Keras 3 name', () => {
    const keras2 = readList('keras2-backend-api.txt');
    const removed = tensorflow.filter((e) => e.framework === 'keras' && e.status.state === 'removed');
    assert.ok(removed.length >= 10, `removed Keras entries: ${removed.length}`);
    assert.deepStrictEqual(removed.filter((e) => !keras2.has(e.name)).map((e) => e.name), [], 'not in keras2-backend-api.txt');
    assert.deepStrictEqual(removed.filter((e) => keras3.has(e.name)).map((e) => e.name), [], 'still in keras3-api.txt');
  });

  test('every TF1 entry (removed in 2.0) is a TF1 name and not a TF2 name', () => {
    const tf1Entries = tensorflow.filter(isTf1);
    assert.ok(tf1Entries.length > 50);
    assert.deepStrictEqual(tf1Entries.filter((e) => !tf1.has(e.name)).map((e) => e.name), [], 'not in tf1-api.txt');
    assert.deepStrictEqual(tf1Entries.filter((e) => tf2.has(e.name)).map((e) => e.name), [], 'still in tf2-api.txt');
  });

  test('every tensorflow.compat.v1.X replacement exists in TF2 under that name', () => {
    const targets = tensorflow.map((e) => e.replacement?.name).filter((n): n is string => !!n && n.startsWith('tensorflow.compat.v1.'));
    assert.ok(targets.length > 10);
    assert.deepStrictEqual(targets.filter((n) => !tf2.has(n)), []);
  });

  test('every other tensorflow.* or keras.* replacement is an entry of the base', () => {
    const names = new Set(tensorflow.map((e) => e.name));
    const dangling = tensorflow
      .map((e) => e.replacement)
      .filter((r) => r && !r.external && !r.name.startsWith('tensorflow.compat.v1.'))
      .map((r) => r!.name)
      .filter((n) => !names.has(n));
    assert.deepStrictEqual(dangling, []);
  });

  test('drop-in replacements are only pure renames: compat.v1 or tf_upgrade_v2 moves to a TF2 name', () => {
    const bad = tensorflow.filter((e) => e.replacement?.dropIn && !(tf2.has(e.replacement.name) && isTf1(e))).map((e) => e.name);
    assert.deepStrictEqual(bad, []);
  });
});
