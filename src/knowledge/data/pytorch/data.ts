/** torch.utils: data loading (Dataset, DataLoader, samplers), TensorBoard logging and activation checkpointing. */
import { defineGroup } from '../../define';
import { VERIFIED_113, eq, page } from './common';

const DATA = page('data.html');
const D = { framework: 'pytorch' as const, module: 'torch.utils.data', verified: VERIFIED_113, sources: [DATA], docs: (n: string) => `${DATA}#${n}` };
const T = ['data-pipeline'];

export default [
  ...defineGroup({ ...D, module: 'torch', docs: () => page('index.html') }, {
    utils: { kind: 'module', summary: 'Utility subpackages: data loading (torch.utils.data), TensorBoard logging, activation checkpointing and C++ extension building.' },
  }),
  ...defineGroup({ ...D, module: 'torch.utils' }, {
    data: { kind: 'module', summary: 'Data loading: map-style and iterable datasets, DataLoader for batching, shuffling and worker processes, and samplers.', docs: DATA, tags: T, equivalents: [eq('tensorflow.data')] },
    tensorboard: { kind: 'module', summary: 'Writes TensorBoard event files from PyTorch through SummaryWriter; needs the tensorboard package.', docs: page('tensorboard.html'), sources: [page('tensorboard.html')] },
    checkpoint: { kind: 'module', summary: 'Activation (gradient) checkpointing: recomputes parts of the forward pass during backward to save memory.', docs: page('checkpoint.html'), sources: [page('checkpoint.html')], section: 'performance' },
  }),
  ...defineGroup({ ...D, module: 'torch.utils.tensorboard', docs: () => page('tensorboard.html'), sources: [page('tensorboard.html')] }, {
    SummaryWriter: { kind: 'class', summary: 'Logs scalars, images, histograms and graphs to a log directory (runs/ by default) for TensorBoard.', tags: ['training-loop'], equivalents: [eq('keras.callbacks.TensorBoard'), eq('tensorflow.summary.create_file_writer')] },
  }),
  ...defineGroup({ ...D, module: 'torch.utils.checkpoint', docs: () => page('checkpoint.html'), sources: [page('checkpoint.html')] }, {
    checkpoint: { kind: 'function', summary: 'Runs a function without saving intermediate activations and recomputes them in backward; current releases ask for use_reentrant to be passed explicitly (False recommended).', section: 'performance', equivalents: [eq('tensorflow.recompute_grad')] },
  }),
  ...defineGroup(D, {
    Dataset: { kind: 'class', summary: 'Map-style dataset base class: implement __getitem__(index) and __len__; a DataLoader batches it.', tags: T, equivalents: [eq('tensorflow.data.Dataset', 'tf.data builds a lazy pipeline of transformations instead of indexing.'), eq('keras.utils.PyDataset', 'Keras 3 PyDataset returns whole batches from __getitem__.')] },
    IterableDataset: { kind: 'class', summary: 'Stream-style dataset implementing __iter__, for data that cannot be indexed; each worker must shard the stream itself.', tags: T, equivalents: [eq('tensorflow.data.Dataset')] },
    TensorDataset: { kind: 'class', summary: 'Dataset wrapping tensors that share their first dimension; item i is a tuple of the i-th rows.', tags: [...T, 'mnist-mlp'], equivalents: [eq('tensorflow.data.Dataset', 'Use Dataset.from_tensor_slices.')] },
    DataLoader: { kind: 'class', summary: 'Iterates a dataset in batches: batch_size 1, shuffle False and num_workers 0 by default; pin_memory speeds host-to-GPU copies, collate_fn builds batches, drop_last drops a short final batch.', tags: [...T, 'training-loop', 'mnist-mlp'], section: 'ease-of-use', equivalents: [eq('tensorflow.data.Dataset', 'Chain .shuffle().batch().prefetch() on a tf.data pipeline.')] },
    random_split: { kind: 'function', summary: 'Splits a dataset into non-overlapping Subsets of given lengths (or fractions, in newer releases); pass a seeded generator for reproducibility.', tags: T },
    Subset: { kind: 'class', summary: 'A view of a dataset restricted to given indices.', tags: T },
    ConcatDataset: { kind: 'class', summary: 'Concatenates several map-style datasets into one.', tags: T, equivalents: [eq('tensorflow.data.Dataset', 'Use Dataset.concatenate.')] },
    ChainDataset: { kind: 'class', summary: 'Chains several iterable datasets one after another.', tags: T },
    Sampler: { kind: 'class', summary: 'Base class yielding dataset indices in some order for a DataLoader.', tags: T },
    RandomSampler: { kind: 'class', summary: 'Yields indices in random order, with or without replacement; what shuffle=True uses.', tags: T },
    SequentialSampler: { kind: 'class', summary: 'Yields indices 0..n-1 in order; the default when shuffle is off.', tags: T },
    BatchSampler: { kind: 'class', summary: 'Wraps a sampler and yields lists of indices of a given batch size.', tags: T },
    WeightedRandomSampler: { kind: 'class', summary: 'Samples indices with given per-sample weights, a common fix for class imbalance.', tags: T },
    SubsetRandomSampler: { kind: 'class', summary: 'Samples randomly from a given list of indices without replacement.', tags: T },
    default_collate: { kind: 'function', summary: 'The default batch builder: stacks tensors, numbers and NumPy arrays and recurses into dicts, lists and tuples.', tags: T },
    get_worker_info: { kind: 'function', summary: 'Inside a DataLoader worker, returns its id, the worker count, seed and dataset copy; None in the main process.', tags: T },
    distributed: { kind: 'module', summary: 'Holds DistributedSampler for splitting a dataset across processes.', docs: `${DATA}#torch.utils.data.distributed.DistributedSampler`, tags: ['distributed'] },
  }),
  ...defineGroup({ ...D, module: 'torch.utils.data.distributed' }, {
    DistributedSampler: { kind: 'class', summary: 'Gives each process of a distributed job its own shard of the dataset; call sampler.set_epoch(epoch) each epoch so shuffling changes.', tags: ['distributed', ...T], equivalents: [eq('tensorflow.distribute.MirroredStrategy', 'TF strategies split input with strategy.experimental_distribute_dataset, which divides each batch of the dataset among the replicas: batch it with the global batch size (per-replica size times num_replicas_in_sync), where a DataLoader batch_size is per process.'), eq('tensorflow.distribute.InputContext', 'With distribute_datasets_from_function, shard by hand: dataset.shard(ctx.num_input_pipelines, ctx.input_pipeline_id).')] },
  }),
];
