/** Everyday torch tensor ops, dtypes and Tensor methods that TensorFlow entries point to as their counterparts. */
import { defineGroup } from '../../define';
import { DOCS, VERIFIED_113, eq, generated, page } from './common';

const SOURCES = [`${DOCS}/torch.html`, 'https://github.com/pytorch/pytorch/blob/main/torch/__init__.py'];
const D = { framework: 'pytorch' as const, verified: VERIFIED_113, sources: SOURCES, docs: generated };
const T = ['tensors'];

export default [
  ...defineGroup({ ...D, module: 'torch' }, {
    add: { kind: 'function', summary: 'Element-wise sum with broadcasting; the optional alpha multiplies the second operand first. The + operator calls it.', tags: T, equivalents: [eq('tensorflow.add', 'No alpha argument in TF.')] },
    sub: { kind: 'function', summary: 'Element-wise difference with broadcasting and an optional alpha scale on the second operand; the - operator calls it.', tags: T, equivalents: [eq('tensorflow.subtract')] },
    mul: { kind: 'function', summary: 'Element-wise product with broadcasting; the * operator calls it. Matrix products are torch.matmul.', tags: T, equivalents: [eq('tensorflow.multiply')] },
    div: { kind: 'function', summary: 'Element-wise true division; rounding_mode="floor" or "trunc" rounds the quotient instead. Integer inputs give a float result by default.', tags: T, equivalents: [eq('tensorflow.divide')] },
    floor_divide: { kind: 'function', summary: 'Element-wise division rounded toward minus infinity, like Python //. Releases before 1.13 truncated toward zero instead.', tags: T, equivalents: [eq('tensorflow.math.floordiv')] },
    remainder: { kind: 'function', summary: 'Element-wise remainder whose sign follows the divisor, like Python %; torch.fmod keeps the sign of the dividend.', tags: T, equivalents: [eq('tensorflow.math.floormod')] },
    maximum: { kind: 'function', summary: 'Element-wise maximum of two tensors with broadcasting; NaN propagates. torch.max(a, b) does the same.', tags: T, equivalents: [eq('tensorflow.maximum')] },
    minimum: { kind: 'function', summary: 'Element-wise minimum of two tensors with broadcasting; NaN propagates.', tags: T, equivalents: [eq('tensorflow.minimum')] },
    square: { kind: 'function', summary: 'Squares every element; same as x ** 2 or x * x.', tags: T, equivalents: [eq('tensorflow.square')] },
    rsqrt: { kind: 'function', summary: 'Element-wise reciprocal of the square root, 1 / sqrt(x).', tags: T, equivalents: [eq('tensorflow.math.rsqrt')] },
    reciprocal: { kind: 'function', summary: 'Element-wise 1 / x; integer inputs are promoted to the default float dtype.', tags: T, equivalents: [eq('tensorflow.math.reciprocal')] },
    ceil: { kind: 'function', summary: 'Rounds every element up to the nearest integer, keeping the floating dtype.', tags: T, equivalents: [eq('tensorflow.math.ceil')] },
    erf: { kind: 'function', summary: 'Element-wise Gauss error function, as used by the exact GELU.', tags: T, equivalents: [eq('tensorflow.math.erf')] },
    log1p: { kind: 'function', summary: 'Computes log(1 + x) element-wise, accurate for x close to zero.', tags: T, equivalents: [eq('tensorflow.math.log1p')] },
    isnan: { kind: 'function', summary: 'Returns a boolean tensor that is true where an element is NaN; useful to find where a loss diverged.', tags: T, equivalents: [eq('tensorflow.math.is_nan')] },
    eq: { kind: 'function', summary: 'Element-wise equality test with broadcasting, returning a bool tensor; the == operator calls it. torch.equal compares whole tensors instead.', tags: T, equivalents: [eq('tensorflow.equal')] },
    ne: { kind: 'function', summary: 'Element-wise inequality test with broadcasting, returning a bool tensor; the != operator calls it.', tags: T, equivalents: [eq('tensorflow.not_equal')] },
    gt: { kind: 'function', summary: 'Element-wise a > b with broadcasting, returning a bool tensor; the > operator calls it.', tags: T, equivalents: [eq('tensorflow.greater')] },
    lt: { kind: 'function', summary: 'Element-wise a < b with broadcasting, returning a bool tensor; the < operator calls it.', tags: T, equivalents: [eq('tensorflow.less')] },
    logical_and: { kind: 'function', summary: 'Element-wise logical AND; non-bool inputs count as true when non-zero.', tags: T, equivalents: [eq('tensorflow.logical_and', 'TF requires bool inputs.')] },
    logical_not: { kind: 'function', summary: 'Element-wise logical NOT; non-bool inputs count as true when non-zero.', tags: T, equivalents: [eq('tensorflow.logical_not', 'TF requires bool inputs.')] },
    all: { kind: 'function', summary: 'Tests whether every element is true (non-zero), over the whole tensor or along one dim.', tags: T, equivalents: [eq('tensorflow.reduce_all')] },
    any: { kind: 'function', summary: 'Tests whether at least one element is true (non-zero), over the whole tensor or along one dim.', tags: T, equivalents: [eq('tensorflow.reduce_any')] },
    amax: { kind: 'function', summary: 'Maximum over one or more dims (all by default), returning values only; torch.max(x, dim) also returns indices.', tags: T, equivalents: [eq('tensorflow.reduce_max')] },
    amin: { kind: 'function', summary: 'Minimum over one or more dims (all by default), returning values only; torch.min(x, dim) also returns indices.', tags: T, equivalents: [eq('tensorflow.reduce_min')] },
    logsumexp: { kind: 'function', summary: 'Computes log(sum(exp(x))) along the given dims without overflow; the dim argument is required.', tags: T, equivalents: [eq('tensorflow.reduce_logsumexp', 'TF reduces all axes when axis is omitted.')] },
    argsort: { kind: 'function', summary: 'Returns the indices that sort a tensor along a dim (the last by default), ascending unless descending=True.', tags: T, equivalents: [eq('tensorflow.argsort', 'TF names the flag direction="DESCENDING".')] },
    clone: { kind: 'function', summary: 'Copies a tensor into new memory; the copy stays in the autograd graph, so gradients flow back to the original.', tags: T, equivalents: [eq('tensorflow.identity')] },
    diag: { kind: 'function', summary: 'With a 1-D input builds a square matrix with it on the diagonal; with a 2-D input returns its diagonal.', tags: T, equivalents: [eq('tensorflow.linalg.tensor_diag', 'The extracting direction is tf.linalg.diag_part.')] },
    trace: { kind: 'function', summary: 'Sum of the main diagonal of a 2-D tensor.', tags: T, equivalents: [eq('tensorflow.linalg.trace', 'TF also handles batches of matrices.')] },
    flip: { kind: 'function', summary: 'Reverses the order of elements along the given dims and returns a copy (NumPy flip returns a view).', tags: T, equivalents: [eq('tensorflow.reverse')] },
    index_select: { kind: 'function', summary: 'Picks whole slices along one dim using a 1-D index tensor, e.g. rows of a matrix.', tags: T, equivalents: [eq('tensorflow.gather')] },
    masked_select: { kind: 'function', summary: 'Returns a 1-D tensor of the elements where a boolean mask is true; mask and input broadcast together, so the result can hold more elements than the input.', tags: T, equivalents: [eq('tensorflow.boolean_mask', 'boolean_mask keeps the trailing dimensions when the mask covers only leading ones.')] },
    repeat_interleave: { kind: 'function', summary: 'Repeats each element (or slice along dim) a given number of times, like numpy.repeat; Tensor.repeat tiles instead.', tags: T, equivalents: [eq('tensorflow.repeat')] },
    roll: { kind: 'function', summary: 'Shifts elements cyclically along the given dims; elements that fall off one end come back at the other.', tags: T, equivalents: [eq('tensorflow.roll')] },
    tile: { kind: 'function', summary: 'Repeats a whole tensor along each dimension, like numpy.tile; same as Tensor.repeat when the counts cover every dim.', tags: T, equivalents: [eq('tensorflow.tile')] },
    tensordot: { kind: 'function', summary: 'Contracts two tensors over the given dims (an int for the last n of a and first n of b, or two lists).', tags: T, equivalents: [eq('tensorflow.tensordot')] },
    unbind: { kind: 'function', summary: 'Removes a dim and returns a tuple of the slices along it (views); the inverse of torch.stack.', tags: T, equivalents: [eq('tensorflow.unstack')] },
    unique: { kind: 'function', summary: 'Returns the unique elements, sorted by default, optionally with inverse indices and counts; dim=None flattens first.', tags: T, equivalents: [eq('tensorflow.unique', 'tf.unique works on 1-D input, keeps first-occurrence order and always returns the index of each element.')] },
    var_mean: { kind: 'function', summary: 'Returns (variance, mean) over the given dims in one pass; the variance is unbiased (Bessel-corrected) unless told otherwise.', tags: T, equivalents: [eq('tensorflow.nn.moments', 'tf.nn.moments returns (mean, variance), in that order, with the population variance.')] },
    bucketize: { kind: 'function', summary: 'Maps each value to the index of the bucket it falls into, given a sorted 1-D tensor of boundaries.', tags: T, equivalents: [eq('keras.layers.Discretization', 'The Keras layer can also learn the boundaries with adapt(), and puts a value equal to a boundary in the upper bin, as bucketize does with right=True.')] },
    sparse_coo_tensor: { kind: 'function', summary: 'Builds a sparse tensor in COO format from an indices tensor of shape (ndim, nnz), the values and an optional size.', tags: T, equivalents: [eq('tensorflow.SparseTensor', 'TF indices are (nnz, ndim), the transpose of the torch layout.')] },
    Size: { kind: 'class', summary: 'The type of x.shape and x.size(): a tuple subclass of ints, always fully known in eager code.', tags: T, equivalents: [eq('tensorflow.TensorShape', 'TensorShape may have unknown (None) dimensions inside tf.function.')] },
    nested: { kind: 'module', summary: 'Nested tensors: one tensor holding a list of tensors whose sizes differ in one dimension, such as variable-length sequences. In PyTorch 2.13 torch.nested.nested_tensor builds them in the strided or the jagged layout (layout=torch.jagged), and nested_tensor_from_jagged from values and offsets; which ops work depends on the layout.', verified: 'PyTorch 2.13.0 installed: torch.nested.nested_tensor(tensor_list, *, layout=None, ...) takes the strided or jagged layout, nested_tensor_from_jagged(values, offsets=None, lengths=None, ...) (test/fixtures/truth), 2026-12-08', sources: [...SOURCES, 'https://github.com/pytorch/pytorch/blob/main/torch/nested/__init__.py'], docs: page('nested.html'), equivalents: [eq('tensorflow.ragged', 'Op coverage differs; check each op in the nested tensor docs.')] },
  }),
  ...defineGroup({ ...D, module: 'torch', docs: () => page('tensor_attributes.html', 'torch.dtype') }, {
    float32: { kind: 'constant', summary: 'The 32-bit float dtype (alias torch.float) and the default dtype for floating tensors.', tags: T, equivalents: [eq('tensorflow.float32')] },
    float16: { kind: 'constant', summary: 'The 16-bit IEEE half-precision dtype (alias torch.half), used by autocast on CUDA.', tags: T, equivalents: [eq('tensorflow.float16')] },
    bfloat16: { kind: 'constant', summary: 'The bfloat16 dtype: 8 exponent bits like float32 with a shorter mantissa, so mixed precision rarely needs loss scaling.', tags: T, equivalents: [eq('tensorflow.bfloat16')] },
    int32: { kind: 'constant', summary: 'The 32-bit signed integer dtype (alias torch.int).', tags: T, equivalents: [eq('tensorflow.int32')] },
    int64: { kind: 'constant', summary: 'The 64-bit signed integer dtype (alias torch.long); torch.tensor of Python ints and index tensors use it.', tags: T, equivalents: [eq('tensorflow.int64')] },
  }),
  ...defineGroup({ ...D, module: 'torch.Tensor', sources: [page('tensors.html')] }, {
    detach: { kind: 'function', summary: 'Returns a view of the tensor that is cut out of the autograd graph, so no gradient flows through it; shares memory with the original.', tags: ['training-loop'], equivalents: [eq('tensorflow.stop_gradient')] },
    to: { kind: 'function', summary: 'Converts a tensor to another dtype and/or device, e.g. x.to("cuda", torch.float16); returns self when nothing changes.', tags: T, equivalents: [eq('tensorflow.cast', 'tf.cast only changes dtype; device placement uses tf.device.')] },
    to_dense: { kind: 'function', summary: 'Converts a sparse tensor to an ordinary strided tensor.', tags: T, equivalents: [eq('tensorflow.sparse.to_dense')] },
    index_put_: { kind: 'function', summary: 'Writes values in place at positions given by a tuple of index tensors; accumulate=True adds instead of overwriting.', tags: T, equivalents: [eq('tensorflow.tensor_scatter_nd_update', 'TF returns a new tensor and takes an (N, ndim) index tensor.')] },
  }),
  ...defineGroup({ ...D, module: 'torch.nn.functional', sources: [page('nn.functional.html')] }, {
    conv3d: { kind: 'function', summary: '3-D convolution of an (N, C, D, H, W) input with a weight of shape (out, in/groups, kD, kH, kW).', equivalents: [eq('tensorflow.nn.conv3d', 'TF uses NDHWC input and [d, h, w, in, out] filters.')] },
    ctc_loss: { kind: 'function', summary: 'Connectionist temporal classification loss on (T, N, C) log-probabilities with target and input lengths; blank is index 0 by default.', tags: ['loss-metrics'], equivalents: [eq('tensorflow.nn.ctc_loss', 'TF takes unnormalised logits rather than log-probabilities, and label/logit lengths as tensors.')] },
  }),
];
