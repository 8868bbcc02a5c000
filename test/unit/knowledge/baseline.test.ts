/** The baseline built from the API dumps: every public name gets a fact-only entry, and hand-written entries win. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../src/core/python';
import { findDeprecations } from '../../../src/core/rules/findings';
import { composeHoverNote } from '../../../src/core/notes/hoverNote';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import { Baseline, buildBaseline, type BaselineData, type DumpRecord } from '../../../src/knowledge/baseline';
import { Surfaces } from './apiSurface';

const surfaces = new Surfaces();
const data: BaselineData = buildBaseline(
  (
    [
      ['tensorflow', 'tensorflow', 'tensorflow'],
      ['keras', 'keras', 'keras'],
      ['pytorch', 'torch', 'torch'],
    ] as const
  ).map(([framework, dump, key]) => {
    const surface = surfaces.get(dump);
    return { framework, version: surface.meta.versions[key] ?? '', names: Object.fromEntries(surface.names) as Record<string, DumpRecord> };
  }),
);
const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
kb.attachBaseline(new Baseline(data));

suite('baseline', () => {
  test('an API without a hand-written note gets a hover summary of facts: release, kind, signature, docs', () => {
    const found = kb.lookup('tensorflow.group');
    assert.strictEqual(found?.match, 'exact');
    assert.strictEqual(found?.entry.summary, 'TensorFlow 2.21 function tf.group(*inputs, **kwargs).');
    assert.strictEqual(found?.entry.status.state, 'current');
    assert.strictEqual(found?.entry.docs, 'https://www.tensorflow.org/api_docs/python/tf/group');
    assert.strictEqual(kb.lookup('torch.nn.Linear')?.entry.summary.includes('PyTorch 2.13 class'), false, 'hand-written torch.nn.Linear wins');
  });

  test('the gaps measured on real code are covered, through tf.compat.v1 and tf.keras aliases too', () => {
    for (const name of [
      'tensorflow.add_n',
      'tensorflow.gradients',
      'tensorflow.control_dependencies',
      'tensorflow.constant_initializer',
      'tensorflow.zeros_initializer',
      'tensorflow.bool',
      'tensorflow.data.Dataset.from_tensor_slices',
      'tensorflow.train.get_checkpoint_state',
      'keras.datasets.mnist.load_data',
      'torch.FloatTensor',
      'torch.LongTensor',
      'torch.accelerator.current_accelerator',
      'tensorflow.compat.v1.group',
      'tensorflow.keras.datasets.mnist.load_data',
    ]) {
      const found = kb.lookup(name);
      assert.ok(found && found.match !== 'module', `${name}: ${found?.match}`);
    }
    assert.strictEqual(kb.lookup('tensorflow.data.Dataset.batch')?.entry.name, 'tensorflow.data.Dataset.batch');
  });

  test('every public name of the dumps is in the baseline except the tf.compat and tf.keras views the aliases reach', () => {
    let missing = 0;
    for (const dump of ['tensorflow', 'keras', 'torch'] as const) {
      for (const name of surfaces.get(dump).names.keys()) {
        if (/^tensorflow\.(compat|keras)(\.|$)/.test(name)) continue;
        if (!(name in data.names)) missing++;
      }
    }
    assert.strictEqual(missing, 0);
    assert.ok(Object.keys(data.names).length > 14000);
  });

  test('findings are the same with and without the baseline loaded (a deprecated module still answers for its names)', () => {
    const plain = new KnowledgeBase(KNOWLEDGE_ENTRIES);
    const files = [
      ...fs.readdirSync('sample').filter((f) => f.endsWith('.py')).map((f) => path.join('sample', f)),
      ...fs.readdirSync(path.join('test', 'fixtures', 'migrations')).map((f) => path.join('test', 'fixtures', 'migrations', f)),
    ];
    assert.ok(files.length >= 8);
    for (const file of files) {
      const analysis = analyzePython(fs.readFileSync(file, 'utf8'));
      assert.deepStrictEqual(findDeprecations(analysis, kb), findDeprecations(analysis, plain), file);
    }
    const deprecatedModule = KNOWLEDGE_ENTRIES.find((e) => e.kind === 'module' && e.status.state === 'deprecated' && Object.keys(data.names).some((n) => n.startsWith(e.name + '.') && !kb.get(n)));
    assert.ok(deprecatedModule, 'a deprecated module with baseline names under it');
    const child = Object.keys(data.names).find((n) => n.startsWith(deprecatedModule.name + '.') && !kb.get(n)) as string;
    assert.strictEqual(kb.lookup(child)?.entry.name, deprecatedModule.name);
  });

  test('a baseline hover shows the signature as text and the docs link, and no status line', () => {
    const text = 'import tensorflow as tf\nops = tf.group(a, b)\n';
    const analysis = analyzePython(text);
    const symbol = analysis.symbolAt(text.indexOf('group') + 1);
    assert.ok(symbol);
    const found = kb.lookup(symbol.qualifiedName);
    assert.ok(found);
    const { markdown } = composeHoverNote(symbol, found, { verbosity: 'detailed', showEquivalents: true }, (n) => kb.resolve(n));
    assert.match(markdown, /TensorFlow 2\\?\.21 function tf\\?\.group\\?\(\\?\*inputs, \\?\*\\?\*kwargs\\?\)/);
    assert.match(markdown, /\(https:\/\/www\.tensorflow\.org\/api_docs\/python\/tf\/group\)/);
    assert.doesNotMatch(markdown, /\*\*(Removed|Deprecated|Legacy)/);
    assert.doesNotMatch(markdown, /\\`/, 'no escaped backticks: the summary is plain text');
  });

  test('the baseline never reports: its entries are current', () => {
    const baseline = new Baseline(data);
    for (const name of Object.keys(data.names).slice(0, 2000)) assert.strictEqual(baseline.get(name)?.status.state, 'current');
  });
});

suite('baseline: tf.compat', () => {
  test("tf.compat's own helpers get a note; tf.compat.v1 names still come through the alias, not the baseline", () => {
    assert.ok(data.names['tensorflow.compat.as_bytes'], 'tensorflow.compat.as_bytes missing');
    assert.strictEqual(kb.lookup('tensorflow.compat.as_bytes')?.match, 'exact');
    assert.ok(!Object.keys(data.names).some((n) => n.startsWith('tensorflow.compat.v1.') || n.startsWith('tensorflow.compat.v2.')));
  });
});

suite('baseline: members of a class dumped under a second path', () => {
  test('an enum member reached through the class\'s other path gets the member\'s note', () => {
    assert.strictEqual(data.classAliases?.['torch.distributed.fsdp.fully_sharded_data_parallel.StateDictType'], 'torch.distributed.fsdp.StateDictType');
    const found = kb.lookup('torch.distributed.fsdp.fully_sharded_data_parallel.StateDictType.FULL_STATE_DICT');
    assert.ok(found);
    assert.strictEqual(found.entry.name, 'torch.distributed.fsdp.StateDictType.FULL_STATE_DICT');
    assert.match(found.entry.summary, /, a data attribute of class torch\.distributed\.fsdp\.StateDictType\.$/);
    assert.strictEqual(kb.resolve('torch.distributed.fsdp.fully_sharded_data_parallel.StateDictType.NO_SUCH_MEMBER'), undefined);
  });
});

suite('baseline: kinds and signatures from the objects themselves', () => {
  test('a member says whether it is a method, a property or a data attribute, as the installed class defines it', () => {
    const view = kb.lookup('torch.Tensor.view')?.entry;
    assert.strictEqual(view?.kind, 'function');
    assert.match(view?.summary ?? '', /torch\.Tensor\.view, a method of class torch\.Tensor\./);
    const shape = kb.lookup('torch.Tensor.shape')?.entry;
    assert.strictEqual(shape?.kind, 'property');
    assert.match(shape?.summary ?? '', /torch\.Tensor\.shape, a property of class torch\.Tensor\./);
    const patches = kb.lookup('torch.nn.Module.dump_patches')?.entry;
    assert.strictEqual(patches?.kind, 'attribute');
    assert.match(patches?.summary ?? '', /a data attribute of class torch\.nn\.Module\./);
    assert.strictEqual(kb.lookup('keras.layers.Dense.kernel')?.entry.kind, 'property');
  });

  test('no ParamSpec placeholder (`*args: _P.args`) is shown as a signature', () => {
    const placeholders = Object.entries(data.names).filter(([, record]) => /\.(args|kwargs)\b/.test(record));
    assert.deepStrictEqual(placeholders.slice(0, 5), []);
    // A wrapper with nothing but placeholders gets no signature; one with real arguments keeps them.
    assert.strictEqual(data.names['torch.fx.experimental.proxy_tensor.aten.abs'], 'f');
    assert.match(data.names['torch.autograd.handle_torch_function'], /^f\(public_api: .*, \*args, \*\*kwargs\) -> ~_R$/);
  });

  test('legacy tensor types do not repeat torch.Tensor\'s methods, under torch.cuda.sparse either', () => {
    const copies = Object.keys(data.names).filter((n) => /^torch\.(cuda\.)?(sparse\.)?[A-Z]\w*Tensor\.\w+$/.test(n));
    assert.deepStrictEqual(copies.slice(0, 5), []);
    assert.ok(data.names['torch.cuda.sparse.FloatTensor'], 'the legacy type itself keeps its note');
  });
});
