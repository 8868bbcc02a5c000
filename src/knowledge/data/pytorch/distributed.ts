/** torch.distributed: process groups, collectives, DistributedDataParallel and FSDP. */
import { defineGroup } from '../../define';
import { VERIFIED_113, VERIFIED_DOCS, eq, generated, page } from './common';

const DIST = page('distributed.html');
const D = { framework: 'pytorch' as const, module: 'torch.distributed', verified: VERIFIED_113, sources: [DIST], docs: (n: string) => `${DIST}#${n}` };
const T = ['distributed'];

export default [
  ...defineGroup({ ...D, module: 'torch', docs: () => DIST }, {
    distributed: { kind: 'module', summary: 'Multi-process communication (NCCL, Gloo backends), collectives and the parallelism APIs DDP, FSDP and DTensor; jobs are usually launched with torchrun.', tags: T, section: 'architecture', equivalents: [eq('tensorflow.distribute')] },
  }),
  ...defineGroup(D, {
    init_process_group: { kind: 'function', summary: 'Initialises the default process group; backend "nccl" for GPUs or "gloo" for CPU; rank and world size usually come from torchrun environment variables.', tags: T, equivalents: [eq('tensorflow.distribute.MultiWorkerMirroredStrategy', 'TF reads the cluster from TF_CONFIG instead.')] },
    destroy_process_group: { kind: 'function', summary: 'Tears down a process group at the end of a distributed job.', tags: T },
    is_available: { kind: 'function', summary: 'Returns True if this build of PyTorch includes distributed support.', tags: T },
    is_initialized: { kind: 'function', summary: 'Returns True once the default process group has been initialised.', tags: T },
    get_rank: { kind: 'function', summary: 'Returns the global rank of the current process (0 is usually the one that logs and saves).', tags: T },
    get_world_size: { kind: 'function', summary: 'Returns the number of processes in the group.', tags: T },
    barrier: { kind: 'function', summary: 'Blocks until every process of the group reaches this call.', tags: T },
    all_reduce: { kind: 'function', summary: 'Reduces a tensor across all processes in place (sum by default) so every rank gets the result.', tags: T },
    all_gather: { kind: 'function', summary: 'Collects a tensor from every process into a list on every process.', tags: T },
    broadcast: { kind: 'function', summary: 'Copies a tensor from the source rank to all other ranks.', tags: T },
    reduce_scatter: { kind: 'function', summary: 'Reduces a list of tensors across ranks and scatters the pieces, one per rank.', tags: T },
    new_group: { kind: 'function', summary: 'Creates a sub-group of ranks for collectives among a subset of processes.', tags: T },
    ReduceOp: { kind: 'class', summary: 'Reduction operations for collectives: SUM, PRODUCT, MIN, MAX and others.', tags: T },
    fsdp: { kind: 'module', summary: 'Fully sharded data parallelism: shards parameters, gradients and optimizer state across ranks. Offers FullyShardedDataParallel (FSDP1) and, since 2.6, the public fully_shard (FSDP2).', docs: page('fsdp.html'), sources: [page('fsdp.html'), page('distributed.fsdp.fully_shard.html')], tags: T },
    launch: {
      kind: 'module',
      summary: 'Old launcher module (python -m torch.distributed.launch); torchrun (torch.distributed.run) is the documented launcher and sets LOCAL_RANK in the environment.',
      status: {
        state: 'deprecated',
        since: '1.9',
        date: '2021-06',
        note: 'Running it warns (FutureWarning: "The module torch.distributed.launch is deprecated and will be removed in future. Use torchrun."); in PyTorch 2.13 its main() is marked deprecated. Importing it does not warn.',
      },
      verified: 'PyTorch 2.13.0 installed: torch/distributed/launch.py main() carries typing_extensions.deprecated(..., category=FutureWarning), 2026-12-08; the warning is reported on PyTorch 1.9.0 in pytorch/pytorch#60717',
      docs: page('elastic/run.html'),
      sources: [page('elastic/run.html'), 'https://github.com/pytorch/pytorch/blob/main/torch/distributed/launch.py', 'https://github.com/pytorch/pytorch/issues/60717'],
      replacement: { name: 'torch.distributed.run', note: 'Run torchrun (python -m torch.distributed.run) with the same arguments; it sets LOCAL_RANK in the environment instead of passing --local-rank, so read os.environ["LOCAL_RANK"].' },
      tags: T,
    },
    run: { kind: 'module', summary: 'The module behind the torchrun command: launches one process per GPU with rank, world size and rendezvous set in environment variables, with elastic restarts.', docs: page('elastic/run.html'), sources: [page('elastic/run.html')], tags: T },
  }),
  ...defineGroup({ ...D, module: 'torch.distributed.fsdp', docs: () => page('fsdp.html'), sources: [page('fsdp.html')] }, {
    FullyShardedDataParallel: { kind: 'class', summary: 'FSDP1: a module wrapper that flattens and shards parameters across ranks, gathering them for each forward/backward. The docs point new code to fully_shard (FSDP2).', tags: T, equivalents: [eq('tensorflow.distribute.MirroredStrategy', 'MirroredStrategy replicates rather than shards weights.')] },
    fully_shard: { kind: 'function', summary: 'FSDP2: applied to sub-modules and the root, shards each parameter as a DTensor and overlaps communication; public in torch.distributed.fsdp since 2.6.', verified: VERIFIED_DOCS, docs: page('distributed.fsdp.fully_shard.html'), sources: [page('distributed.fsdp.fully_shard.html'), 'https://github.com/pytorch/pytorch/pull/141868'], tags: T, section: 'changes-since-2023' },
  }),
  ...defineGroup({ ...D, module: 'torch.nn.parallel', docs: generated, sources: [generated('torch.nn.parallel.DistributedDataParallel'), page('notes/ddp.html')] }, {
    DistributedDataParallel: { kind: 'class', summary: 'Replicates a model in every process and all-reduces gradients during backward; one process per GPU, wrap with device_ids=[local_rank]. The recommended data-parallel method.', tags: [...T, 'training-loop'], section: 'performance', equivalents: [eq('tensorflow.distribute.MirroredStrategy', 'TF uses one process with several replicas; build the model inside strategy.scope(). Its distributed dataset is batched with the global batch size and split among the replicas, where a DataLoader batch_size under DDP is per process.'), eq('tensorflow.distribute.MultiWorkerMirroredStrategy')] },
  }),
];
