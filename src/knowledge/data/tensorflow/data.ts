/** tf.data input pipelines. */
import { defineGroup, docsUrl } from '../../define';

const GOLDEN = 'https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/api/golden/v2/tensorflow.data.pbtxt';
const defaults = { framework: 'tensorflow' as const, module: 'tensorflow.data', verified: 'TensorFlow API golden files, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', sources: [GOLDEN], docs: docsUrl.tf };

const DATASET = 'A tf.data.Dataset does loading, shuffling and batching in one object; PyTorch splits this into Dataset (samples) and DataLoader (batching, shuffling, worker processes).';

export default [
  ...defineGroup({ ...defaults, module: '' }, {
    'tensorflow.data': { kind: 'module', summary: 'Input pipelines: build, transform, batch and prefetch datasets that feed fit() or custom loops.', tags: ['data-pipeline'], section: 'use-cases', equivalents: [{ name: 'torch.utils.data' }] },
  }),
  ...defineGroup(defaults, {
    Dataset: { kind: 'class', summary: 'A sequence of elements with chained transformations: from_tensor_slices, map, shuffle, batch, prefetch, cache.', tags: ['data-pipeline', 'augmentation'], equivalents: [{ name: 'torch.utils.data.DataLoader', note: DATASET }, { name: 'torch.utils.data.Dataset', note: 'Implement __len__/__getitem__ for single samples.' }] },
    TFRecordDataset: { kind: 'class', summary: 'Reads records from TFRecord files, usually followed by tf.io.parse_single_example.', tags: ['data-pipeline'] },
    TextLineDataset: { kind: 'class', summary: 'Yields lines of text files.', tags: ['data-pipeline'] },
    FixedLengthRecordDataset: { kind: 'class', summary: 'Yields fixed-length binary records from files.', tags: ['data-pipeline'] },
    AUTOTUNE: { kind: 'constant', summary: 'Lets tf.data tune parallelism and buffer sizes, e.g. map(num_parallel_calls=AUTOTUNE), prefetch(AUTOTUNE).', tags: ['data-pipeline'], section: 'performance', equivalents: [{ name: 'torch.utils.data.DataLoader', note: 'In PyTorch set num_workers and prefetch_factor by hand.' }] },
    Options: { kind: 'class', summary: 'Pipeline options (determinism, threading, auto-sharding) applied with dataset.with_options().', tags: ['data-pipeline'] },
    Iterator: { kind: 'class', summary: 'Iterator over a dataset; in TF2 use a Python for loop or iter(dataset).', tags: ['data-pipeline'] },
    DatasetSpec: { kind: 'class', summary: 'Type specification of a dataset, used in tf.function signatures.' },
    experimental: { kind: 'module', summary: 'Experimental tf.data APIs; several graduated to tf.data.Dataset methods over the 2.x releases.' },
  }),
];
