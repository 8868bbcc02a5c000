/** tf.distribute strategies for multi-device and multi-worker training. */
import { defineGroup, docsUrl } from '../../define';

const GOLDEN = 'https://github.com/tensorflow/tensorflow/tree/master/tensorflow/tools/api/golden/v2';
const defaults = { framework: 'tensorflow' as const, module: 'tensorflow.distribute', verified: 'TensorFlow API golden files, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', sources: [`${GOLDEN}/tensorflow.distribute.pbtxt`], docs: docsUrl.tf };
const DIST = ['distributed'];

export default [
  ...defineGroup({ ...defaults, module: '' }, {
    'tensorflow.distribute': { kind: 'module', summary: 'Distribution strategies: build the model inside strategy.scope() and fit() or a custom loop runs on all replicas.', tags: DIST, section: 'performance', equivalents: [{ name: 'torch.distributed' }] },
  }),
  ...defineGroup(defaults, {
    Strategy: { kind: 'class', summary: 'Base class of strategies: scope(), run(), reduce(), experimental_distribute_dataset().', tags: DIST },
    MirroredStrategy: { kind: 'class', summary: 'Synchronous data parallelism across the GPUs of one machine, in one process.', tags: DIST, equivalents: [{ name: 'torch.nn.parallel.DistributedDataParallel', note: 'DDP runs one process per GPU, launched with torchrun; MirroredStrategy drives all GPUs from one Python process. A DataLoader batch_size under DDP is per process, where a dataset given to experimental_distribute_dataset is batched with the global batch size.' }] },
    MultiWorkerMirroredStrategy: { kind: 'class', summary: 'Synchronous data parallelism across several machines, configured through TF_CONFIG.', tags: DIST, sources: [`${GOLDEN}/tensorflow.distribute.-multi-worker-mirrored-strategy.pbtxt`], equivalents: [{ name: 'torch.nn.parallel.DistributedDataParallel', note: 'Multi-node DDP uses torchrun rendezvous instead of TF_CONFIG.' }] },
    TPUStrategy: { kind: 'class', summary: 'Runs training on Cloud TPUs and TPU pods.', tags: DIST, sources: [`${GOLDEN}/tensorflow.distribute.-t-p-u-strategy.pbtxt`] },
    ReduceOp: { kind: 'class', summary: 'How values are combined across replicas (SUM, MEAN).', tags: DIST, equivalents: [{ name: 'torch.distributed.ReduceOp' }] },
    ReplicaContext: { kind: 'class', summary: 'Context inside strategy.run() giving the replica id and cross-replica collectives.', tags: DIST },
    InputContext: { kind: 'class', summary: 'Information for sharding input per worker (input_pipeline_id, number of pipelines).', tags: ['distributed', 'data-pipeline'], equivalents: [{ name: 'torch.utils.data.distributed.DistributedSampler' }] },
    get_strategy: { kind: 'function', summary: 'Returns the strategy in scope (a default no-op strategy outside any scope).', tags: DIST },
    get_replica_context: { kind: 'function', summary: 'Returns the current replica context, or None in cross-replica context.', tags: DIST },
  }),
];
