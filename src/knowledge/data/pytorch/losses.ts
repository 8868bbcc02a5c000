/** torch.nn loss modules, with the Keras losses they correspond to and where defaults differ. */
import { defineGroup } from '../../define';
import { VERIFIED_113, eq, generated, page } from './common';
import { BCE_CLIPPING, CLASS_AXIS, KERAS_LOSS_ORDER, SYMMETRIC_LOSS, TF_NN_LOSS_ORDER } from '../pairs';

const D = { framework: 'pytorch' as const, module: 'torch.nn', verified: VERIFIED_113, sources: [page('nn.html', 'loss-functions')], docs: generated };
const T = ['loss-metrics'];

export default defineGroup(D, {
  CrossEntropyLoss: { kind: 'class', summary: 'Softmax cross-entropy on raw logits of shape (N, C) with int64 class-index targets, or class probabilities (since 1.10); supports weight, ignore_index (-100) and label_smoothing. Do not apply softmax first.', tags: [...T, 'training-loop', 'mnist-mlp'], equivalents: [eq('keras.losses.SparseCategoricalCrossentropy', `Pass from_logits=True: Keras defaults to from_logits=False (expects probabilities). ${KERAS_LOSS_ORDER}; ${CLASS_AXIS}.`), eq('keras.losses.CategoricalCrossentropy', `For one-hot/probability targets; also needs from_logits=True. ${KERAS_LOSS_ORDER}; ${CLASS_AXIS}.`)] },
  NLLLoss: { kind: 'class', summary: 'Negative log-likelihood on log-probabilities (e.g. from LogSoftmax) with class-index targets; LogSoftmax + NLLLoss equals CrossEntropyLoss.', tags: T, equivalents: [eq('keras.losses.SparseCategoricalCrossentropy', `Keras works on probabilities (from_logits=False, the default) or logits (from_logits=True), not log-probabilities: feed it the logits with from_logits=True. ${KERAS_LOSS_ORDER}; ${CLASS_AXIS}.`)] },
  BCELoss: { kind: 'class', summary: 'Binary cross-entropy on probabilities in [0, 1] (after a sigmoid); numerically less stable than BCEWithLogitsLoss and unsafe under autocast.', tags: T, equivalents: [eq('keras.losses.BinaryCrossentropy', `Default from_logits=False matches this probability input. ${KERAS_LOSS_ORDER}. ${BCE_CLIPPING}`)] },
  BCEWithLogitsLoss: { kind: 'class', summary: 'Sigmoid plus binary cross-entropy in one numerically stable op on raw logits; pos_weight rebalances positives. Targets are floats.', tags: T, equivalents: [eq('keras.losses.BinaryCrossentropy', `Pass from_logits=True. ${KERAS_LOSS_ORDER}.`), eq('tensorflow.nn.sigmoid_cross_entropy_with_logits', `${TF_NN_LOSS_ORDER}, and TF returns per-element losses without reduction.`)] },
  MSELoss: { kind: 'class', summary: 'Mean squared error between input and target; reduction "mean" by default.', tags: T, equivalents: [eq('keras.losses.MeanSquaredError', SYMMETRIC_LOSS)] },
  L1Loss: { kind: 'class', summary: 'Mean absolute error between input and target.', tags: T, equivalents: [eq('keras.losses.MeanAbsoluteError', SYMMETRIC_LOSS)] },
  SmoothL1Loss: { kind: 'class', summary: 'Quadratic below beta (1.0 by default) and linear above; equals HuberLoss divided by beta.', tags: T, equivalents: [eq('keras.losses.Huber', `Keras Huber(delta) matches nn.HuberLoss, not SmoothL1Loss, when delta ≠ 1. ${SYMMETRIC_LOSS}`)] },
  HuberLoss: { kind: 'class', summary: 'Huber loss with threshold delta (1.0 by default); robust to outliers.', tags: T, equivalents: [eq('keras.losses.Huber', SYMMETRIC_LOSS)] },
  KLDivLoss: { kind: 'class', summary: 'KL divergence expecting the input as log-probabilities and target as probabilities (or log-probs with log_target=True); use reduction="batchmean" for the mathematical definition.', tags: T, equivalents: [eq('keras.losses.KLDivergence', 'Keras takes probabilities for both arguments, in (y_true, y_pred) order.')] },
  CTCLoss: { kind: 'class', summary: 'Connectionist temporal classification loss over (T, N, C) log-probabilities, blank index 0 by default, for unaligned sequence labels such as speech.', tags: T },
  CosineEmbeddingLoss: { kind: 'class', summary: 'Pulls pairs together or apart based on cosine similarity and a ±1 label.', tags: T },
  MarginRankingLoss: { kind: 'class', summary: 'Ranking loss for two inputs and a ±1 label saying which should rank higher.', tags: T },
  TripletMarginLoss: { kind: 'class', summary: 'Triplet loss on (anchor, positive, negative) embeddings with a distance margin (1.0 by default).', tags: T },
  MultiLabelSoftMarginLoss: { kind: 'class', summary: 'Multi-label one-versus-all loss on logits and 0/1 targets.', tags: T },
  PoissonNLLLoss: { kind: 'class', summary: 'Negative log-likelihood for Poisson-distributed targets; expects log-rate input by default.', tags: T, equivalents: [eq('keras.losses.Poisson', 'Keras expects the rate itself, not its log, and takes (y_true, y_pred) where PyTorch takes (log_input, target).')] },
  GaussianNLLLoss: { kind: 'class', summary: 'Gaussian negative log-likelihood given predicted mean and variance.', tags: T },
  HingeEmbeddingLoss: { kind: 'class', summary: 'Hinge-style loss for inputs labelled 1 or -1, used for similarity learning.', tags: T },
});
