/** tf.nn, tf.math, tf.linalg, tf.random, tf.image, tf.io and the other TF2 homes of renamed TF1 ops. */
import { defineGroup, docsUrl } from '../../define';
import type { EntrySpec } from '../../define';
import { CLASS_AXIS, CLASS_AXIS_NO_ARG, TF_NN_LOSS_ORDER } from '../pairs';

const GOLDEN = 'https://github.com/tensorflow/tensorflow/tree/master/tensorflow/tools/api/golden/v2';
const RENAMES = 'https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/compatibility/renames_v2.py';

const base = { framework: 'tensorflow' as const, verified: 'TensorFlow API golden files and renames_v2.py, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', docs: docsUrl.tf };

function fn(summary: string, torch?: string, note?: string, tags: string[] = ['tensors']): EntrySpec {
  return { kind: 'function', summary, tags, ...(torch ? { equivalents: [{ name: torch, ...(note ? { note } : {}) }] } : {}) };
}

const nn = defineGroup({ ...base, module: 'tensorflow.nn', sources: [`${GOLDEN}/tensorflow.nn.pbtxt`] }, {
  relu: fn('Rectified linear unit, max(x, 0).', 'torch.nn.functional.relu'),
  relu6: fn('ReLU capped at 6, used in MobileNets.', 'torch.nn.functional.relu6'),
  leaky_relu: fn('Leaky ReLU; default alpha 0.2.', 'torch.nn.functional.leaky_relu', 'PyTorch default negative_slope is 0.01.'),
  elu: fn('Exponential linear unit.', 'torch.nn.functional.elu'),
  selu: fn('Scaled ELU for self-normalising networks.', 'torch.nn.functional.selu'),
  swish: fn('Swish / SiLU activation, x * sigmoid(x).', 'torch.nn.functional.silu'),
  softplus: fn('Softplus activation, log(1 + exp(x)).', 'torch.nn.functional.softplus'),
  sigmoid: fn('Logistic sigmoid activation, 1 / (1 + exp(-x)).', 'torch.sigmoid'),
  softmax: fn('Softmax over the last axis by default.', 'torch.nn.functional.softmax', 'F.softmax needs dim given explicitly.'),
  log_softmax: fn('Log of softmax, computed stably.', 'torch.nn.functional.log_softmax', 'F.log_softmax needs dim given explicitly.'),
  dropout: fn('Drops elements with probability rate and scales the rest by 1/(1-rate); always active, unlike the Keras layer.', 'torch.nn.functional.dropout', 'F.dropout is active only when training=True (the default).'),
  conv1d: fn('1-D convolution on NWC input by default.', 'torch.nn.functional.conv1d', 'PyTorch expects NCW input and (out, in, k) weights.'),
  conv2d: fn('2-D convolution; input NHWC and filters [h, w, in, out] by default.', 'torch.nn.functional.conv2d', 'PyTorch uses NCHW input and [out, in, h, w] weights.'),
  conv2d_transpose: fn('Transposed 2-D convolution with an explicit output shape; padding defaults to "SAME".', 'torch.nn.functional.conv_transpose2d', 'PyTorch takes NCHW input, weight (in, out/groups, kH, kW), no output shape, and padding 0 by default.'),
  conv3d: fn('3-D convolution on NDHWC input with filters [d, h, w, in, out].', 'torch.nn.functional.conv3d', 'PyTorch uses NCDHW input and [out, in, d, h, w] weights.'),
  depthwise_conv2d: fn('Depthwise 2-D convolution (one filter set per input channel).', 'torch.nn.functional.conv2d', 'Use groups=in_channels in PyTorch; the filter [h, w, in, multiplier] becomes a weight (in * multiplier, 1, h, w): permute to (in, multiplier, h, w), then reshape.'),
  separable_conv2d: fn('Depthwise then pointwise 2-D convolution.'),
  max_pool: fn('Max pooling; data_format NHWC by default.', 'torch.nn.functional.max_pool2d', 'NCHW in PyTorch.'),
  avg_pool: fn('Average pooling; NHWC by default.', 'torch.nn.functional.avg_pool2d'),
  bias_add: fn('Adds a bias vector along the channel axis.'),
  batch_normalization: fn('Normalises with given mean and variance, then scales and shifts.', 'torch.nn.functional.batch_norm'),
  moments: fn('Mean and variance over axes.', 'torch.var_mean', 'torch.var_mean returns (var, mean) and uses Bessel correction unless correction=0.'),
  l2_normalize: fn('Divides by the L2 norm along an axis, or over the whole tensor when axis is None (the default); epsilon bounds the squared norm.', 'torch.nn.functional.normalize', 'F.normalize uses dim=1 when no dim is given (TF axis=None normalises the whole tensor) and its eps bounds the norm itself.'),
  l2_loss: fn('Half the sum of squares, used for weight decay.', undefined, undefined, ['loss-metrics']),
  embedding_lookup: fn('Gathers rows of an embedding matrix by id.', 'torch.nn.functional.embedding', 'The arguments come the other way round: F.embedding(input, weight) takes the ids first.'),
  softmax_cross_entropy_with_logits: fn('Cross-entropy between one-hot or soft labels and logits, per example.', 'torch.nn.functional.cross_entropy', `${TF_NN_LOSS_ORDER}; ${CLASS_AXIS}. F.cross_entropy also accepts class indices and averages by default.`, ['loss-metrics']),
  sparse_softmax_cross_entropy_with_logits: fn('Cross-entropy between integer labels and logits, per example (no reduction).', 'torch.nn.functional.cross_entropy', `${TF_NN_LOSS_ORDER}; ${CLASS_AXIS_NO_ARG}. Use reduction="none" for per-example values.`, ['loss-metrics']),
  sigmoid_cross_entropy_with_logits: fn('Element-wise binary cross-entropy on logits.', 'torch.nn.functional.binary_cross_entropy_with_logits', `${TF_NN_LOSS_ORDER}; PyTorch averages by default (reduction="mean").`, ['loss-metrics']),
  ctc_loss: fn('Connectionist temporal classification loss.', 'torch.nn.functional.ctc_loss', undefined, ['loss-metrics']),
  in_top_k: fn('Whether each target is in the top-k predictions.', undefined, undefined, ['loss-metrics']),
});

const math = defineGroup({ ...base, module: 'tensorflow', sources: [RENAMES] }, {
  'math.log': fn('Natural logarithm (TF1 tf.log).', 'torch.log'),
  'math.log1p': fn('log(1 + x), accurate near zero.', 'torch.log1p'),
  'math.ceil': fn('Element-wise ceiling.', 'torch.ceil'),
  'math.floordiv': fn('Element-wise floor division (rounds toward minus infinity).', 'torch.floor_divide'),
  'math.floormod': fn('Remainder with the sign of the divisor (Python %).', 'torch.remainder'),
  'math.divide_no_nan': fn('Division that returns 0 where the divisor is 0.'),
  'math.squared_difference': fn('(x - y)^2 element-wise.'),
  'math.rsqrt': fn('Reciprocal square root.', 'torch.rsqrt'),
  'math.reciprocal': fn('Element-wise reciprocal, 1 / x.', 'torch.reciprocal'),
  'math.erf': fn('Gauss error function.', 'torch.erf'),
  'math.is_nan': fn('Element-wise NaN test.', 'torch.isnan'),
  'linalg.svd': fn('Singular value decomposition; returns s, u, v (v not transposed).', 'torch.linalg.svd', 'torch.linalg.svd returns U, S, Vh with Vh already conjugate-transposed.'),
  'linalg.inv': fn('Inverse of square matrices (batched).', 'torch.linalg.inv'),
  'linalg.det': fn('Determinant of square matrices (batched).', 'torch.linalg.det'),
  'linalg.solve': fn('Solves the linear systems A X = B (batched).', 'torch.linalg.solve'),
  'linalg.cholesky': fn('Cholesky factor of a positive-definite matrix.', 'torch.linalg.cholesky'),
  'linalg.matrix_transpose': fn('Transposes the last two dimensions.', 'torch.transpose', 'Pass the two dims: torch.transpose(x, -2, -1), or x.mT.'),
  'linalg.trace': fn('Sum of the diagonal of the last two dimensions.', 'torch.trace', 'torch.trace works on 2-D input only.'),
  'linalg.tensor_diag': fn('Builds a diagonal tensor from a tensor (TF1 tf.diag).', 'torch.diag'),
  'signal.fft': fn('1-D FFT over the innermost dimension of a complex tensor.', 'torch.fft.fft'),
  'random.normal': fn('Samples from a normal distribution.', 'torch.randn', 'torch.normal takes mean/std tensors; randn is standard normal.'),
  'random.uniform': fn('Samples uniformly in [minval, maxval).', 'torch.rand'),
  'random.truncated_normal': fn('Normal samples re-drawn when more than 2 standard deviations from the mean.', 'torch.nn.init.trunc_normal_'),
  'random.shuffle': fn('Shuffles a tensor along its first dimension.', 'torch.randperm', 'Index with torch.randperm(n).'),
  'debugging.check_numerics': fn('Fails if a tensor holds NaN or Inf.'),
  'strings.join': fn('Joins string tensors element-wise.'),
  'sparse.to_dense': fn('Converts a SparseTensor to a dense tensor.', 'torch.Tensor.to_dense'),
  'queue.FIFOQueue': { kind: 'class', summary: 'TF1-era first-in-first-out queue; tf.data replaces queues for input pipelines.', replacement: { name: 'tensorflow.data.Dataset', note: 'Build input pipelines with tf.data instead of queues.' } },
  'distribute.Server': { kind: 'class', summary: 'An in-process TensorFlow server for a cluster job (TF1 tf.train.Server).', tags: ['distributed'] },
});

/** Where torchvision's ColorJitter computes brightness and contrast (blends with zeros, with the grayscale mean). */
const COLOR_JITTER = 'https://github.com/pytorch/vision/blob/main/torchvision/transforms/_functional_tensor.py';

const image = defineGroup({ ...base, module: 'tensorflow.image', sources: [`${GOLDEN}/tensorflow.image.pbtxt`] }, {
  resize: fn('Resizes images to a size with a chosen method (bilinear by default).', 'torch.nn.functional.interpolate', 'interpolate works on NCHW tensors; TF works on NHWC. Bilinear matches align_corners=False; TF method "nearest" matches PyTorch mode "nearest-exact", not "nearest".', ['augmentation', 'data-pipeline']),
  resize_with_crop_or_pad: { ...fn('Centre-crops or zero-pads an image to a target size (TF1 resize_image_with_crop_or_pad).', undefined, undefined, ['augmentation']), sources: [RENAMES] },
  random_crop: { ...fn('Randomly crops a tensor to a given size (TF1 tf.random_crop).', 'torchvision.transforms.RandomCrop', undefined, ['augmentation']), sources: [RENAMES] },
  central_crop: fn('Crops the central fraction of an image.', 'torchvision.transforms.CenterCrop', 'CenterCrop takes an output size, not a fraction.', ['augmentation']),
  flip_left_right: fn('Mirrors images horizontally.', 'torch.flip', undefined, ['augmentation']),
  random_flip_left_right: fn('Mirrors images horizontally with probability 0.5.', 'torchvision.transforms.RandomHorizontalFlip', undefined, ['augmentation']),
  random_brightness: {
    ...fn(
      'Adds one random delta, drawn from [-max_delta, max_delta], to every pixel; values are not clipped.',
      'torchvision.transforms.ColorJitter',
      'ColorJitter(brightness=b) multiplies the image by a factor drawn from [max(0, 1 - b), 1 + b] and clips to the valid range, where random_brightness adds a delta.',
      ['augmentation'],
    ),
    verified: 'TensorFlow 2.21.0 installed (one delta added to every pixel, no clipping), 2026-12-08; torchvision source (adjust_brightness blends with zeros, ColorJitter docstring)',
    sources: [`${GOLDEN}/tensorflow.image.pbtxt`, COLOR_JITTER],
  },
  random_contrast: {
    ...fn(
      'Scales contrast by a random factor in [lower, upper], around the mean of each channel.',
      'torchvision.transforms.ColorJitter',
      'ColorJitter(contrast=c) blends toward the mean of the grayscale image (one value for all channels), where random_contrast scales each channel around its own mean.',
      ['augmentation'],
    ),
    verified: 'TensorFlow 2.21.0 installed (tf.image.adjust_contrast leaves a one-pixel image unchanged: each channel is its own mean), 2026-12-08; torchvision source (adjust_contrast blends toward the grayscale mean)',
    sources: [`${GOLDEN}/tensorflow.image.pbtxt`, COLOR_JITTER],
  },
  adjust_brightness: fn('Adds a fixed delta to image brightness.', undefined, undefined, ['augmentation']),
  convert_image_dtype: fn('Converts image dtype and rescales values (e.g. uint8 0-255 to float 0-1).', 'torchvision.transforms.ToTensor', 'ToTensor takes a PIL image or NumPy array, not a tensor, moves channels to CHW and rescales only uint8 input (dividing by 255): other integer types, such as 16-bit images, come back unscaled.', ['data-pipeline']),
  per_image_standardization: fn('Scales each image to zero mean and unit variance.', undefined, undefined, ['data-pipeline']),
  rgb_to_grayscale: fn('Converts RGB images to grayscale.', 'torchvision.transforms.Grayscale', undefined, ['augmentation']),
  decode_jpeg: fn('Decodes JPEG bytes to a uint8 tensor (HWC).', 'torchvision.io.decode_jpeg', 'torchvision returns CHW.', ['data-pipeline']),
  non_max_suppression: fn('Selects boxes by descending score, dropping overlaps above an IoU threshold.', 'torchvision.ops.nms'),
});

const io = defineGroup({ ...base, module: 'tensorflow.io', sources: [`${GOLDEN}/tensorflow.io.pbtxt`] }, {
  read_file: fn('Reads a whole file into a string tensor (TF1 tf.read_file).', undefined, undefined, ['data-pipeline']),
  write_file: fn('Writes a string tensor to a file (TF1 tf.write_file).'),
  decode_image: fn('Decodes BMP, GIF, JPEG or PNG bytes.', 'torchvision.io.decode_image', undefined, ['data-pipeline']),
  decode_csv: fn('Parses CSV records into tensors.', undefined, undefined, ['data-pipeline']),
  parse_single_example: fn('Parses one serialised tf.train.Example using a feature spec.', undefined, undefined, ['data-pipeline']),
  parse_example: fn('Parses a batch of serialised tf.train.Example records.', undefined, undefined, ['data-pipeline']),
  serialize_tensor: fn('Serialises a tensor to a string tensor.'),
  parse_tensor: fn('Parses a serialised tensor back.'),
  write_graph: fn('Writes a graph proto to a file (TF1 tf.train.write_graph).'),
  gfile: { kind: 'module', summary: 'File I/O that works on local disks and TF file systems such as GCS.' },
  TFRecordWriter: { kind: 'class', summary: 'Writes records to a TFRecord file (TF1 tf.python_io.TFRecordWriter).', tags: ['data-pipeline'] },
  FixedLenFeature: { kind: 'class', summary: 'Feature spec for fixed-length features when parsing tf.train.Example.', tags: ['data-pipeline'] },
  VarLenFeature: { kind: 'class', summary: 'Feature spec for variable-length features; parses to a SparseTensor.', tags: ['data-pipeline'] },
});

const nnModule = defineGroup({ ...base, module: '', sources: [`${GOLDEN}/tensorflow.pbtxt`] }, {
  'tensorflow.nn': { kind: 'module', summary: 'Low-level neural-network ops: activations, convolutions, pooling, normalisation and losses on logits.', equivalents: [{ name: 'torch.nn.functional', note: 'Both are functional; TF defaults to channels-last (NHWC) layouts.' }] },
  'tensorflow.image': { kind: 'module', summary: 'Image ops for decoding, resizing, cropping, colour changes and random augmentation.', tags: ['augmentation'], equivalents: [{ name: 'torchvision.transforms' }] },
  'tensorflow.io': { kind: 'module', summary: 'File and record I/O: reading files, TFRecords, parsing tf.train.Example, decoding images.', tags: ['data-pipeline'] },
});

export default [...nnModule, ...nn, ...math, ...image, ...io];
