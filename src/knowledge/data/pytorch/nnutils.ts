/** torch.nn.init initialisers and torch.nn.utils helpers (gradient clipping, RNN packing, parametrizations). */
import { defineGroup } from '../../define';
import { VERIFIED_113, eq, generated, page } from './common';

const INIT = page('nn.init.html');
const I = { framework: 'pytorch' as const, module: 'torch.nn.init', verified: VERIFIED_113, sources: [INIT], docs: (n: string) => `${INIT}#${n}` };
const U = { framework: 'pytorch' as const, module: 'torch.nn.utils', verified: VERIFIED_113, sources: [page('nn.html', 'utilities')], docs: generated };

export default [
  ...defineGroup(I, {
    xavier_uniform_: { kind: 'function', summary: 'Fills a tensor in place with Glorot/Xavier uniform values scaled by fan-in and fan-out (gain 1 by default).', tags: ['custom-layer'], equivalents: [eq('keras.initializers.GlorotUniform', 'The default kernel initializer of Keras Dense and Conv layers.')] },
    xavier_normal_: { kind: 'function', summary: 'Fills a tensor in place with Glorot/Xavier normal values.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.GlorotNormal', 'Keras uses a truncated normal.')] },
    kaiming_uniform_: { kind: 'function', summary: 'He/Kaiming uniform initialisation for ReLU-family layers; mode fan_in and nonlinearity leaky_relu by default.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.HeUniform')] },
    kaiming_normal_: { kind: 'function', summary: 'He/Kaiming normal initialisation; mode fan_in by default.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.HeNormal', 'Same standard deviation with the defaults; Keras draws from a normal truncated at two standard deviations.')] },
    normal_: { kind: 'function', summary: 'Fills a tensor in place from a normal distribution (mean 0, std 1 by default).', tags: ['custom-layer'], equivalents: [eq('keras.initializers.RandomNormal', 'Keras stddev defaults to 0.05.')] },
    uniform_: { kind: 'function', summary: 'Fills a tensor in place from a uniform distribution on [a, b], 0..1 by default.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.RandomUniform', 'Keras range defaults to -0.05..0.05.')] },
    trunc_normal_: { kind: 'function', summary: 'Fills a tensor from a normal distribution truncated to [a, b] (absolute bounds, -2..2 by default).', tags: ['custom-layer'], equivalents: [eq('keras.initializers.TruncatedNormal', 'Keras truncates at two standard deviations, relative to the mean.')] },
    constant_: { kind: 'function', summary: 'Fills a tensor in place with a constant value.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.Constant')] },
    zeros_: { kind: 'function', summary: 'Fills a tensor in place with zeros, e.g. for biases.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.Zeros')] },
    ones_: { kind: 'function', summary: 'Fills a tensor in place with ones.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.Ones')] },
    orthogonal_: { kind: 'function', summary: 'Fills a tensor with a (semi-)orthogonal matrix, often used for RNN weights.', tags: ['custom-layer'], equivalents: [eq('keras.initializers.Orthogonal')] },
  }),
  ...defineGroup(U, {
    clip_grad_norm_: { kind: 'function', summary: 'Rescales gradients in place so their total norm is at most max_norm and returns the original norm; call after backward (and after scaler.unscale_ with AMP).', tags: ['training-loop'], equivalents: [eq('tensorflow.clip_by_global_norm', 'TF returns a tuple (the clipped tensors, the norm before clipping) and leaves its input unchanged; clip_grad_norm_ rescales each .grad in place and returns only the norm.'), eq('keras.optimizers.Optimizer', 'Pass global_clipnorm to a Keras optimizer: it clips by the norm of all gradients together, as clip_grad_norm_ does, while clipnorm clips each gradient by its own norm.')] },
    clip_grad_value_: { kind: 'function', summary: 'Clamps every gradient element in place to [-clip_value, clip_value].', tags: ['training-loop'], equivalents: [eq('tensorflow.clip_by_value')] },
    parameters_to_vector: { kind: 'function', summary: 'Flattens an iterable of parameters into one 1-D tensor.' },
    vector_to_parameters: { kind: 'function', summary: 'Makes each parameter a view of its slice of a 1-D tensor (the inverse of parameters_to_vector); nothing is copied, so later in-place changes to the vector change the parameters.' },
    rnn: { kind: 'module', summary: 'Helpers for variable-length sequences: padding and packing for the recurrent layers.', docs: page('nn.html', 'utilities') },
    parametrizations: { kind: 'module', summary: 'Parametrizations registered on module weights, such as orthogonal, spectral_norm and (in 2.x) weight_norm.', docs: page('nn.html', 'utilities') },
  }),
  ...defineGroup({ ...U, module: 'torch.nn.utils.rnn' }, {
    pad_sequence: { kind: 'function', summary: 'Pads a list of variable-length tensors into one tensor; sequence-first unless batch_first=True, padding_value 0.', tags: ['data-pipeline'], equivalents: [eq('keras.utils.pad_sequences', 'Keras pads at the front by default (padding="pre").')] },
    pack_padded_sequence: { kind: 'function', summary: 'Packs a padded batch with known lengths so RNNs skip the padding; enforce_sorted=True by default requires lengths sorted descending.' },
    pad_packed_sequence: { kind: 'function', summary: 'Unpacks an RNN’s PackedSequence output back into a padded tensor plus lengths.' },
    PackedSequence: { kind: 'class', summary: 'Holds the data and batch sizes of a packed batch of variable-length sequences.' },
  }),
  ...defineGroup({ ...U, module: 'torch.nn.utils.parametrizations' }, {
    spectral_norm: { kind: 'function', summary: 'Registers spectral normalisation of a module weight as a parametrization, common in GAN discriminators.', equivalents: [eq('keras.layers.SpectralNormalization', 'Keras wraps a layer and normalises only in training calls, writing the normalised kernel back into the layer: until the first training call it runs with the raw kernel, and its power iteration starts from a random vector. PyTorch runs 15 iterations when it registers, one more per training forward, and divides the weight on every forward, in eval mode too.')] },
    orthogonal: { kind: 'function', summary: 'Constrains a module weight to be orthogonal or unitary through a parametrization.' },
  }),
];
