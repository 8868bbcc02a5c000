/**
 * Modules that old tutorials import and the installed releases do not have (checked against the API dumps in
 * test/fixtures/truth), with the API that serves the same purpose today. No version is given: the dumps show the
 * absence in TensorFlow 2.21 / Keras 3.15, not the release that removed them.
 */
import type { KnowledgeEntry } from '../types';

const TF_DUMP = 'TensorFlow 2.21.0 / Keras 3.15.1 API dumps (test/fixtures/truth), 2026-11-27';
const ABSENT = { state: 'removed' as const, note: 'Not in the installed release (API dump).' };

const entries: KnowledgeEntry[] = [
  {
    name: 'tensorflow.examples',
    framework: 'tensorflow',
    kind: 'module',
    summary: 'Tutorial helpers of TensorFlow 1.x (tensorflow.examples.tutorials.mnist); the TensorFlow 2.21 package has no tensorflow.examples.',
    status: ABSENT,
    verified: TF_DUMP,
    docs: 'https://www.tensorflow.org/api_docs/python/tf/keras/datasets/mnist/load_data',
    sources: ['https://www.tensorflow.org/api_docs/python/tf/keras/datasets/mnist/load_data'],
    replacement: {
      name: 'keras.datasets.mnist.load_data',
      note: 'keras.datasets.mnist.load_data() returns ((x_train, y_train), (x_test, y_test)) as uint8 NumPy arrays; scaling, one-hot labels and a validation split are up to you.',
    },
  },
  {
    name: 'keras.utils.np_utils',
    framework: 'keras',
    kind: 'module',
    summary: 'Keras 2 module of NumPy helpers; Keras 3 has no keras.utils.np_utils.',
    status: ABSENT,
    verified: TF_DUMP,
    docs: 'https://keras.io/api/utils/python_utils/',
    sources: ['https://keras.io/guides/migrating_to_keras_3/'],
    replacement: { name: 'keras.utils.to_categorical', note: 'to_categorical and normalize are in keras.utils itself.' },
  },
  {
    name: 'keras.utils.vis_utils',
    framework: 'keras',
    kind: 'module',
    summary: 'Keras 2 module of the model plotting helpers; Keras 3 has no keras.utils.vis_utils.',
    status: ABSENT,
    verified: TF_DUMP,
    docs: 'https://keras.io/api/utils/model_plotting_utils/',
    sources: ['https://keras.io/guides/migrating_to_keras_3/'],
    replacement: { name: 'keras.utils.plot_model', note: 'plot_model and model_to_dot are in keras.utils itself.' },
  },
  {
    name: 'keras.layers.core',
    framework: 'keras',
    kind: 'module',
    summary: 'Keras 2 module that held Dense, Dropout, Activation and other core layers; Keras 3 has no keras.layers.core.',
    status: ABSENT,
    verified: TF_DUMP,
    docs: 'https://keras.io/api/layers/',
    sources: ['https://keras.io/guides/migrating_to_keras_3/'],
    replacement: { name: 'keras.layers', note: 'Import the layers from keras.layers itself: keras.layers.Dense, keras.layers.Dropout.' },
  },
  {
    name: 'keras.backend.image_dim_ordering',
    framework: 'keras',
    kind: 'function',
    summary: "Old Keras backend function that answered 'th' or 'tf'; Keras 3 has no keras.backend.image_dim_ordering.",
    status: ABSENT,
    verified: TF_DUMP,
    docs: 'https://keras.io/api/utils/config_utils/',
    sources: ['https://keras.io/api/utils/config_utils/'],
    replacement: { name: 'keras.backend.image_data_format', note: "It answers 'channels_first' or 'channels_last' instead of 'th' or 'tf': compare with those strings." },
  },
  {
    name: 'keras.backend.set_learning_phase',
    framework: 'keras',
    kind: 'function',
    summary: 'Keras 2 backend function that set a global training flag; Keras 3 has no keras.backend.set_learning_phase.',
    status: { ...ABSENT, note: `${ABSENT.note} Keras 3 layers take the flag per call instead: layer(x, training=True), as in Dropout.call(inputs, training=False).` },
    verified: TF_DUMP,
    docs: 'https://keras.io/guides/migrating_to_keras_3/',
    sources: ['https://keras.io/guides/migrating_to_keras_3/'],
  },
];

export default entries;
