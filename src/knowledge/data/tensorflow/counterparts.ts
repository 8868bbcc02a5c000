/** TF and Keras APIs that PyTorch entries name as their nearest counterparts: activations, initializers, more layers, linalg, FFT. */
import { defineGroup, docsUrl } from '../../define';
import type { EntrySpec } from '../../define';
import { DROPOUT_TRAINING, initialWeights, rnnInitialWeights } from '../pairs';

const KERAS_API = 'https://github.com/keras-team/keras/tree/master/keras/api';
const KERAS_VERIFIED = 'Keras 3.16 (keras-team/keras keras/api, snapshot of 2026-08-21), read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27';
const GOLDEN = 'https://github.com/tensorflow/tensorflow/tree/master/tensorflow/tools/api/golden/v2';
const TF_DOCS_VERIFIED = 'tensorflow.org API docs (v2.21.0 source links) and TF2 API golden files, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27';
const tfKerasDocs = (name: string) => docsUrl.tf(name.replace(/^keras\./, 'tensorflow.keras.'));

/** An entry with one PyTorch counterpart. */
function with1(kind: EntrySpec['kind'], summary: string, tags: string[], torch: string, note?: string): EntrySpec {
  return { kind, summary, tags, equivalents: [{ name: torch, ...(note ? { note } : {}) }] };
}

const IN_PLACE = 'torch.nn.init functions fill an existing tensor in place; Keras initializers are objects passed as kernel_initializer=.';

const keras = defineGroup({ framework: 'keras', module: 'keras', verified: KERAS_VERIFIED, sources: [KERAS_API], docs: tfKerasDocs }, {
  activations: { kind: 'module', summary: 'Activation functions as plain functions, usable by name in layers (activation="relu") or called on tensors.', docs: 'https://keras.io/api/layers/activations/', equivalents: [{ name: 'torch.nn.functional', note: 'PyTorch also offers each activation as a module class in torch.nn.' }] },
  'activations.relu': with1('function', 'Rectified linear unit; negative_slope, max_value and threshold turn it into leaky or capped variants.', ['sequential-model'], 'torch.nn.functional.relu'),
  'activations.elu': with1('function', 'Exponential linear unit: x for x > 0, alpha * (exp(x) - 1) otherwise, alpha 1.0 by default.', ['sequential-model'], 'torch.nn.functional.elu'),
  'activations.selu': with1('function', 'Scaled ELU with fixed constants, for self-normalising networks (use with lecun_normal initialisation).', ['sequential-model'], 'torch.nn.functional.selu'),
  'activations.gelu': with1('function', 'Gaussian error linear unit; approximate=True switches to the tanh approximation.', ['sequential-model'], 'torch.nn.functional.gelu', 'PyTorch selects the approximation with approximate="tanh".'),
  'activations.silu': with1('function', 'SiLU / swish: x * sigmoid(x).', ['sequential-model'], 'torch.nn.functional.silu'),
  'activations.sigmoid': with1('function', 'Logistic sigmoid, 1 / (1 + exp(-x)).', ['sequential-model'], 'torch.sigmoid'),
  'activations.tanh': with1('function', 'Hyperbolic tangent activation.', ['sequential-model'], 'torch.tanh'),
  'activations.softplus': with1('function', 'Softplus, log(1 + exp(x)).', ['sequential-model'], 'torch.nn.functional.softplus', 'PyTorch adds beta and a threshold above which it returns x.'),
  'activations.softmax': with1('function', 'Softmax over the last axis by default (axis=-1).', ['sequential-model'], 'torch.nn.functional.softmax', 'F.softmax needs dim given explicitly.'),

  initializers: { kind: 'module', summary: 'Weight initializers passed to layers as kernel_initializer / bias_initializer, by object or by name ("glorot_uniform", "he_normal"...).', equivalents: [{ name: 'torch.nn.init', note: 'Keras Dense and Conv layers default to glorot_uniform kernels and zero biases; PyTorch layers use their own reset_parameters().' }] },
  'initializers.GlorotUniform': with1('class', 'Xavier/Glorot uniform: samples in [-limit, limit] with limit = sqrt(6 / (fan_in + fan_out)); the Keras default kernel initializer.', ['custom-layer'], 'torch.nn.init.xavier_uniform_', IN_PLACE),
  'initializers.GlorotNormal': with1('class', 'Xavier/Glorot normal: truncated normal with stddev sqrt(2 / (fan_in + fan_out)).', ['custom-layer'], 'torch.nn.init.xavier_normal_', 'PyTorch samples from an untruncated normal.'),
  'initializers.HeNormal': with1('class', 'He normal: truncated normal with stddev sqrt(2 / fan_in), suited to ReLU layers.', ['custom-layer'], 'torch.nn.init.kaiming_normal_', 'Same standard deviation with the defaults (kaiming_normal_ uses the leaky_relu gain with a=0, which is sqrt(2)); Keras truncates the normal at two standard deviations, PyTorch does not.'),
  'initializers.HeUniform': with1('class', 'He uniform: samples in [-limit, limit] with limit = sqrt(6 / fan_in).', ['custom-layer'], 'torch.nn.init.kaiming_uniform_', 'Pass nonlinearity="relu" in PyTorch for the same limit.'),
  'initializers.Orthogonal': with1('class', 'Fills weights with a (semi-)orthogonal matrix scaled by gain, often used for recurrent kernels.', ['custom-layer'], 'torch.nn.init.orthogonal_'),
  'initializers.RandomNormal': with1('class', 'Normal distribution with mean 0.0 and stddev 0.05 by default.', ['custom-layer'], 'torch.nn.init.normal_', 'torch.nn.init.normal_ defaults to std 1.0.'),
  'initializers.RandomUniform': with1('class', 'Uniform distribution in [-0.05, 0.05] by default.', ['custom-layer'], 'torch.nn.init.uniform_', 'torch.nn.init.uniform_ defaults to [0, 1).'),
  'initializers.TruncatedNormal': with1('class', 'Normal distribution (stddev 0.05 by default) where values beyond two standard deviations are redrawn.', ['custom-layer'], 'torch.nn.init.trunc_normal_', 'trunc_normal_ defaults to std 1.0 with absolute cut-offs a=-2, b=2.'),
  'initializers.Constant': with1('class', 'Fills weights with one given value.', ['custom-layer'], 'torch.nn.init.constant_'),
  'initializers.Zeros': with1('class', 'Fills weights with zeros; the default bias initializer of Keras layers.', ['custom-layer'], 'torch.nn.init.zeros_'),
  'initializers.Ones': with1('class', 'Fills weights with ones, e.g. for normalisation scales.', ['custom-layer'], 'torch.nn.init.ones_'),

  'layers.AlphaDropout': with1('class', 'Dropout that keeps the mean and variance of its inputs, meant for SELU networks; active only in training.', ['sequential-model'], 'torch.nn.AlphaDropout', `${DROPOUT_TRAINING}; p defaults to 0.5.`),
  'layers.SpatialDropout1D': with1('class', 'Drops whole feature channels of (batch, steps, channels) input instead of single elements.', ['sequential-model'], 'torch.nn.Dropout1d', `Dropout1d reads (N, C, L), channels first: transpose (batch, steps, channels) input, or it drops along the wrong axis. ${DROPOUT_TRAINING}.`),
  'layers.AveragePooling1D': with1('class', 'Average pooling over the steps axis of channels_last input; pool_size is required in Keras 3 (MaxPooling1D defaults it to 2), strides default to pool_size.', ['sequential-model'], 'torch.nn.AvgPool1d', 'kernel_size is required in PyTorch, and input is (N, C, L).'),
  'layers.AveragePooling3D': with1('class', 'Average pooling over three spatial axes of channels_last volumes.', ['sequential-model'], 'torch.nn.AvgPool3d', 'PyTorch uses (N, C, D, H, W).'),
  'layers.MaxPooling3D': with1('class', 'Max pooling over three spatial axes of channels_last volumes; pool_size (2, 2, 2) by default.', ['sequential-model'], 'torch.nn.MaxPool3d', 'PyTorch uses (N, C, D, H, W) and needs kernel_size.'),
  'layers.Conv1DTranspose': with1('class', 'Transposed 1-D convolution for upsampling sequences; input channels are inferred.', ['sequential-model'], 'torch.nn.ConvTranspose1d', `PyTorch needs in_channels and uses (N, C, L); the kernel (k, filters, in) becomes a weight (in, out, k). ${initialWeights('out/groups × k')}`),
  'layers.Conv3DTranspose': with1('class', 'Transposed 3-D convolution for upsampling volumes; input channels are inferred.', ['sequential-model'], 'torch.nn.ConvTranspose3d', `PyTorch needs in_channels and uses (N, C, D, H, W); the kernel (kd, kh, kw, filters, in) becomes a weight (in, out, kd, kh, kw). ${initialWeights('out/groups × kd × kh × kw')}`),
  'layers.SimpleRNNCell': with1('class', 'One step of a fully connected RNN (tanh by default); wrap it in keras.layers.RNN to run over a sequence.', ['sequential-model'], 'torch.nn.RNNCell', `RNNCell needs input_size and is called step by step in a Python loop. ${rnnInitialWeights(false)}`),
  'layers.SpectralNormalization': with1('class', 'Wrapper that divides a layer\u2019s kernel by its largest singular value, estimated by power iteration, to stabilise GAN training.', ['custom-layer'], 'torch.nn.utils.parametrizations.spectral_norm', 'PyTorch registers a parametrization on an existing module instead of wrapping it, and divides the weight by its estimate on every forward, in eval mode too; Keras normalises only in training calls and writes the result into the kernel, so before the first training call it runs with the raw kernel.'),

  'losses.Poisson': with1('class', 'Poisson loss mean(y_pred - y_true * log(y_pred)); y_pred are predicted rates, not logs.', ['loss-metrics'], 'torch.nn.PoissonNLLLoss', 'PoissonNLLLoss expects log-rates by default; pass log_input=False to feed rates as Keras does. Keras takes (y_true, y_pred), PyTorch (log_input, target).'),
  'utils.pad_sequences': with1('function', 'Pads or truncates a list of integer sequences to one length and returns a NumPy array; pads and truncates at the start ("pre") by default.', ['data-pipeline'], 'torch.nn.utils.rnn.pad_sequence', 'pad_sequence pads at the end to the longest sequence, never truncates, and returns (T, B) unless batch_first=True.'),
  'saving.save_weights': with1('function', 'Writes a model\u2019s weights to a file whose name must end in .weights.h5; model.save_weights(path) calls it.', ['checkpoints'], 'torch.save', 'PyTorch saves model.state_dict() with torch.save.'),
  'saving.load_weights': with1('function', 'Loads weights saved by save_weights into a model of the same architecture; model.load_weights(path) calls it.', ['checkpoints'], 'torch.load', 'PyTorch loads the state_dict with torch.load and applies it with model.load_state_dict.'),
});

const tf = defineGroup({ framework: 'tensorflow', module: 'tensorflow', verified: TF_DOCS_VERIFIED, sources: [GOLDEN], docs: docsUrl.tf }, {
  'nn.gelu': { ...with1('function', 'Gaussian error linear unit; exact by default, approximate=True uses the tanh formula.', ['tensors'], 'torch.nn.functional.gelu', 'PyTorch selects the approximation with approximate="tanh".'), sources: ['https://www.tensorflow.org/api_docs/python/tf/nn/gelu'] },
  'nn.depth_to_space': { ...with1('function', 'Moves blocks of channel data into spatial blocks, enlarging height and width by block_size (NHWC by default); used for sub-pixel upsampling.', ['tensors'], 'torch.nn.functional.pixel_shuffle', 'pixel_shuffle works on NCHW and orders the channel blocks differently, so weights need reordering to match.'), sources: [`${GOLDEN}/tensorflow.nn.pbtxt`] },
  norm: { ...with1('function', 'Vector or matrix norm; with the default ord="euclidean" and no axis it is the 2-norm of all elements.', ['tensors'], 'torch.linalg.norm'), sources: [`${GOLDEN}/tensorflow.pbtxt`] },
  'random.set_seed': { ...with1('function', 'Sets the global random seed; ops then derive their seeds from it and their own op seed, so results repeat across runs.', ['training-loop'], 'torch.manual_seed', 'keras.utils.set_random_seed also seeds Python and NumPy.'), sources: [`${GOLDEN}/tensorflow.random.pbtxt`] },
  'config.list_physical_devices': { ...with1('function', 'Lists the devices TensorFlow can see, optionally of one type: list_physical_devices("GPU") is empty when no GPU is usable.', ['distributed'], 'torch.cuda.is_available', 'torch.cuda.device_count() gives the number of GPUs.'), sources: [`${GOLDEN}/tensorflow.config.pbtxt`] },
  'linalg.eigh': { ...with1('function', 'Eigenvalues and eigenvectors of (batches of) self-adjoint matrices, eigenvalues in ascending order.', ['tensors'], 'torch.linalg.eigh'), sources: [`${GOLDEN}/tensorflow.linalg.pbtxt`] },
  'linalg.qr': { ...with1('function', 'QR decomposition of (batches of) matrices; reduced by default, full_matrices=True for the complete factors.', ['tensors'], 'torch.linalg.qr', 'PyTorch selects the form with mode="reduced" or "complete".'), sources: [`${GOLDEN}/tensorflow.linalg.pbtxt`] },
  'linalg.lstsq': { ...with1('function', 'Least-squares solution of matrix @ x = rhs, with an optional l2_regularizer.', ['tensors'], 'torch.linalg.lstsq', 'torch.linalg.lstsq returns a named tuple; the answer is its solution field.'), sources: [`${GOLDEN}/tensorflow.linalg.pbtxt`] },
  'linalg.pinv': { ...with1('function', 'Moore-Penrose pseudo-inverse of (batches of) matrices, computed through the SVD.', ['tensors'], 'torch.linalg.pinv', 'The default cut-off for small singular values differs.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/linalg/pinv'] },
  'math.reduce_std': { ...with1('function', 'Standard deviation over the given axes (all by default), the population (biased) value.', ['tensors'], 'torch.std', 'torch.std is unbiased by default; pass correction=0 (unbiased=False in 1.x) to match.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/math/reduce_std'] },
  'math.reduce_variance': { ...with1('function', 'Variance over the given axes (all by default), the population (biased) value.', ['tensors'], 'torch.var', 'torch.var is unbiased by default; pass correction=0 (unbiased=False in 1.x) to match.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/math/reduce_variance'] },
  'math.top_k': { ...with1('function', 'Values and indices of the k largest entries along the last axis (also exported as tf.nn.top_k).', ['tensors'], 'torch.topk', 'torch.topk takes dim and largest=False for the smallest entries.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/math/top_k'] },
  'signal.rfft': { ...with1('function', 'FFT of a real signal over the innermost axis, returning the fft_length / 2 + 1 non-negative frequency terms.', ['tensors'], 'torch.fft.rfft', 'torch.fft.rfft takes n and dim; TF takes fft_length as a list and always uses the last axis.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/signal/rfft'] },
  'signal.irfft': { ...with1('function', 'Inverse of rfft over the innermost axis, giving a real signal; pass fft_length when the original length was odd.', ['tensors'], 'torch.fft.irfft', 'torch.fft.irfft takes n and dim; TF takes fft_length as a list and always uses the last axis.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/signal/irfft'] },
  'signal.ifft': { ...with1('function', 'Inverse 1-D FFT over the innermost axis of a complex tensor.', ['tensors'], 'torch.fft.ifft', 'torch.fft.ifft also accepts real input and takes n, dim and norm.'), sources: ['https://www.tensorflow.org/api_docs/python/tf/signal/ifft'] },
  'signal.fftshift': { ...with1('function', 'Moves the zero-frequency term to the centre of the spectrum, over all axes by default.', ['tensors'], 'torch.fft.fftshift'), sources: ['https://www.tensorflow.org/api_docs/python/tf/signal/fftshift'] },
});

export default [...keras, ...tf];
