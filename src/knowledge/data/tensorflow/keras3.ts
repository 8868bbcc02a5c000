/** Keras 3 specifics: the multi-backend package, keras.ops, backend configuration and the tf_keras fallback. */
import { defineGroup, docsUrl } from '../../define';

const KERAS_API = 'https://github.com/keras-team/keras/tree/master/keras/api';
const S1 = 'https://github.com/tensorflow/tensorflow/releases/tag/v2.16.1';
const S10 = 'https://pypi.org/project/keras/3.0.0';
const defaults = { framework: 'keras' as const, module: 'keras', verified: 'Keras 3.16 (keras-team/keras keras/api, snapshot of 2026-08-21), read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', sources: [KERAS_API], docs: (n: string) => docsUrl.tf(n.replace(/^keras\./, 'tensorflow.keras.')) };

export default [
  ...defineGroup({ ...defaults, module: '' }, {
    keras: { kind: 'module', summary: 'Keras 3: a multi-backend deep-learning API that runs the same model code on TensorFlow, JAX or PyTorch; tf.keras points to it since TensorFlow 2.16.', docs: 'https://keras.io/api/', sources: [KERAS_API, S1, S10], section: 'changes-since-2023' },
  }),
  ...defineGroup(defaults, {
    ops: { kind: 'module', summary: 'Backend-neutral tensor ops (NumPy-style plus nn, linalg, image) that work on every Keras backend; use them in custom layers instead of tf.* calls.', docs: 'https://keras.io/api/ops', tags: ['custom-layer'], section: 'changes-since-2023', equivalents: [{ name: 'torch.nn.functional', note: 'Only keras.ops code stays portable across backends.' }] },
    'ops.matmul': { kind: 'function', summary: 'Backend-neutral matrix product.', docs: 'https://keras.io/api/ops', tags: ['tensors'], equivalents: [{ name: 'torch.matmul' }] },
    'ops.convert_to_tensor': { kind: 'function', summary: 'Converts arrays to a tensor of the active backend.', docs: 'https://keras.io/api/ops', tags: ['tensors'], equivalents: [{ name: 'torch.as_tensor' }] },
    'ops.convert_to_numpy': { kind: 'function', summary: 'Converts a backend tensor to a NumPy array.', docs: 'https://keras.io/api/ops', tags: ['tensors'] },
    config: { kind: 'module', summary: 'Global Keras settings: backend(), floatx, image data format, dtype policy.', docs: 'https://keras.io/api/', section: 'changes-since-2023' },
    'config.backend': { kind: 'function', summary: 'Returns the active backend name ("tensorflow", "jax", "torch"...); set it with the KERAS_BACKEND environment variable before import.', docs: 'https://keras.io/api/' },
    'config.image_data_format': { kind: 'function', summary: 'Returns "channels_last" (default) or "channels_first", the layout conv layers assume.', docs: 'https://keras.io/api/' },
    'config.set_dtype_policy': { kind: 'function', summary: 'Sets the global dtype policy, e.g. "mixed_bfloat16".', docs: 'https://keras.io/api/', tags: ['mixed-precision'] },
    backend: { kind: 'module', summary: 'In Keras 3 a small module (backend(), clear_session, floatx...); the Keras 2 tensor functions (K.dot, K.mean...) are gone, use keras.ops.', section: 'changes-since-2023', replacement: { name: 'keras.ops', note: 'Most K.* tensor helpers have keras.ops counterparts with NumPy-style names.' } },
    'backend.clear_session': { kind: 'function', summary: 'Resets Keras global state such as generated layer names and, on TF, the graph.' },
    'backend.image_data_format': { kind: 'function', summary: 'Same as keras.config.image_data_format.' },
    Variable: { kind: 'class', summary: 'Backend-neutral variable used by Keras layers (wraps a tf.Variable, JAX array or torch Parameter).', docs: 'https://keras.io/api/', tags: ['custom-layer'], equivalents: [{ name: 'torch.nn.Parameter' }] },
    random: { kind: 'module', summary: 'Backend-neutral random ops with SeedGenerator for reproducible stateless randomness.', docs: 'https://keras.io/api/' },
    'random.SeedGenerator': { kind: 'class', summary: 'Holds seed state for keras.random calls inside layers.', docs: 'https://keras.io/api/' },
    distribution: { kind: 'module', summary: 'Keras 3 multi-device distribution API (DeviceMesh, DataParallel, ModelParallel); check keras.io for the backends it supports.', docs: 'https://keras.io/api/', tags: ['distributed'] },
    'distribution.DataParallel': { kind: 'class', summary: 'Data-parallel distribution of a Keras model over a device mesh.', docs: 'https://keras.io/api/', tags: ['distributed'] },
    export: { kind: 'module', summary: 'Export helpers; ExportArchive builds a TF SavedModel for serving from a Keras model.', docs: 'https://keras.io/api/', tags: ['export'] },
    'export.ExportArchive': { kind: 'class', summary: 'Assembles endpoints and variables into a SavedModel; model.export() is the shortcut.', docs: 'https://keras.io/api/', tags: ['export'], equivalents: [{ name: 'torch.export.export' }] },
    legacy: { kind: 'module', summary: 'Leftovers kept for Keras 2 compatibility (legacy saving).', docs: 'https://keras.io/api/' },
    'optimizers.legacy': {
      kind: 'module',
      summary: 'Keras 2 names of the legacy optimizers (Adam, SGD, RMSprop...); Keras 3 exports them only as one stub class whose construction raises ImportError.',
      docs: 'https://keras.io/api/optimizers/',
      status: {
        state: 'removed',
        since: '3.0',
        date: '2023-11',
        note: 'keras.optimizers.legacy.Adam() and the other names raise ImportError in Keras 3.15 ("keras.optimizers.legacy is not supported in Keras 3"); only the tf_keras package (Keras 2) has these optimizers.',
      },
      verified: 'Keras 3.15.1 installed: each keras.optimizers.legacy name is the stub class LegacyOptimizerWarning, whose __init__ raises ImportError (scripts/truth/dump_api.py records it), 2026-12-08',
      sources: ['https://github.com/keras-team/keras/blob/master/keras/src/optimizers/__init__.py', 'https://keras.io/guides/migrating_to_keras_3/'],
      replacement: { name: 'keras.optimizers', note: 'Use the Keras 3 optimizers of keras.optimizers (keras.optimizers.Adam...): same names, new implementations; their arguments differ from Keras 2 (Keras 3.15 ignores decay= with a warning, for one).' },
    },
    'layers.TorchModuleWrapper': { kind: 'class', summary: 'Wraps a torch.nn.Module as a Keras layer when running on the PyTorch backend.', docs: 'https://keras.io/api/', tags: ['custom-layer'], equivalents: [{ name: 'torch.nn.Module' }] },
  }),
];
