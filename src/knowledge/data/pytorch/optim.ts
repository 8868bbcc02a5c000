/** torch.optim optimizers and torch.optim.lr_scheduler schedules, with Keras counterparts and default differences. */
import { defineGroup } from '../../define';
import { VERIFIED_113, VERIFIED_DOCS, eq, generated, page } from './common';
import * as PAIRS from '../pairs';

const D = { framework: 'pytorch' as const, module: 'torch.optim', verified: VERIFIED_113, sources: [page('optim.html')], docs: generated };
const S = { ...D, module: 'torch.optim.lr_scheduler' };
const T = ['training-loop'];
const LR = ['lr-schedule'];

export default [
  ...defineGroup({ ...D, module: 'torch' }, {
    optim: { kind: 'module', summary: 'Optimizers that update parameters from their .grad after loss.backward(), plus learning-rate schedulers.', docs: page('optim.html'), tags: T, equivalents: [eq('keras.optimizers')] },
  }),
  ...defineGroup(D, {
    Optimizer: { kind: 'class', summary: 'Base class of optimizers: holds param_groups and state; step() applies an update, zero_grad() resets gradients (to None by default in 2.x), state_dict() saves it for checkpoints.', tags: [...T, 'checkpoints'], equivalents: [eq('keras.optimizers.Optimizer')] },
    SGD: { kind: 'class', summary: 'Stochastic gradient descent with optional momentum (0 by default), dampening, Nesterov and weight_decay (coupled L2).', tags: T, equivalents: [PAIRS.sgdToSgd] },
    Adam: { kind: 'class', summary: 'Adam with lr 1e-3, betas (0.9, 0.999) and eps 1e-8 by default; weight_decay adds L2 to the gradient (use AdamW for decoupled decay).', tags: [...T, 'mnist-mlp'], equivalents: [PAIRS.adamToAdam] },
    AdamW: { kind: 'class', summary: 'Adam with decoupled weight decay; weight_decay defaults to 0.01, lr to 1e-3, eps to 1e-8. The usual choice for Transformers.', tags: T, equivalents: [PAIRS.adamWToAdamW] },
    RMSprop: { kind: 'class', summary: 'RMSprop with lr 1e-2, alpha (smoothing) 0.99 and eps 1e-8 by default.', tags: T, equivalents: [eq('keras.optimizers.RMSprop', 'Keras defaults differ: learning_rate 1e-3, rho 0.9, epsilon 1e-7.')] },
    Adagrad: { kind: 'class', summary: 'Adagrad with per-parameter learning rates scaled by accumulated squared gradients (lr 1e-2 by default).', tags: T, equivalents: [eq('keras.optimizers.Adagrad', 'Keras defaults differ: initial_accumulator_value 0.1 (PyTorch 0), learning_rate 0.001 (PyTorch lr 0.01), epsilon 1e-7 (PyTorch eps 1e-10).')] },
    Adadelta: { kind: 'class', summary: 'Adadelta; lr 1.0 and rho 0.9 by default.', tags: T, equivalents: [eq('keras.optimizers.Adadelta', 'Keras defaults learning_rate=1e-3, rho=0.95 and epsilon=1e-7 (PyTorch lr 1.0, rho 0.9, eps 1e-6).')] },
    Adamax: { kind: 'class', summary: 'Adam variant based on the infinity norm; lr 2e-3 by default.', tags: T, equivalents: [eq('keras.optimizers.Adamax', 'Keras defaults differ: learning_rate 0.001 (PyTorch lr 0.002) and epsilon 1e-7 (PyTorch eps 1e-8); the momentum schedules differ too, so updates differ from the first step.')] },
    NAdam: { kind: 'class', summary: 'Adam with Nesterov momentum; lr 2e-3 by default.', tags: T, equivalents: [eq('keras.optimizers.Nadam', 'Keras defaults differ: learning_rate 0.001 (PyTorch lr 0.002) and epsilon 1e-7 (PyTorch eps 1e-8); the momentum schedules differ too, so updates differ from the first step.')] },
    RAdam: { kind: 'class', summary: 'Rectified Adam, which damps the adaptive term early in training.', tags: T },
    LBFGS: { kind: 'class', summary: 'Limited-memory BFGS; step() requires a closure that re-evaluates the loss. Suited to full-batch problems.', tags: T },
    SparseAdam: { kind: 'class', summary: 'Adam variant for sparse gradients, e.g. from nn.Embedding(sparse=True).', tags: T },
    ASGD: { kind: 'class', summary: 'Averaged stochastic gradient descent.', tags: T },
    Rprop: { kind: 'class', summary: 'Resilient backpropagation using only gradient signs; for full-batch training.', tags: T },
    lr_scheduler: { kind: 'module', summary: 'Learning-rate schedules that change optimizer lr per epoch or step; call scheduler.step() after optimizer.step().', docs: page('optim.html', 'how-to-adjust-learning-rate'), tags: LR, equivalents: [eq('keras.optimizers.schedules', 'Keras schedules are passed as the learning_rate and evaluated per step automatically.')] },
    swa_utils: { kind: 'module', summary: 'Stochastic weight averaging and EMA helpers: AveragedModel, SWALR and update_bn.', docs: page('optim.html', 'weight-averaging-swa-and-ema') },
  }),
  ...defineGroup({ ...D, module: 'torch.optim.swa_utils' }, {
    AveragedModel: { kind: 'class', summary: 'Keeps a running average (SWA, or EMA via a custom averaging function) of a model’s parameters.', docs: page('optim.html', 'weight-averaging-swa-and-ema') },
    SWALR: { kind: 'class', summary: 'Anneals the learning rate to a fixed SWA value and keeps it there.', docs: page('optim.html', 'weight-averaging-swa-and-ema'), tags: LR },
  }),
  ...defineGroup(S, {
    LRScheduler: { kind: 'class', summary: 'Public base class of schedulers (formerly _LRScheduler); subclass it for custom schedules. Public name added in 2.0.', verified: VERIFIED_DOCS, tags: LR, equivalents: [eq('keras.optimizers.schedules.LearningRateSchedule')] },
    StepLR: { kind: 'class', summary: 'Multiplies the lr by gamma (0.1 by default) every step_size epochs.', tags: LR, equivalents: [eq('keras.optimizers.schedules.ExponentialDecay', 'Use staircase=True; Keras counts optimizer steps, not epochs.')] },
    MultiStepLR: { kind: 'class', summary: 'Multiplies the lr by gamma at each listed milestone epoch.', tags: LR, equivalents: [eq('keras.optimizers.schedules.PiecewiseConstantDecay', 'Keras takes explicit values per interval and counts steps; its boundary b is milestone b + 1 here.')] },
    ExponentialLR: { kind: 'class', summary: 'Multiplies the lr by gamma after every epoch.', tags: LR, equivalents: [eq('keras.optimizers.schedules.ExponentialDecay')] },
    CosineAnnealingLR: { kind: 'class', summary: 'Cosine decay from the initial lr to eta_min over T_max steps.', tags: LR, equivalents: [eq('keras.optimizers.schedules.CosineDecay', 'Keras uses decay_steps and alpha (final fraction) and can add warmup; after decay_steps it holds the final rate, where CosineAnnealingLR climbs back up.')] },
    CosineAnnealingWarmRestarts: { kind: 'class', summary: 'Cosine annealing with warm restarts every T_0 steps, optionally growing by T_mult (SGDR).', tags: LR, equivalents: [eq('keras.optimizers.schedules.CosineDecayRestarts')] },
    ReduceLROnPlateau: { kind: 'class', summary: 'Reduces the lr by factor (0.1) when a monitored metric stops improving for patience (10) epochs; step(metric) takes the value.', tags: LR, equivalents: [eq('keras.callbacks.ReduceLROnPlateau', 'Keras is a callback with patience 10 and factor 0.1 too, monitoring val_loss by default.')] },
    OneCycleLR: { kind: 'class', summary: 'One-cycle policy: warm up to max_lr then anneal; stepped after every batch, not every epoch.', tags: LR },
    CyclicLR: { kind: 'class', summary: 'Cycles the lr between base_lr and max_lr (triangular policies); stepped per batch.', tags: LR },
    LambdaLR: { kind: 'class', summary: 'Sets lr to the initial lr times a user function of the epoch, e.g. for linear warmup.', tags: LR, equivalents: [eq('keras.callbacks.LearningRateScheduler', 'The Keras callback receives (epoch, lr) and returns the new lr.')] },
    MultiplicativeLR: { kind: 'class', summary: 'Multiplies the current lr by a user function of the epoch.', tags: LR },
    LinearLR: { kind: 'class', summary: 'Linearly changes a multiplicative factor between start_factor and end_factor over total_iters, often for warmup.', tags: LR, equivalents: [eq('keras.optimizers.schedules.PolynomialDecay', 'power=1 gives linear decay.')] },
    ConstantLR: { kind: 'class', summary: 'Scales the lr by a constant factor until total_iters, then restores it.', tags: LR },
    PolynomialLR: { kind: 'class', summary: 'Decays the lr with a polynomial of given power over total_iters.', tags: LR, equivalents: [eq('keras.optimizers.schedules.PolynomialDecay')] },
    SequentialLR: { kind: 'class', summary: 'Runs several schedulers one after another at given milestones, e.g. warmup then cosine.', tags: LR },
    ChainedScheduler: { kind: 'class', summary: 'Steps several schedulers together so their effects multiply.', tags: LR },
  }),
];
