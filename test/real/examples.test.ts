// Runs every panel example (examples.md pairs) and every other python block of the content pages in its own framework.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { renderContent, type ExamplePair } from '../../src/knowledge/render';
import { canImport, deprecationNotices, describeFailure, realPython, REPO_ROOT, runJobs, type BatchOutcome, type PythonJob } from './jobs';

type Framework = 'tensorflow' | 'pytorch';

const CONTENT_DIR = path.join(REPO_ROOT, 'src', 'knowledge', 'content');
const py = (...lines: string[]): string => lines.join('\n');

/** Around an example: `before` (patches that keep it local: no downloads), `after` (checks), `output` it must print. */
interface Harness {
  before?: string;
  after?: string;
  output?: RegExp;
}

/** A tiny MNIST in the IDX files torchvision reads, so `datasets.MNIST(..., download=True)` finds it and downloads nothing. */
const FAKE_MNIST_FILES = py(
  'import os as _fg_os, struct as _fg_struct, numpy as _fg_np',
  '_fg_raw = _fg_os.path.join("data", "MNIST", "raw")',
  '_fg_os.makedirs(_fg_raw)',
  'for _fg_prefix, _fg_n in (("train", 512), ("t10k", 128)):',
  '    with open(_fg_os.path.join(_fg_raw, f"{_fg_prefix}-images-idx3-ubyte"), "wb") as _fg_f:',
  '        _fg_f.write(_fg_struct.pack(">4i", 2051, _fg_n, 28, 28) + _fg_np.random.randint(0, 256, (_fg_n, 28, 28), dtype=_fg_np.uint8).tobytes())',
  '    with open(_fg_os.path.join(_fg_raw, f"{_fg_prefix}-labels-idx1-ubyte"), "wb") as _fg_f:',
  '        _fg_f.write(_fg_struct.pack(">2i", 2049, _fg_n) + _fg_np.random.randint(0, 10, (_fg_n,), dtype=_fg_np.uint8).tobytes())',
);

/**
 * Where torchvision does not import (the local index has only CUDA-linked wheels for this CPU torch), a
 * stand-in `torchvision` serves random MNIST-shaped tensors: everything but the dataset class still runs.
 */
const STUB_TORCHVISION = py(
  'import sys as _fg_sys, types as _fg_types, torch as _fg_torch',
  'class _FgRandomMNIST(_fg_torch.utils.data.Dataset):',
  '    def __init__(self, root, train=True, download=False, transform=None):',
  '        n = 512 if train else 128',
  '        self.images, self.labels = _fg_torch.rand(n, 1, 28, 28), _fg_torch.randint(0, 10, (n,))',
  '    def __len__(self):',
  '        return len(self.labels)',
  '    def __getitem__(self, i):',
  '        return self.images[i], self.labels[i]',
  '_fg_tv = _fg_types.ModuleType("torchvision")',
  '_fg_tv.datasets = _fg_types.SimpleNamespace(MNIST=_FgRandomMNIST)',
  '_fg_tv.transforms = _fg_types.SimpleNamespace(ToTensor=lambda: None)',
  '_fg_sys.modules["torchvision"] = _fg_tv',
);

/** Keyed by the example's `##` title. */
const EXAMPLE_HARNESS: Record<string, Partial<Record<Framework, Harness>>> = {
  'MNIST-sized MLP': {
    tensorflow: {
      // load_data() downloads 11 MB; a random MNIST-shaped set of the same dtypes exercises the same code.
      before: py(
        'import unittest.mock as _fg_mock, numpy as _fg_np, keras as _fg_keras',
        'def _fg_load_data():',
        '    def split(n):',
        '        return _fg_np.random.randint(0, 256, (n, 28, 28), dtype=_fg_np.uint8), _fg_np.random.randint(0, 10, (n,), dtype=_fg_np.uint8)',
        '    return split(512), split(128)',
        '_fg_mock.patch.object(_fg_keras.datasets.mnist, "load_data", _fg_load_data).start()',
      ),
      after: 'assert 0.0 <= test_accuracy <= 1.0 and len(model.history.epoch) == 5',
      output: /test accuracy: \d\.\d{3}/,
    },
    pytorch: { before: FAKE_MNIST_FILES, output: /epoch 5: test accuracy \d\.\d{3}/ },
  },
  'Custom training step': {
    tensorflow: { output: /^\d+\.\d+/m },
    pytorch: { output: /^\d+\.\d+/m },
  },
  'Saving and loading': {
    tensorflow: {
      after: py(
        'import numpy as _fg_np',
        'for _fg_a, _fg_b in zip(model.get_weights(), restored.get_weights()):',
        '    _fg_np.testing.assert_array_equal(_fg_a, _fg_b)',
      ),
    },
    pytorch: { after: 'assert all(torch.equal(v, restored.state_dict()[k]) for k, v in model.state_dict().items()) and not restored.training' },
  },
  'Compiling for speed': {
    tensorflow: { output: /\(32, 10\)/ },
    pytorch: { output: /torch\.Size\(\[32, 10\]\)/ },
  },
};

/** Python blocks outside examples.md, keyed `page#n` (1-based): how each is run, and what it must do. */
interface PageBlockRun {
  id: string;
  framework: Framework;
  /** Text replacements, each of which must still match the block. */
  rewrite?: Array<{ from: string; to: string }>;
  before?: string;
  after?: string;
  /** Undoes process-wide switches (disable_v2_behavior) even when the run failed. */
  teardown?: string;
  /** The block is meant to fail as written (it shows legacy code); the error must match. */
  fails?: RegExp;
  /** Legacy code on purpose: TF1 APIs log their deprecation, which is expected here. */
  legacy?: boolean;
}

const PAGE_BLOCKS: Record<string, PageBlockRun[]> = {
  // TF1 code shown for recognition; the page says it does not run on TensorFlow 2.x. Check that claim, then run
  // the same program through tf.compat.v1. tf.compat.v1.layers needs the Keras 2 package (tf_keras), which TF 2.16+
  // no longer bundles, so the one layer becomes the variables it creates.
  'history#1': [
    { id: 'history.md block 1 as written fails on TensorFlow 2', framework: 'tensorflow', fails: /AttributeError: module 'tensorflow' has no attribute 'placeholder'/ },
    {
      id: 'history.md block 1 runs under tf.compat.v1',
      framework: 'tensorflow',
      legacy: true,
      rewrite: [
        { from: 'import tensorflow as tf\n', to: 'import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n' },
        {
          from: 'logits = tf.layers.dense(x, units=10)',
          to: 'logits = tf.matmul(x, tf.get_variable("kernel", [784, 10])) + tf.get_variable("bias", [10], initializer=tf.zeros_initializer())',
        },
      ],
      before: py(
        'import numpy as _fg_np',
        'images = _fg_np.random.rand(8, 784).astype("float32")',
        'targets = _fg_np.random.randint(0, 10, size=(8,))',
      ),
      after: 'assert sess._closed',
      teardown: py('import tensorflow.compat.v1 as _fg_v1', '_fg_v1.enable_v2_behavior()'),
    },
  ],
};

interface ExampleRun {
  id: string;
  framework: Framework;
  source: string;
  output?: RegExp;
  fails?: RegExp;
  teardown?: string;
  legacy?: boolean;
}

function examplePairs(): ExamplePair[] {
  return renderContent(new Map([['examples', fs.readFileSync(path.join(CONTENT_DIR, 'examples.md'), 'utf8')]])).examples;
}

/** Python fences of every page except examples.md, keyed `page#n`. */
function pageBlocks(): Map<string, string> {
  const md = new MarkdownIt();
  const blocks = new Map<string, string>();
  for (const file of fs.readdirSync(CONTENT_DIR).filter((f) => f.endsWith('.md') && f !== 'examples.md').sort()) {
    const page = file.replace(/\.md$/, '');
    const fences = md.parse(fs.readFileSync(path.join(CONTENT_DIR, file), 'utf8'), {}).filter((t) => t.type === 'fence' && t.info.trim() === 'python');
    fences.forEach((t, i) => blocks.set(`${page}#${i + 1}`, t.content));
  }
  return blocks;
}

function applyRewrites(id: string, code: string, rewrites: Array<{ from: string; to: string }> = []): string {
  let out = code;
  for (const { from, to } of rewrites) {
    if (!out.includes(from)) throw new Error(`${id}: the rewrite of "${from}" no longer matches the block; update the harness`);
    out = out.split(from).join(to);
  }
  return out;
}

const SEED: Record<Framework, string> = {
  tensorflow: 'import keras as _fg_keras\n_fg_keras.utils.set_random_seed(0)',
  pytorch: 'import torch as _fg_torch\n_fg_torch.manual_seed(0)',
};

const TEARDOWN: Record<Framework, string> = {
  tensorflow: 'import keras as _fg_keras\n_fg_keras.backend.clear_session()',
  pytorch: '',
};

suite('real: panel examples run in TensorFlow/Keras and PyTorch', function () {
  this.timeout(900_000);
  const python = realPython();
  const torchvision = canImport(python, 'torchvision');
  const pairs = examplePairs();
  const blocks = pageBlocks();
  const runs: ExampleRun[] = [];
  for (const pair of pairs) {
    for (const framework of ['tensorflow', 'pytorch'] as const) {
      const harness = EXAMPLE_HARNESS[pair.title]?.[framework] ?? {};
      let before = harness.before ?? '';
      let id = `examples.md "${pair.title}" (${framework})`;
      if (framework === 'pytorch' && /\btorchvision\b/.test(pair.pytorch) && !torchvision.ok) {
        before = STUB_TORCHVISION;
        id += `, torchvision stubbed: it does not import here (${torchvision.detail})`;
      }
      runs.push({ id, framework, source: [SEED[framework], before, pair[framework], harness.after ?? ''].join('\n'), output: harness.output });
    }
  }
  for (const [key, code] of blocks) {
    for (const block of PAGE_BLOCKS[key] ?? []) {
      const source = [SEED[block.framework], block.before ?? '', applyRewrites(block.id, code, block.rewrite), block.after ?? ''].join('\n');
      runs.push({ id: block.id, framework: block.framework, source, fails: block.fails, teardown: block.teardown, legacy: block.legacy });
    }
  }
  const outcomes = new Map<Framework, BatchOutcome>();

  suiteSetup(async () => {
    const batch = (framework: Framework): PythonJob[] =>
      runs
        .filter((r) => r.framework === framework)
        .map((r) => ({ id: r.id, source: r.source, teardown: [TEARDOWN[framework], r.teardown ?? ''].join('\n'), timeout: 300 }));
    const [tf, torch] = await Promise.all([runJobs(python, batch('tensorflow'), 840_000), runJobs(python, batch('pytorch'), 840_000)]);
    outcomes.set('tensorflow', tf);
    outcomes.set('pytorch', torch);
  });

  test('examples.md has pairs, each with a harness entry, and every python block on other pages is run', () => {
    assert.ok(pairs.length >= 4, `${pairs.length} example pairs`);
    for (const pair of pairs) assert.ok(EXAMPLE_HARNESS[pair.title], `examples.md "${pair.title}": add a harness entry`);
    for (const title of Object.keys(EXAMPLE_HARNESS)) assert.ok(pairs.some((p) => p.title === title), `harness for unknown example "${title}"`);
    const exampleFences = new MarkdownIt().parse(fs.readFileSync(path.join(CONTENT_DIR, 'examples.md'), 'utf8'), {}).filter((t) => t.type === 'fence' && t.info.trim() === 'python');
    assert.strictEqual(exampleFences.length, 2 * pairs.length, 'examples.md has python blocks outside the pairs, which would not run');
    for (const key of blocks.keys()) assert.ok(PAGE_BLOCKS[key], `${key}: a python block with no run; add it to PAGE_BLOCKS`);
    for (const key of Object.keys(PAGE_BLOCKS)) assert.ok(blocks.has(key), `PAGE_BLOCKS names ${key}, which is no longer a python block`);
  });

  for (const run of runs) {
    test(run.id, () => {
      const outcome = outcomes.get(run.framework) as BatchOutcome;
      const result = outcome.results.get(run.id);
      assert.ok(result, describeFailure(outcome, run.id));
      if (run.fails) {
        assert.ok(!result.ok, `${run.id}: expected to fail, but it ran`);
        assert.match(result.error ?? '', run.fails);
        return;
      }
      assert.ok(result.ok, describeFailure(outcome, run.id));
      if (run.output) assert.match(result.output, run.output, `${run.id}: unexpected output`);
      if (!run.legacy) assert.deepStrictEqual(deprecationNotices(result), [], `${run.id} uses an API the framework reports as deprecated`);
    });
  }
});
