/** KnowledgeBase.lookup: exact names, namespace aliases, the module fallback, and the real base's common names. */
import * as assert from 'node:assert';
import { KnowledgeBase, NAMESPACE_ALIASES, type KnowledgeEntry } from '../../../src/knowledge';
import { ALL_ENTRIES } from '../../../src/knowledge/all';

/** A minimal entry; only the fields lookup reads matter here. */
function entry(name: string, kind: KnowledgeEntry['kind'], state: KnowledgeEntry['status']['state'] = 'current'): KnowledgeEntry {
  const framework: KnowledgeEntry['framework'] = name.startsWith('torch') ? 'pytorch' : name.startsWith('keras') ? 'keras' : 'tensorflow';
  return {
    name,
    framework,
    kind,
    summary: `Test entry for ${name}.`,
    status: state === 'current' ? { state } : { state, since: '2.0', date: '2019-09' },
    verified: 'test',
    docs: 'https://example.org/docs',
    sources: ['https://example.org/source'],
  };
}

suite('KnowledgeBase.lookup on a small base', () => {
  const kb = new KnowledgeBase([
    entry('keras', 'module'),
    entry('keras.layers', 'module'),
    entry('keras.layers.Dense', 'class'),
    entry('tensorflow', 'module'),
    entry('tensorflow.Session', 'class', 'removed'),
    entry('tensorflow.matmul', 'function'),
    entry('torch', 'module'),
    entry('torch.nn', 'module'),
    entry('torch.nn.Linear', 'class'),
    entry('torch.Tensor', 'class'),
  ]);

  test('size counts distinct names', () => assert.strictEqual(kb.size, 10));

  test('exact match', () => {
    const r = kb.lookup('torch.nn.Linear');
    assert.strictEqual(r?.entry.name, 'torch.nn.Linear');
    assert.strictEqual(r?.match, 'exact');
    assert.strictEqual(r?.query, 'torch.nn.Linear');
    assert.strictEqual(r?.aliasNote, undefined);
    assert.strictEqual(r?.compatV1, undefined);
  });

  const aliasCases: Array<[string, string, RegExp]> = [
    ['tensorflow.keras.layers.Dense', 'keras.layers.Dense', /tf\.keras is Keras 3/],
    ['tf_keras.layers.Dense', 'keras.layers.Dense', /tf_keras is the Keras 2 package/],
    ['tensorflow.python.keras.layers.Dense', 'keras.layers.Dense', /private path/],
    ['tensorflow.compat.v2.matmul', 'tensorflow.matmul', /TF2 API under another name/],
  ];
  for (const [query, canonical, note] of aliasCases) {
    test(`alias: ${query} → ${canonical}`, () => {
      const r = kb.lookup(query);
      assert.strictEqual(r?.entry.name, canonical);
      assert.strictEqual(r?.match, 'alias');
      assert.strictEqual(r?.query, query, 'query keeps the name as asked');
      assert.match(r?.aliasNote ?? '', note);
      assert.strictEqual(r?.compatV1, undefined);
    });
  }

  test('alias: tensorflow.compat.v1.Session → tensorflow.Session with compatV1', () => {
    const r = kb.lookup('tensorflow.compat.v1.Session');
    assert.strictEqual(r?.entry.name, 'tensorflow.Session');
    assert.strictEqual(r?.match, 'alias');
    assert.strictEqual(r?.compatV1, true);
    assert.match(r?.aliasNote ?? '', /tf\.compat\.v1/);
  });

  test('a plain tensorflow name is not compatV1', () => {
    assert.strictEqual(kb.lookup('tensorflow.Session')?.compatV1, undefined);
  });

  test('module fallback: unknown name under a known module', () => {
    const r = kb.lookup('torch.nn.NotARealLayer');
    assert.strictEqual(r?.entry.name, 'torch.nn');
    assert.strictEqual(r?.match, 'module');
    assert.strictEqual(r?.query, 'torch.nn.NotARealLayer');
  });

  test('module fallback takes the nearest module, several levels up', () => {
    assert.strictEqual(kb.lookup('torch.nn.modules.conv.Conv2d')?.entry.name, 'torch.nn');
    assert.strictEqual(kb.lookup('torch.fft.rfft')?.entry.name, 'torch');
  });

  test('module fallback skips parents that are not modules', () => {
    // torch.Tensor is a class: its methods fall back to the `torch` module, never to the class.
    const r = kb.lookup('torch.Tensor.not_a_method');
    assert.strictEqual(r?.entry.name, 'torch');
    assert.strictEqual(r?.match, 'module');
  });

  test('module fallback through an alias uses the canonical module and keeps the alias note', () => {
    const r = kb.lookup('tf_keras.layers.NotARealLayer');
    assert.strictEqual(r?.entry.name, 'keras.layers');
    assert.strictEqual(r?.match, 'module');
    assert.match(r?.aliasNote ?? '', /tf_keras is the Keras 2 package/);
  });

  test('a Keras 3 removal does not hold for the Keras 2 package: tf_keras.backend.mean falls back to the module note', () => {
    const real = new KnowledgeBase(ALL_ENTRIES);
    assert.strictEqual(real.lookup('keras.backend.mean')?.entry.status.state, 'removed');
    const r = real.lookup('tf_keras.backend.mean');
    assert.strictEqual(r?.match, 'module');
    assert.strictEqual(r?.entry.name, 'keras.backend');
    assert.strictEqual(real.resolve('tf_keras.backend.mean'), undefined);
    assert.strictEqual(real.lookup('tf_keras.layers.Dense')?.entry.name, 'keras.layers.Dense', 'current entries still resolve');
  });

  test('compat.v1 fallback keeps compatV1', () => {
    const r = kb.lookup('tensorflow.compat.v1.not_a_function');
    assert.strictEqual(r?.entry.name, 'tensorflow');
    assert.strictEqual(r?.match, 'module');
    assert.strictEqual(r?.compatV1, true);
  });

  const unknown = ['numpy.zeros', 'numpy', 'torchx.nn.Linear', 'tensorflowx.Session', '', 'keras_cv.layers.RandAugment', 'Linear'];
  for (const name of unknown) {
    test(`unknown: ${JSON.stringify(name)} → undefined`, () => assert.strictEqual(kb.lookup(name), undefined));
  }

  test('a prefix that is not at a dot boundary does not match', () => {
    assert.strictEqual(kb.lookup('torch.nnx.Linear')?.entry.name, 'torch');
    assert.strictEqual(kb.lookup('tensorflow.kerasx.Dense')?.entry.name, 'tensorflow');
  });
});

suite('NAMESPACE_ALIASES', () => {
  test('every alias maps a dotted prefix to a dotted prefix and carries a note', () => {
    for (const a of NAMESPACE_ALIASES) {
      assert.ok(a.from.endsWith('.') && a.to.endsWith('.'), `${a.from} → ${a.to}`);
      assert.ok(a.note.length > 10, a.from);
    }
  });
});

suite('KnowledgeBase.lookup on the real base', () => {
  const kb = new KnowledgeBase(ALL_ENTRIES);

  test('every entry name is unique (the map loses none)', () => {
    assert.strictEqual(kb.size, ALL_ENTRIES.length);
  });

  test('every entry is found exactly by its own name', () => {
    const misses = ALL_ENTRIES.filter((e) => {
      const r = kb.lookup(e.name);
      return r?.match !== 'exact' || r.entry !== e;
    });
    assert.deepStrictEqual(misses.map((e) => e.name), []);
  });

  const common: Array<[string, string, 'exact' | 'alias' | 'module', KnowledgeEntry['status']['state']]> = [
    ['torch.nn.Linear', 'torch.nn.Linear', 'exact', 'current'],
    ['torch.optim.Adam', 'torch.optim.Adam', 'exact', 'current'],
    ['torch.utils.data.DataLoader', 'torch.utils.data.DataLoader', 'exact', 'current'],
    ['torch.compile', 'torch.compile', 'exact', 'current'],
    ['torch.nn.functional.relu', 'torch.nn.functional.relu', 'exact', 'current'],
    ['torch.nn.functional.sigmoid', 'torch.nn.functional.sigmoid', 'exact', 'current'],
    ['torch.autograd.Variable', 'torch.autograd.Variable', 'exact', 'deprecated'],
    ['torch.cuda.amp.GradScaler', 'torch.cuda.amp.GradScaler', 'exact', 'deprecated'],
    ['tensorflow.GradientTape', 'tensorflow.GradientTape', 'exact', 'current'],
    ['tensorflow.function', 'tensorflow.function', 'exact', 'current'],
    ['tensorflow.placeholder', 'tensorflow.placeholder', 'exact', 'removed'],
    ['tensorflow.Session', 'tensorflow.Session', 'exact', 'removed'],
    ['keras.Sequential', 'keras.Sequential', 'exact', 'current'],
    ['keras.optimizers.Adam', 'keras.optimizers.Adam', 'exact', 'current'],
    ['tensorflow.keras.layers.Dense', 'keras.layers.Dense', 'alias', 'current'],
    ['tensorflow.keras.Model', 'keras.Model', 'alias', 'current'],
    ['tf_keras.layers.Dense', 'keras.layers.Dense', 'alias', 'current'],
    ['tensorflow.compat.v1.Session', 'tensorflow.Session', 'alias', 'removed'],
    ['tensorflow.compat.v1.placeholder', 'tensorflow.placeholder', 'alias', 'removed'],
    ['torch.nn.NotARealLayer', 'torch.nn', 'module', 'current'],
    ['tensorflow.contrib.layers', 'tensorflow.contrib', 'module', 'removed'],
  ];
  for (const [query, name, match, state] of common) {
    test(`${query} → ${name} (${match}, ${state})`, () => {
      const r = kb.lookup(query);
      assert.ok(r, `${query} not found`);
      assert.strictEqual(r.entry.name, name);
      assert.strictEqual(r.match, match);
      assert.strictEqual(r.entry.status.state, state);
    });
  }

  test('compatV1 is set exactly for names under tensorflow.compat.v1', () => {
    assert.strictEqual(kb.lookup('tensorflow.compat.v1.Session')?.compatV1, true);
    assert.strictEqual(kb.lookup('tensorflow.compat.v1')?.compatV1, true);
    assert.strictEqual(kb.lookup('tensorflow.Session')?.compatV1, undefined);
    assert.strictEqual(kb.lookup('tensorflow.compat.v2.function')?.compatV1, undefined);
  });

  test('non-framework names are unknown', () => {
    for (const name of ['numpy.zeros', 'pandas.DataFrame', 'jax.numpy.zeros', 'os.path.join']) assert.strictEqual(kb.lookup(name), undefined, name);
  });
});
