// Runs every snippet of the catalog in its own framework (FG_PYTHON), CPU only, on small random data, for a few steps.
import * as assert from 'assert';
import { SNIPPET_CATALOG } from '../../src/core/snippets/catalog';
import { fillDefaults, formatImport, parseSnippet } from '../../src/core/snippets/expand';
import type { SnippetFramework, SnippetTask, SnippetVariant } from '../../src/core/snippets/types';
import { canImport, deprecationNotices, describeFailure, realPython, runJobs, type BatchOutcome, type PythonJob } from './jobs';

/**
 * What the test adds around a snippet. `before` runs first (patches that keep the run local and on the CPU),
 * `after` runs last (a few training steps for snippets that only build something, and checks of what the
 * snippet's comments claim). `rewrite` replaces text that cannot run here; each must still match the snippet.
 * Harness names start with `_fg_` and harness imports are aliased, so a snippet cannot lean on them.
 */
interface Harness {
  before?: string;
  after?: string;
  rewrite?: Array<{ from: string; to: string; why: string }>;
}

const py = (...lines: string[]): string => lines.join('\n');

/** Shared helpers: train a model for two steps on random data and check that its weights moved. */
const COMMON: Record<SnippetFramework, string> = {
  tensorflow: py(
    'import numpy as _fg_np',
    'import keras as _fg_keras',
    '_fg_keras.utils.set_random_seed(0)',
    'def _fg_train(model, features, classes):',
    '    x = _fg_np.random.rand(32, features).astype("float32")',
    '    y = _fg_np.random.randint(0, classes, size=(32,))',
    '    if not model.compiled:',
    '        model.compile(optimizer="adam", loss=_fg_keras.losses.SparseCategoricalCrossentropy(from_logits=True))',
    '    before = [_fg_keras.ops.convert_to_numpy(w).copy() for w in model.trainable_weights]',
    '    history = model.fit(x, y, batch_size=16, epochs=1, verbose=0)',
    '    assert _fg_np.isfinite(history.history["loss"][-1]), history.history',
    '    after = [_fg_keras.ops.convert_to_numpy(w) for w in model.trainable_weights]',
    '    assert before and any(not _fg_np.allclose(b, a) for b, a in zip(before, after)), "training changed no weight"',
  ),
  pytorch: py(
    'import torch as _fg_torch',
    '_fg_torch.manual_seed(0)',
    'def _fg_train(model, features, classes):',
    '    optimizer = _fg_torch.optim.SGD(model.parameters(), lr=0.1)',
    '    before = [p.detach().clone() for p in model.parameters()]',
    '    model.train()',
    '    for _ in range(2):',
    '        optimizer.zero_grad()',
    '        loss = _fg_torch.nn.functional.cross_entropy(model(_fg_torch.rand(16, features)), _fg_torch.randint(0, classes, (16,)))',
    '        loss.backward()',
    '        optimizer.step()',
    '    assert _fg_torch.isfinite(loss)',
    '    assert any(not _fg_torch.equal(b, p) for b, p in zip(before, model.parameters())), "training changed no weight"',
  ),
};

/** Undoes process-wide state so the next job in the same interpreter starts clean. */
const TEARDOWN: Record<SnippetFramework, string> = {
  tensorflow: py(
    'import keras as _fg_keras',
    '_fg_keras.mixed_precision.set_global_policy("float32")',
    '_fg_keras.backend.clear_session()',
  ),
  pytorch: py(
    'import torch.distributed as _fg_dist',
    'if _fg_dist.is_available() and _fg_dist.is_initialized():',
    '    _fg_dist.destroy_process_group()',
  ),
};

const HARNESS: Record<string, Partial<Record<SnippetFramework, Harness>>> = {
  tensors: {
    tensorflow: { after: 'assert tuple(z.shape) == (4, 16) and a.shape == (4, 16) and tuple(b.shape) == (2, 2)' },
    pytorch: { after: 'assert tuple(z.shape) == (4, 16) and a.shape == (4, 16) and tuple(b.shape) == (2, 2)' },
  },
  'sequential-model': {
    tensorflow: { after: '_fg_train(model, 784, 10)' },
    pytorch: { after: '_fg_train(model, 784, 10)' },
  },
  'subclassed-model': {
    tensorflow: { after: '_fg_train(model, 784, 10)' },
    pytorch: { after: '_fg_train(model, 784, 10)' },
  },
  'custom-layer': {
    tensorflow: { after: '_fg_train(_fg_keras.Sequential([_fg_keras.Input(shape=(16,)), layer]), 16, 32)' },
    pytorch: { after: '_fg_train(layer, 16, 32)' },
  },
  'training-loop': {
    tensorflow: { after: 'assert _fg_np.isfinite(float(loss))' },
    pytorch: { after: 'assert _fg_torch.isfinite(loss)' },
  },
  inference: {
    tensorflow: { after: 'assert predicted.shape == (8,) and tuple(probs.shape) == (8, 10)' },
    pytorch: { after: 'assert predicted.shape == (8,) and model.training' },
  },
  'data-pipeline': {
    tensorflow: { after: 'assert tuple(x.shape) == (32, 20) and tuple(y.shape) == (32,)' },
    pytorch: { after: 'assert tuple(x.shape) == (32, 20) and x.dtype == _fg_torch.float32 and y.dtype == _fg_torch.int64' },
  },
  augmentation: {
    // The comment says the layers pass inputs through at inference: check it.
    tensorflow: {
      after: py(
        'assert tuple(augmented.shape) == images.shape',
        '_fg_np.testing.assert_array_equal(_fg_keras.ops.convert_to_numpy(augment(images, training=False)), images)',
      ),
    },
    // "On a batch tensor one random draw applies to every image": a flip is all-or-nothing across the batch.
    pytorch: {
      after: py(
        'assert augmented.shape == images.shape and augmented.dtype == _fg_torch.float32 and float(augmented.max()) <= 1.0',
        '_fg_flip = v2.RandomHorizontalFlip(p=0.5)',
        'for _ in range(8):',
        '    _fg_flipped = [_fg_torch.equal(a, b.flip(-1)) for a, b in zip(_fg_flip(images), images)]',
        '    assert len(set(_fg_flipped)) == 1, _fg_flipped',
      ),
    },
  },
  'loss-metrics': {
    tensorflow: { after: 'assert _fg_np.isfinite(float(loss)) and float(accuracy.result()) == 0.0' },
    pytorch: { after: 'assert 0.0 <= correct / total <= 1.0' },
  },
  'lr-schedule': {
    // "nothing to call in the loop": after three steps the optimizer reports the schedule's value at step 3.
    tensorflow: {
      after: py(
        '_fg_v = _fg_keras.Variable(1.0)',
        'for _ in range(3):',
        '    optimizer.apply_gradients([(_fg_keras.ops.ones(()), _fg_v)])',
        'assert abs(float(optimizer.learning_rate) - float(schedule(3))) < 1e-9, (float(optimizer.learning_rate), float(schedule(3)))',
        'assert float(schedule(3)) < 1e-3',
      ),
    },
    pytorch: { after: 'assert scheduler.get_last_lr()[0] < 1e-9, scheduler.get_last_lr()' },
  },
  checkpoints: {
    tensorflow: {
      after: py(
        'for _fg_a, _fg_b in zip(model.get_weights(), restored.get_weights()):',
        '    _fg_np.testing.assert_array_equal(_fg_a, _fg_b)',
        'assert manager.latest_checkpoint',
        // "Keras 3 requires the .weights.h5 suffix"
        'try:',
        '    model.save_weights("model.h5")',
        '    raise AssertionError("save_weights accepted a name without .weights.h5")',
        'except ValueError:',
        '    pass',
      ),
    },
    pytorch: { after: 'assert set(checkpoint) == {"model", "optimizer"} and all(_fg_torch.equal(v, model.state_dict()[k]) for k, v in checkpoint["model"].items())' },
  },
  'mixed-precision': {
    // The comments claim float16 compute with float32 variables, float32 outputs and a loss-scale optimizer.
    tensorflow: {
      after: py(
        'assert model.layers[0].compute_dtype == "float16" and model.layers[0].variable_dtype == "float32"',
        'assert model.layers[-1].compute_dtype == "float32"',
        'assert isinstance(model.optimizer, _fg_keras.optimizers.LossScaleOptimizer), type(model.optimizer)',
        '_fg_train(model, 784, 10)',
      ),
    },
    pytorch: {
      rewrite: [{ from: 'device = "cuda"', to: 'device = "cpu"', why: 'no CUDA GPU here: the same float16 autocast and GradScaler run on the CPU' }],
      after: py(
        'with torch.autocast(device_type=device, dtype=torch.float16):',
        '    assert model(x).dtype == torch.float16',
        'assert all(p.dtype == torch.float32 for p in model.parameters())',
      ),
    },
  },
  distributed: {
    tensorflow: { after: 'assert strategy.num_replicas_in_sync >= 1' },
    // A one-process gloo group stands in for torchrun + NCCL; `.cuda()` and the device ids become CPU no-ops.
    pytorch: {
      before: py(
        'import os as _fg_os, socket as _fg_socket, unittest.mock as _fg_mock',
        'import torch.distributed as _fg_dist, torch.nn.parallel as _fg_parallel',
        'with _fg_socket.socket() as _fg_s:',
        '    _fg_s.bind(("127.0.0.1", 0))',
        '    _fg_port = str(_fg_s.getsockname()[1])',
        '_fg_mock.patch.dict(_fg_os.environ, {"RANK": "0", "LOCAL_RANK": "0", "WORLD_SIZE": "1", "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": _fg_port}).start()',
        '_fg_init, _fg_ddp = _fg_dist.init_process_group, _fg_parallel.DistributedDataParallel',
        '_fg_mock.patch.object(_fg_dist, "init_process_group", lambda backend=None, **kw: _fg_init(backend="gloo", **kw)).start()',
        '_fg_mock.patch.object(_fg_torch.cuda, "set_device", lambda device: None).start()',
        '_fg_mock.patch.object(_fg_torch.Tensor, "cuda", lambda self, *a, **k: self).start()',
        '_fg_mock.patch.object(_fg_torch.nn.Module, "cuda", lambda self, *a, **k: self).start()',
        '_fg_mock.patch.object(_fg_parallel, "DistributedDataParallel", lambda module, device_ids=None, **kw: _fg_ddp(module, **kw)).start()',
      ),
      after: 'assert not dist.is_initialized() and isinstance(model, _fg_ddp)',
    },
  },
  export: {
    tensorflow: { after: 'assert tuple(outputs.shape) == (1, 10)' },
    pytorch: { after: 'assert tuple(outputs.shape) == (1, 10)' },
  },
  'transfer-learning': {
    // Same architecture without the ImageNet download; the frozen base leaves two trainable weights (the head).
    tensorflow: {
      before: py(
        'import unittest.mock as _fg_mock',
        '_fg_resnet50 = _fg_keras.applications.ResNet50',
        '_fg_mock.patch.object(_fg_keras.applications, "ResNet50", lambda *a, **k: _fg_resnet50(*a, **{**k, "weights": None})).start()',
      ),
      after: py(
        'assert len(model.trainable_weights) == 2',
        '_fg_x = _fg_np.random.rand(2, 224, 224, 3).astype("float32") * 255',
        'model.fit(_fg_x, _fg_np.array([0, 1]), epochs=1, verbose=0)',
        // The fine-tuning comment: unfrozen, training=True reaches batch norm despite training=False, and freezing
        // the BatchNormalization layers keeps their moving statistics.
        '_fg_bn = next(l for l in base.layers if isinstance(l, _fg_keras.layers.BatchNormalization))',
        '_fg_mean = lambda: _fg_keras.ops.convert_to_numpy(_fg_bn.moving_mean).copy()',
        'base.trainable = True',
        '_fg_before = _fg_mean()',
        'model(_fg_x, training=True)',
        'assert not _fg_np.array_equal(_fg_mean(), _fg_before), "training=True did not reach batch norm"',
        'for _fg_layer in base.layers:',
        '    if isinstance(_fg_layer, _fg_keras.layers.BatchNormalization):',
        '        _fg_layer.trainable = False',
        '_fg_before = _fg_mean()',
        'model.compile(optimizer=_fg_keras.optimizers.Adam(1e-5), loss=_fg_keras.losses.SparseCategoricalCrossentropy(from_logits=True))',
        'model.fit(_fg_x, _fg_np.array([0, 1]), epochs=1, verbose=0)',
        '_fg_np.testing.assert_array_equal(_fg_mean(), _fg_before)',
        'assert len(model.trainable_weights) > 2',
      ),
    },
    pytorch: {
      before: py(
        'import unittest.mock as _fg_mock, torchvision.models as _fg_models',
        '_fg_resnet18 = _fg_models.resnet18',
        '_fg_mock.patch.object(_fg_models, "resnet18", lambda *a, **k: _fg_resnet18(*a, **{**k, "weights": None})).start()',
      ),
      after: py(
        '_fg_x = preprocess(_fg_torch.randint(0, 256, (2, 3, 64, 64), dtype=_fg_torch.uint8))',
        'optimizer.zero_grad()',
        'model(_fg_x).sum().backward()',
        'optimizer.step()',
        'assert all(p.grad is None for n, p in model.named_parameters() if not n.startswith("fc."))',
        // "requires_grad=False does not stop batch norm updating its running statistics in train mode"
        '_fg_before = model.bn1.running_mean.clone()',
        'model.train()',
        'model(_fg_x)',
        'assert not _fg_torch.equal(model.bn1.running_mean, _fg_before)',
      ),
    },
  },
  'mnist-mlp': {
    tensorflow: { after: 'assert model.optimizer.iterations.numpy() > 0' },
    pytorch: { after: 'assert _fg_torch.isfinite(loss)' },
  },
};

/** Packages the interpreter may lack; a variant importing one is reported as not run only when the import fails here. */
const OPTIONAL_PACKAGES = ['torchvision'];

interface SnippetRun {
  task: SnippetTask;
  variant: SnippetVariant;
  /** Job id and test title: `training-loop (tensorflow)`, `training-loop (tensorflow) [SGD]`. */
  id: string;
  body: string;
}

/** Every variant with its default choices, plus one run per further option of each choice (`${7|Adam,AdamW,SGD|}`). */
function snippetRuns(): SnippetRun[] {
  const runs: SnippetRun[] = [];
  for (const task of SNIPPET_CATALOG) {
    for (const variant of [task.tensorflow, task.pytorch]) {
      const id = `${task.id} (${variant.framework})`;
      runs.push({ task, variant, id, body: fillDefaults(variant.body) });
      for (const node of parseSnippet(variant.body)) {
        if (node.kind !== 'choice') continue;
        for (const option of node.options.slice(1)) {
          const body = fillDefaults(variant.body.slice(0, node.from) + option + variant.body.slice(node.to));
          runs.push({ task, variant, id: `${id} [${option}]`, body });
        }
      }
    }
  }
  return runs;
}

function optionalPackageOf(variant: SnippetVariant): string | undefined {
  return OPTIONAL_PACKAGES.find((p) => variant.imports.some((s) => s.module === p || s.module.startsWith(`${p}.`)));
}

/** The Python program for one run: harness helpers, patches, the snippet as a user gets it, then the checks. */
function jobSource(run: SnippetRun): string {
  const harness = HARNESS[run.task.id]?.[run.variant.framework] ?? {};
  let body = run.body;
  for (const { from, to } of harness.rewrite ?? []) {
    if (!body.includes(from)) throw new Error(`${run.id}: the harness rewrite "${from}" no longer matches the snippet; update HARNESS`);
    body = body.split(from).join(to);
  }
  const imports = run.variant.imports.map((s) => formatImport(s)).join('\n');
  return [COMMON[run.variant.framework], harness.before ?? '', imports, '', body, harness.after ?? '', ''].join('\n');
}

suite('real: snippet catalog runs in TensorFlow/Keras and PyTorch', function () {
  this.timeout(900_000);
  const python = realPython();
  const runs = snippetRuns();
  // Probed while the tests are defined, so a variant that cannot run gets a title that says why.
  const missing = new Map<string, string>();
  for (const pkg of OPTIONAL_PACKAGES) {
    const probe = canImport(python, pkg);
    if (!probe.ok) missing.set(pkg, probe.detail);
  }
  const notRunReason = (run: SnippetRun): string | undefined => {
    const pkg = optionalPackageOf(run.variant);
    return pkg && missing.has(pkg) ? `${pkg} does not import in FG_PYTHON (${missing.get(pkg)})` : undefined;
  };
  const outcomes = new Map<SnippetFramework, BatchOutcome>();

  suiteSetup(async () => {
    const batch = (framework: SnippetFramework): PythonJob[] =>
      runs
        .filter((r) => r.variant.framework === framework && !notRunReason(r))
        .map((r) => ({ id: r.id, source: jobSource(r), teardown: TEARDOWN[framework], timeout: 240 }));
    // Two interpreters side by side: each pays its framework import once.
    const [tf, torch] = await Promise.all([runJobs(python, batch('tensorflow'), 840_000), runJobs(python, batch('pytorch'), 840_000)]);
    outcomes.set('tensorflow', tf);
    outcomes.set('pytorch', torch);
  });

  test('every task has a harness entry for both frameworks, and every harness entry names a task', () => {
    const ids = new Set(SNIPPET_CATALOG.map((t) => t.id));
    for (const id of Object.keys(HARNESS)) assert.ok(ids.has(id), `HARNESS names unknown task ${id}`);
    for (const task of SNIPPET_CATALOG) {
      for (const framework of ['tensorflow', 'pytorch'] as const) {
        assert.ok(HARNESS[task.id]?.[framework]?.after, `${task.id} (${framework}): add checks that run after the snippet`);
      }
    }
  });

  test('variants not run here are at most two, and each declares the missing package in `requires`', () => {
    const notRun = runs.filter((r) => notRunReason(r));
    assert.ok(notRun.length <= 2, `too many variants not run: ${notRun.map((r) => r.id).join(', ')}`);
    for (const r of notRun) {
      const pkg = optionalPackageOf(r.variant) as string;
      assert.ok(r.variant.requires?.includes(pkg), `${r.id}: requires should name ${pkg}`);
    }
  });

  for (const run of runs) {
    const reason = notRunReason(run);
    if (reason) {
      test(`${run.id}: not run, ${reason}`, () => {
        const pkg = optionalPackageOf(run.variant) as string;
        assert.strictEqual(canImport(python, pkg).ok, false, `${pkg} imports now, so ${run.id} must run`);
      });
      continue;
    }
    test(run.id, () => {
      const outcome = outcomes.get(run.variant.framework) as BatchOutcome;
      const result = outcome.results.get(run.id);
      assert.ok(result?.ok, describeFailure(outcome, run.id));
      assert.deepStrictEqual(deprecationNotices(result), [], `${run.id} uses an API the framework reports as deprecated`);
    });
  }
});
