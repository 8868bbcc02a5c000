/** Saving, checkpointing and export: SavedModel, tf.train.Checkpoint and tf.lite (LiteRT). */
import { defineGroup, docsUrl } from '../../define';

const GOLDEN = 'https://github.com/tensorflow/tensorflow/tree/master/tensorflow/tools/api/golden/v2';
const S7 = 'https://ai.google.dev/edge/litert/migration';
const base = { framework: 'tensorflow' as const, verified: 'TensorFlow API golden files and release notes, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', docs: docsUrl.tf };

/** Checked in the installed TF 2.21: only the Python interpreter warns that it is deprecated; the converter does not. */
const LITE_VERIFIED = 'TensorFlow 2.21.0 installed (test/fixtures/truth; tensorflow/lite/python/interpreter.py and lite.py), 2026-11-27';
const LITE_SOURCE = 'https://github.com/tensorflow/tensorflow/blob/v2.21.0/tensorflow/lite/python/interpreter.py';

export default [
  ...defineGroup({ ...base, module: 'tensorflow.saved_model', sources: [`${GOLDEN}/tensorflow.saved_model.pbtxt`] }, {
    save: { kind: 'function', summary: 'Exports a trackable object (tf.Module, Keras model) with its tf.function signatures as a SavedModel directory for TF Serving, LiteRT or TF.js.', tags: ['export'], section: 'deployment', sources: ['https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/compatibility/renames_v2.py'], equivalents: [{ name: 'torch.export.export', note: 'torch.export captures one forward graph (an ExportedProgram); saving is torch.export.save.' }] },
    load: { kind: 'function', summary: 'Loads a SavedModel as a trackable object with callable signatures; it is not a Keras model (no fit).', tags: ['export', 'inference'], sources: ['https://www.tensorflow.org/api_docs/python/tf/saved_model/load'], equivalents: [{ name: 'torch.export.load' }] },
    SaveOptions: { kind: 'class', summary: 'Options for tf.saved_model.save (device placement, namespace whitelist...).', tags: ['export'], sources: [`${GOLDEN}/tensorflow.saved_model.-save-options.pbtxt`] },
    SERVING: { kind: 'constant', summary: 'The "serve" tag that marks the serving graph of a SavedModel (TF1 saved_model.tag_constants.SERVING).', tags: ['export'] },
    DEFAULT_SERVING_SIGNATURE_DEF_KEY: { kind: 'constant', summary: 'The "serving_default" signature name used by TF Serving.', tags: ['export'] },
  }),
  ...defineGroup({ ...base, module: '', sources: [`${GOLDEN}/tensorflow.pbtxt`] }, {
    'tensorflow.saved_model': { kind: 'module', summary: 'The SavedModel format: language-neutral export of graphs, weights and signatures for serving.', tags: ['export'], section: 'deployment' },
    'tensorflow.train': { kind: 'module', summary: 'In TF2: object-based checkpoints (Checkpoint, CheckpointManager) and tf.train.Example protos; TF1 optimizers and sessions moved to tf.compat.v1.train.', tags: ['checkpoints'] },
    'tensorflow.lite': { kind: 'module', summary: 'TensorFlow Lite: TFLiteConverter turns SavedModels and Keras models into .tflite files; its Python Interpreter is deprecated in favour of the LiteRT interpreter (ai_edge_litert), while the converter stays in TensorFlow.', verified: LITE_VERIFIED, tags: ['export'], section: 'deployment', sources: [`${GOLDEN}/tensorflow.lite.pbtxt`, LITE_SOURCE, S7], equivalents: [{ name: 'torch.export.export', note: 'PyTorch on-device deployment goes through torch.export and ExecuTorch.' }] },
  }),
  ...defineGroup({ ...base, module: 'tensorflow.train', sources: [`${GOLDEN}/tensorflow.train.pbtxt`] }, {
    Checkpoint: { kind: 'class', summary: 'Object-based checkpoint of variables reachable from the objects you pass (model, optimizer, step); save() and restore().', tags: ['checkpoints'], equivalents: [{ name: 'torch.save', note: 'PyTorch saves a dict of state_dicts (model, optimizer) with torch.save and restores with load_state_dict.' }] },
    CheckpointManager: { kind: 'class', summary: 'Keeps the last N checkpoints of a tf.train.Checkpoint and finds the latest.', tags: ['checkpoints'] },
    CheckpointOptions: { kind: 'class', summary: 'Options for checkpoint saving and restoring.', tags: ['checkpoints'] },
    latest_checkpoint: { kind: 'function', summary: 'Returns the path prefix of the newest checkpoint in a directory.', tags: ['checkpoints'] },
    list_variables: { kind: 'function', summary: 'Lists variable names and shapes stored in a checkpoint.', tags: ['checkpoints'] },
    load_checkpoint: { kind: 'function', summary: 'Opens a checkpoint for reading individual tensors.', tags: ['checkpoints'] },
    Example: { kind: 'class', summary: 'The tf.train.Example protocol buffer: a map of named features, the usual record type in TFRecord files.', tags: ['data-pipeline'] },
    Features: { kind: 'class', summary: 'Protocol buffer holding the features of an Example.', tags: ['data-pipeline'] },
    Feature: { kind: 'class', summary: 'Protocol buffer for one feature (bytes, float or int64 list).', tags: ['data-pipeline'] },
    ExponentialMovingAverage: { kind: 'class', summary: 'Maintains moving averages of variables, e.g. for evaluation weights.', equivalents: [{ name: 'torch.optim.swa_utils.AveragedModel' }] },
  }),
  ...defineGroup({ ...base, module: 'tensorflow.lite', verified: LITE_VERIFIED, sources: [`${GOLDEN}/tensorflow.lite.pbtxt`, LITE_SOURCE, S7] }, {
    TFLiteConverter: { kind: 'class', summary: 'Converts SavedModels, Keras models or concrete functions to .tflite flatbuffers; still part of TensorFlow 2.21, with no deprecation marker in its source.', tags: ['export'] },
    Interpreter: { kind: 'class', summary: 'Runs .tflite models in Python. In TF 2.21 its constructor warns that it is deprecated and points to the LiteRT interpreter of the ai_edge_litert package.', tags: ['inference'], status: { state: 'deprecated', since: '2.19', date: '2025-03', note: 'Deprecated in favour of the LiteRT interpreter (TF 2.19 release notes); the TF 2.21 warning still names TF 2.20 for its deletion, but 2.21 ships it.' }, replacement: { name: 'ai_edge_litert.interpreter.Interpreter', external: true, note: 'pip install ai-edge-litert; its interpreter module is the same Python interpreter, moved out of TensorFlow.' } },
    Optimize: { kind: 'class', summary: 'Converter optimisation flags (e.g. DEFAULT for post-training quantisation).', tags: ['export'] },
    OpsSet: { kind: 'class', summary: 'Which op sets the converter may use (builtins, select TF ops, int8).', tags: ['export'] },
    RepresentativeDataset: { kind: 'class', summary: 'Sample inputs used to calibrate full-integer quantisation.', tags: ['export'] },
  }),
];
