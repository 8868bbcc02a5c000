/** Keras 3 training pieces: optimizers, losses, metrics, callbacks, LR schedules, mixed precision, applications. */
import { defineGroup, docsUrl } from '../../define';
import type { EntrySpec } from '../../define';
import * as PAIRS from '../pairs';
import { CLASS_AXIS, KERAS_APPLICATION_HEAD, KERAS_LOSS_ORDER, SYMMETRIC_LOSS } from '../pairs';

const KERAS_API = 'https://github.com/keras-team/keras/tree/master/keras/api';
const tfKerasDocs = (name: string) => docsUrl.tf(name.replace(/^keras\./, 'tensorflow.keras.'));
const defaults = { framework: 'keras' as const, module: 'keras', verified: 'Keras 3.16 (keras-team/keras keras/api, snapshot of 2026-08-21), read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', sources: [KERAS_API], docs: tfKerasDocs };

function cls(summary: string, tags: string[], torch?: string, note?: string): EntrySpec {
  return { kind: 'class', summary, tags, ...(torch ? { equivalents: [{ name: torch, ...(note ? { note } : {}) }] } : {}) };
}
const OPT = ['training-loop'];
/**
 * lr= is what older Keras releases called learning_rate= (keras-team/keras docs/sources/optimizers.md); Keras 3
 * optimizers reject it (checked on Keras 3.15.1: `SGD(lr=0.1)` raises ValueError "Argument(s) not recognized").
 */
const LR_KEYWORD: EntrySpec['keywords'] = {
  lr: {
    status: { state: 'removed', since: '3.0', date: '2023-11' },
    note: 'Keras 3 optimizers reject lr= (ValueError: Argument(s) not recognized); the keyword is learning_rate=.',
    renamedTo: 'learning_rate',
  },
};
const optimizer = (spec: EntrySpec): EntrySpec => ({ ...spec, keywords: LR_KEYWORD });
const LOSS = ['loss-metrics'];
/** What every keras.applications ↔ torchvision.models pair differs in besides preprocessing (second audit of issue 30). */
const TORCHVISION_WEIGHTS = 'torchvision builds random weights unless weights= is given (Keras loads ImageNet weights by default) and takes NCHW input scaled to [0, 1] and normalised with the ImageNet mean and std';
const CB = ['training-loop'];
const LR = ['lr-schedule'];

export default defineGroup(defaults, {
  optimizers: { kind: 'module', summary: 'Keras optimizers; in Keras 3 they work on any backend and take learning_rate as a float or a schedule.', tags: OPT, equivalents: [{ name: 'torch.optim' }] },
  'optimizers.Optimizer': cls('Base class of Keras optimizers (apply_gradients, learning_rate, clipnorm, weight_decay, EMA options).', OPT, 'torch.optim.Optimizer'),
  'optimizers.Adam': optimizer(cls('Adam; learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7 by default.', ['training-loop', 'mnist-mlp'], 'torch.optim.Adam', 'Same lr and betas; PyTorch eps is 1e-8. Keras takes no params list: the model passes variables at fit time.')),
  'optimizers.AdamW': optimizer(cls('Adam with decoupled weight decay; weight_decay 0.004 by default.', OPT, 'torch.optim.AdamW', 'PyTorch AdamW defaults weight_decay to 0.01 and eps to 1e-8.')),
  'optimizers.SGD': optimizer(cls('Stochastic gradient descent with optional momentum and Nesterov; learning_rate 0.01 by default.', OPT, 'torch.optim.SGD', 'Keras momentum update matches PyTorch for a constant learning rate; check defaults before comparing runs.')),
  'optimizers.RMSprop': optimizer(cls('RMSprop; learning_rate 0.001, rho 0.9, epsilon 1e-7 by default.', OPT, 'torch.optim.RMSprop', 'PyTorch defaults are lr 0.01, alpha (=rho) 0.99, eps 1e-8.')),
  'optimizers.Adagrad': optimizer(cls('Adagrad; initial_accumulator_value 0.1 by default.', OPT, 'torch.optim.Adagrad', 'PyTorch initial_accumulator_value defaults to 0.')),
  'optimizers.Adadelta': optimizer(cls('Adadelta optimizer (adaptive per-parameter step sizes).', OPT, 'torch.optim.Adadelta', 'PyTorch defaults differ: lr 1.0, rho 0.9, eps 1e-6 (Keras learning_rate 0.001, rho 0.95, epsilon 1e-7).')),
  'optimizers.Adamax': optimizer(cls('Adamax, the infinity-norm variant of Adam.', OPT, 'torch.optim.Adamax')),
  'optimizers.Nadam': optimizer(cls('Adam with Nesterov momentum.', OPT, 'torch.optim.NAdam', 'The momentum schedules differ (Keras: beta_1 * (1 - 0.5 * 0.96^t); PyTorch: 0.96^(t * momentum_decay) with momentum_decay 0.004), so the updates differ from the first step.')),
  'optimizers.Ftrl': optimizer(cls('Follow-the-regularized-leader optimizer, used for wide sparse models.', OPT)),
  'optimizers.Lion': optimizer(cls('Lion optimizer (sign-based updates).', OPT)),
  'optimizers.schedules': { kind: 'module', summary: 'Learning-rate schedules evaluated per optimizer step and passed as learning_rate.', tags: LR, equivalents: [{ name: 'torch.optim.lr_scheduler', note: 'PyTorch schedulers wrap the optimizer and are stepped by hand, often per epoch.' }] },
  'optimizers.schedules.LearningRateSchedule': { ...cls('Base class for schedules: a callable from step to learning rate.', LR), equivalents: [{ name: 'torch.optim.lr_scheduler.LRScheduler', note: 'Both are the base class for custom schedules; PyTorch schedulers wrap an optimizer and are stepped by hand.' }, { name: 'torch.optim.lr_scheduler.LambdaLR', note: 'The quickest PyTorch route: a function from epoch (or step) to a multiplier of the base lr.' }] },
  'optimizers.schedules.ExponentialDecay': cls('lr * decay_rate^(step / decay_steps), optionally staircase.', LR, 'torch.optim.lr_scheduler.ExponentialLR', 'ExponentialLR multiplies by gamma each scheduler.step() call (usually per epoch).'),
  'optimizers.schedules.PiecewiseConstantDecay': cls('Constant learning rates between step boundaries.', LR, 'torch.optim.lr_scheduler.MultiStepLR', 'MultiStepLR multiplies by gamma at milestones rather than taking explicit values, and switches one step earlier: Keras boundary b is milestone b + 1.'),
  'optimizers.schedules.CosineDecay': cls('Cosine decay from an initial rate, with optional linear warmup.', LR, 'torch.optim.lr_scheduler.CosineAnnealingLR', 'Equal rates up to decay_steps = T_max; after that Keras holds the final rate while CosineAnnealingLR follows the cosine back up.'),
  'optimizers.schedules.CosineDecayRestarts': cls('Cosine decay with warm restarts.', LR, 'torch.optim.lr_scheduler.CosineAnnealingWarmRestarts'),
  'optimizers.schedules.PolynomialDecay': cls('Polynomial decay to an end rate over decay_steps.', LR, 'torch.optim.lr_scheduler.PolynomialLR'),
  'optimizers.schedules.InverseTimeDecay': cls('lr / (1 + decay_rate * step / decay_steps).', LR),
  losses: { kind: 'module', summary: 'Loss classes and functions; classes reduce to the batch mean by default.', tags: LOSS },
  'losses.Loss': cls('Base class for custom losses: implement call(y_true, y_pred).', LOSS, 'torch.nn.Module'),
  'losses.SparseCategoricalCrossentropy': { ...cls('Cross-entropy for integer labels; from_logits=False by default, so pass from_logits=True when the model outputs logits.', ['loss-metrics', 'mnist-mlp']), equivalents: [PAIRS.sparseCceToCrossEntropy] },
  'losses.CategoricalCrossentropy': { ...cls('Cross-entropy for one-hot or soft labels; from_logits=False by default.', LOSS), equivalents: [PAIRS.cceToCrossEntropy] },
  'losses.BinaryCrossentropy': { ...cls('Binary cross-entropy; from_logits=False expects probabilities.', LOSS), equivalents: [PAIRS.bceToBceWithLogits] },
  'losses.BinaryFocalCrossentropy': cls('Binary cross-entropy with a focal term for class imbalance (gamma 2); alpha weighs the classes only with apply_class_balancing=True.', LOSS, 'torchvision.ops.sigmoid_focal_loss', 'sigmoid_focal_loss takes logits (from_logits=True here), always applies alpha=0.25 (here only with apply_class_balancing=True) and does not reduce by default.'),
  'losses.MeanSquaredError': cls('Mean of squared errors.', LOSS, 'torch.nn.MSELoss', SYMMETRIC_LOSS),
  'losses.MeanAbsoluteError': cls('Mean of absolute errors.', LOSS, 'torch.nn.L1Loss', SYMMETRIC_LOSS),
  'losses.Huber': cls('Huber loss with delta 1.0 by default.', LOSS, 'torch.nn.HuberLoss', SYMMETRIC_LOSS),
  'losses.KLDivergence': cls('KL divergence between probability distributions y_true and y_pred.', LOSS, 'torch.nn.KLDivLoss', `KLDivLoss expects log-probabilities as input and its default reduction is not batchmean. ${KERAS_LOSS_ORDER}.`),
  'losses.CosineSimilarity': cls('Negative cosine similarity as a loss.', LOSS, 'torch.nn.CosineEmbeddingLoss', 'Keras returns the negated mean cosine (-1 is best); CosineEmbeddingLoss with target 1 returns 1 - cosine (0 is best). Keras takes (y_true, y_pred); CosineEmbeddingLoss takes (input1, input2, target) with a ±1 target per pair.'),
  'losses.Hinge': cls('Hinge loss mean(max(1 - y_true * y_pred, 0)) for labels in {-1, 1}; 0/1 labels are converted. PyTorch has no built-in counterpart (HingeEmbeddingLoss is a different formula); write torch.clamp(1 - y * pred, min=0).mean().', LOSS),
  'losses.CTC': cls('Connectionist temporal classification loss.', LOSS, 'torch.nn.CTCLoss', 'Keras takes (y_true, y_pred): labels padded with 0, the blank, and batch-major logits (batch, time, classes); CTCLoss takes (log_probs, targets, input_lengths, target_lengths) with time-major (T, N, C) log-probabilities.'),
  'losses.sparse_categorical_crossentropy': { kind: 'function', summary: 'Functional form: per-example cross-entropy for integer labels.', tags: LOSS, equivalents: [{ name: 'torch.nn.functional.cross_entropy', note: `F.cross_entropy takes logits and averages over the batch by default; this function takes probabilities unless from_logits=True and returns one loss per example, as F.cross_entropy does with reduction="none". It takes (y_true, y_pred), F.cross_entropy (input, target); ${CLASS_AXIS}.` }] },
  metrics: { kind: 'module', summary: 'Stateful metrics updated per batch and reset per epoch.', tags: LOSS },
  'metrics.Metric': cls('Base class for stateful metrics (update_state, result, reset_state).', LOSS),
  'metrics.Accuracy': cls('Fraction of predictions equal to labels.', LOSS),
  'metrics.SparseCategoricalAccuracy': cls('Accuracy for integer labels against class scores; what metrics=["accuracy"] picks for sparse labels.', ['loss-metrics', 'mnist-mlp']),
  'metrics.CategoricalAccuracy': cls('Accuracy for one-hot labels.', LOSS),
  'metrics.BinaryAccuracy': cls('Accuracy for binary labels with a 0.5 threshold.', LOSS),
  'metrics.AUC': cls('Area under the ROC or PR curve, approximated with thresholds.', LOSS),
  'metrics.Precision': cls('Precision at a threshold.', LOSS),
  'metrics.Recall': cls('Recall at a threshold.', LOSS),
  'metrics.Mean': cls('Running mean of values, handy for logging losses in custom loops.', ['loss-metrics', 'training-loop']),
  'metrics.MeanSquaredError': cls('Running mean squared error.', LOSS),
  'metrics.TopKCategoricalAccuracy': cls('Whether the label is among the top-k predictions.', LOSS),
  callbacks: { kind: 'module', summary: 'Hooks called by fit()/evaluate()/predict() at epoch and batch boundaries.', tags: CB },
  'callbacks.Callback': cls('Base class for callbacks (on_epoch_end, on_train_batch_end...).', CB),
  'callbacks.EarlyStopping': cls('Stops training when a monitored metric stops improving; restore_best_weights optional.', CB),
  'callbacks.ModelCheckpoint': cls('Saves the model or weights during training, optionally only the best.', ['checkpoints', 'training-loop'], 'torch.save', 'In PyTorch call torch.save(model.state_dict(), path) yourself in the loop.'),
  'callbacks.ReduceLROnPlateau': cls('Lowers the learning rate when a metric plateaus.', ['lr-schedule', 'training-loop'], 'torch.optim.lr_scheduler.ReduceLROnPlateau'),
  'callbacks.LearningRateScheduler': cls('Sets the learning rate each epoch from a function of the epoch.', ['lr-schedule'], 'torch.optim.lr_scheduler.LambdaLR', 'LambdaLR returns a multiplier of the base lr, not the lr itself.'),
  'callbacks.TensorBoard': cls('Writes logs for TensorBoard: scalars, histograms, graphs, profiles.', CB, 'torch.utils.tensorboard.SummaryWriter'),
  'callbacks.CSVLogger': cls('Streams epoch results to a CSV file.', CB),
  'callbacks.BackupAndRestore': cls('Backs up training state so an interrupted fit() can resume.', ['checkpoints', 'training-loop']),
  'callbacks.TerminateOnNaN': cls('Stops training when the loss becomes NaN.', CB),
  'callbacks.LambdaCallback': cls('Builds a callback from plain functions.', CB),
  'callbacks.History': cls('Records epoch metrics; fit() returns it.', CB),
  mixed_precision: { kind: 'module', summary: 'Dtype policies for mixed precision (compute in float16/bfloat16, keep variables in float32).', tags: ['mixed-precision'], section: 'performance' },
  'mixed_precision.set_global_policy': { kind: 'function', summary: 'Sets the default dtype policy, e.g. "mixed_float16" or "mixed_bfloat16".', tags: ['mixed-precision'], equivalents: [{ name: 'torch.amp.autocast', note: 'autocast is a context around the forward pass; the Keras policy is set once, before building layers.' }] },
  'mixed_precision.Policy': cls('A dtype policy (compute dtype and variable dtype).', ['mixed-precision']),
  'mixed_precision.LossScaleOptimizer': cls('Wraps an optimizer with dynamic loss scaling for float16 training; compile() adds it automatically under mixed_float16.', ['mixed-precision'], 'torch.amp.GradScaler'),
  applications: { kind: 'module', summary: 'Pre-trained image models (ImageNet weights) with matching preprocess_input functions.', tags: ['transfer-learning'], equivalents: [{ name: 'torchvision.models' }] },
  'applications.ResNet50': cls('ResNet-50 with optional ImageNet weights; include_top=False gives a feature extractor.', ['transfer-learning'], 'torchvision.models.resnet50', `${TORCHVISION_WEIGHTS}; Keras takes NHWC input through its caffe-style preprocess_input (BGR, minus the ImageNet means, no scaling). ${KERAS_APPLICATION_HEAD}`),
  'applications.MobileNetV2': cls('MobileNetV2, a small model for mobile and transfer learning.', ['transfer-learning'], 'torchvision.models.mobilenet_v2', `${TORCHVISION_WEIGHTS}; Keras takes NHWC input that its preprocess_input scales to [-1, 1]. ${KERAS_APPLICATION_HEAD}`),
  'applications.EfficientNetB0': cls('EfficientNet-B0; expects inputs in 0-255 (normalisation is built in).', ['transfer-learning'], 'torchvision.models.efficientnet_b0', `${TORCHVISION_WEIGHTS}; the Keras model rescales NHWC 0-255 input itself (its preprocess_input passes it through). ${KERAS_APPLICATION_HEAD}`),
  'applications.VGG16': cls('VGG-16 classic convolutional network; loads ImageNet weights unless weights=None.', ['transfer-learning'], 'torchvision.models.vgg16', `${TORCHVISION_WEIGHTS}; Keras takes NHWC input through its caffe-style preprocess_input (BGR, minus the ImageNet means, no scaling). ${KERAS_APPLICATION_HEAD}`),
  'applications.InceptionV3': cls('Inception-v3, default input 299x299.', ['transfer-learning'], 'torchvision.models.inception_v3', `${TORCHVISION_WEIGHTS}; Keras takes NHWC input that its preprocess_input scales to [-1, 1]. ${KERAS_APPLICATION_HEAD}`),
  'applications.DenseNet121': cls('DenseNet-121 with optional ImageNet weights.', ['transfer-learning'], 'torchvision.models.densenet121', `${TORCHVISION_WEIGHTS}; Keras preprocess_input normalises the same way, on NHWC input. ${KERAS_APPLICATION_HEAD}`),
  'applications.ConvNeXtTiny': cls('ConvNeXt-Tiny with optional ImageNet weights.', ['transfer-learning'], 'torchvision.models.convnext_tiny', `${TORCHVISION_WEIGHTS}; the Keras model normalises NHWC 0-255 input itself (include_preprocessing=True). ${KERAS_APPLICATION_HEAD}`),
  'applications.Xception': cls('Xception, default input 299x299.', ['transfer-learning']),
});
