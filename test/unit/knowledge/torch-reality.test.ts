// Resolves every PyTorch entry that existed by torch 1.13 against a real torch install, so no API name is invented.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import pytorch from '../../../src/knowledge/data/pytorch';

const PYTHON = '/usr/bin/python3';

/** Entries newer than torch 1.13, with the release that introduced them (checked against docs, blogs and PRs). */
const NEWER_THAN_113: Record<string, string> = {
  'torch.compile': '2.0',
  'torch.vmap': '2.0',
  'torch.func': '2.0',
  'torch.func.vmap': '2.0',
  'torch.func.grad': '2.0',
  'torch.func.functional_call': '2.0',
  'torch.nn.functional.scaled_dot_product_attention': '2.0',
  'torch.optim.lr_scheduler.LRScheduler': '2.0',
  'torch.export': '2.1',
  'torch.export.export': '2.1',
  'torch.export.ExportedProgram': '2.1',
  'torch.export.save': '2.1',
  'torch.export.load': '2.1',
  'torch.amp.GradScaler': '2.3',
  'torch.amp.custom_fwd': '2.4',
  'torch.amp.custom_bwd': '2.4',
  'torch.nn.RMSNorm': '2.4',
  'torch.distributed.fsdp.fully_shard': '2.6',
};

/**
 * Entries that exist in torch 1.13 but cannot be imported from the plain Debian install: the FSDP package fails at
 * import time on Python 3.11 (a dataclass mutable-default error inside torch.distributed._shard), and
 * torch.utils.tensorboard needs the optional tensorboard package.
 */
const UNIMPORTABLE_ON_DEBIAN: Record<string, string> = {
  'torch.distributed.fsdp': 'FSDP import fails on Debian torch 1.13 + Python 3.11',
  'torch.distributed.fsdp.FullyShardedDataParallel': 'FSDP import fails on Debian torch 1.13 + Python 3.11',
  'torch.utils.tensorboard': 'needs the separate tensorboard package, not installed with python3-torch',
  'torch.utils.tensorboard.SummaryWriter': 'needs the separate tensorboard package, not installed with python3-torch',
};

/** Names resolved by the script: `module` is imported, then `attrs` are looked up one by one. */
const SCRIPT = `
import importlib, json, sys
names = json.load(sys.stdin)
missing = []
def resolve(name):
    parts = name.split('.')
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module('.'.join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return
    raise ImportError(name)
for n in names:
    try:
        resolve(n)
    except Exception as e:
        missing.append(f"{n}: {type(e).__name__}: {e}")
import torch
print(json.dumps({"version": torch.__version__, "missing": missing}))
`;

suite('pytorch entries resolve in real torch (<= 1.13)', () => {
  test('every pre-2.0 torch name imports in /usr/bin/python3', function () {
    this.timeout(120_000);
    const names = pytorch
      .map((e) => e.name)
      .filter((n) => n === 'torch' || n.startsWith('torch.'))
      .filter((n) => !(n in NEWER_THAN_113) && !(n in UNIMPORTABLE_ON_DEBIAN));
    const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(names), encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      assert.fail(`Could not run torch in ${PYTHON} (install python3-torch, Debian torch 1.13): ${run.error?.message ?? run.stderr}`);
    }
    const result = JSON.parse(run.stdout) as { version: string; missing: string[] };
    assert.ok(result.version.startsWith('1.13'), `expected torch 1.13 in ${PYTHON}, found ${result.version}`);
    assert.deepStrictEqual(result.missing, [], `names not found in torch ${result.version}`);
  });

  test('the newer-than-1.13 list only names real entries, and those are really absent from 1.13', function () {
    this.timeout(120_000);
    const known = new Set(pytorch.map((e) => e.name));
    assert.deepStrictEqual(Object.keys(NEWER_THAN_113).filter((n) => !known.has(n)), []);
    const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(Object.keys(NEWER_THAN_113)), encoding: 'utf8' });
    if (run.error || run.status !== 0) assert.fail(`Could not run torch in ${PYTHON}: ${run.error?.message ?? run.stderr}`);
    const result = JSON.parse(run.stdout) as { missing: string[] };
    const absent = new Set(result.missing.map((m) => m.split(':')[0]));
    assert.deepStrictEqual(Object.keys(NEWER_THAN_113).filter((n) => !absent.has(n)), [], 'listed as newer than 1.13 but present in 1.13');
  });
});
