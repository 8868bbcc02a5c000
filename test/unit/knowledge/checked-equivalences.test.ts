// Holds checked-equivalences.json (pairs run in both frameworks by test/real/equivalence) to its shape and to the knowledge base.
import * as assert from 'assert';
import { ALL_ENTRIES, checkedOutcomes } from '../../../src/knowledge/all';
import type { KnowledgeEntry } from '../../../src/knowledge/types';
import checked from '../../../src/knowledge/data/checked-equivalences.json';

interface CheckedEquivalence {
  tensorflow: string;
  pytorch: string;
  test: string;
  result: string;
  note: string;
}

const entries = checked as CheckedEquivalence[];
const byName = new Map(ALL_ENTRIES.map((e) => [e.name, e]));

suite('knowledge/checked-equivalences.json', () => {
  test('every entry has exactly the five fields, a known result and a note', () => {
    assert.ok(Array.isArray(entries) && entries.length > 0);
    for (const e of entries) {
      assert.deepStrictEqual(Object.keys(e).sort(), ['note', 'pytorch', 'result', 'tensorflow', 'test'], JSON.stringify(e));
      assert.ok(e.result === 'equal' || e.result === 'documented-difference', `${e.test}: result ${e.result}`);
      assert.ok(e.note.trim().length >= 10, `${e.test}: a note saying what was compared or what differs`);
    }
  });

  test('test ids are unique and read `tensorflow~pytorch`, with an optional [variant]', () => {
    const ids = entries.map((e) => e.test);
    assert.strictEqual(new Set(ids).size, ids.length, 'duplicate test ids');
    for (const e of entries) {
      const base = `${e.tensorflow}~${e.pytorch}`;
      assert.ok(e.test === base || (e.test.startsWith(`${base}[`) && e.test.endsWith(']')), `${e.test} does not name ${base}`);
    }
  });

  test('every name is a key of the knowledge base, on the right side', () => {
    for (const e of entries) {
      const tf = byName.get(e.tensorflow);
      const torch = byName.get(e.pytorch);
      assert.ok(tf, `${e.test}: ${e.tensorflow} is not a knowledge-base key`);
      assert.ok(torch, `${e.test}: ${e.pytorch} is not a knowledge-base key`);
      assert.ok(tf.framework === 'tensorflow' || tf.framework === 'keras', `${e.tensorflow} is a ${tf.framework} entry`);
      assert.strictEqual(torch.framework, 'pytorch', `${e.pytorch} is a ${torch.framework} entry`);
    }
  });

  test('at least 80 distinct cross-framework name pairs are checked', () => {
    const pairs = new Set(entries.map((e) => `${e.tensorflow}~${e.pytorch}`));
    assert.ok(pairs.size >= 80, `${pairs.size} name pairs`);
  });
});

suite('knowledge: equivalents marked as checked by running both', () => {
  // The data modules as written, before ALL_ENTRIES adds the marks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const written: KnowledgeEntry[] = [...require('../../../src/knowledge/data/pytorch').default, ...require('../../../src/knowledge/data/tensorflow').default];

  test('no data file sets `checked` by hand', () => {
    const handSet = written.flatMap((e) => (e.equivalents ?? []).filter((q) => q.checked !== undefined).map((q) => `${e.name} → ${q.name}`));
    assert.deepStrictEqual(handSet, []);
  });

  test('an equivalent is marked exactly when its pair is in checked-equivalences.json, in both directions', () => {
    const pairs = new Set(entries.flatMap((e) => [`${e.tensorflow} ${e.pytorch}`, `${e.pytorch} ${e.tensorflow}`]));
    let marked = 0;
    for (const entry of ALL_ENTRIES) {
      for (const q of entry.equivalents ?? []) {
        const listed = pairs.has(`${entry.name} ${q.name}`);
        assert.strictEqual(q.checked !== undefined, listed, `${entry.name} → ${q.name}`);
        if (listed) marked++;
      }
    }
    assert.ok(marked >= 80, `${marked} equivalents marked`);
    assert.strictEqual(byName.get('torch.nn.Linear')?.equivalents?.find((q) => q.name === 'keras.layers.Dense')?.checked, 'documented-difference', 'Linear/Dense: equal outputs and the kernel layout difference');
  });

  test('a pair with any documented difference is marked as such', () => {
    const outcomes = checkedOutcomes([
      { tensorflow: 'a', pytorch: 'b', test: 'a~b', result: 'equal', note: 'equal outputs here' },
      { tensorflow: 'a', pytorch: 'b', test: 'a~b[x]', result: 'documented-difference', note: 'differs with x' },
      { tensorflow: 'c', pytorch: 'd', test: 'c~d', result: 'equal', note: 'equal outputs here' },
    ]);
    assert.strictEqual(outcomes.get('b a'), 'documented-difference');
    assert.strictEqual(outcomes.get('c d'), 'equal');
  });
});
