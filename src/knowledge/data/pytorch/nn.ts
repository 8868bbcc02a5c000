/** torch.nn: modules, containers, layers, activations, pooling, normalisation, recurrent and attention blocks. */
import { defineGroup } from '../../define';
import { VERIFIED_113, VERIFIED_DOCS, eq, generated, page } from './common';
import * as PAIRS from '../pairs';

const SOURCES = [page('nn.html')];
const D = { framework: 'pytorch' as const, module: 'torch.nn', verified: VERIFIED_113, sources: SOURCES, docs: generated };
const NCHW = 'PyTorch convolutions expect channels-first input (N, C, ...); Keras defaults to channels-last.';

export default [
  ...defineGroup({ ...D, module: 'torch' }, {
    nn: { kind: 'module', summary: 'Building blocks for neural networks: the Module base class, containers, layers, activations, losses and parameter utilities.', docs: page('nn.html'), section: 'architecture', equivalents: [eq('keras.layers')] },
  }),
  ...defineGroup(D, {
    // Containers and core classes
    Module: { kind: 'class', summary: 'Base class of every layer and model: subclass it, create sub-layers in __init__, write forward(), and call the instance. Tracks parameters, buffers, train/eval mode and device moves.', tags: ['subclassed-model', 'custom-layer'], section: 'ease-of-use', equivalents: [eq('keras.Model', 'Keras models also bring compile/fit; PyTorch modules need a user-written loop.'), eq('keras.layers.Layer', 'Keras layers build weights lazily in build(input_shape).')] },
    Parameter: { kind: 'class', summary: 'A tensor subclass that a Module registers as a trainable parameter when assigned as an attribute; requires_grad is True by default.', tags: ['custom-layer'], equivalents: [eq('keras.Variable', 'In Keras layers weights are usually created with self.add_weight in build().'), eq('tensorflow.Variable')] },
    Sequential: { kind: 'class', summary: 'Container that calls its modules in order, passing each output to the next; accepts modules positionally or an OrderedDict for names.', tags: ['sequential-model', 'mnist-mlp'], equivalents: [eq('keras.Sequential', 'Keras Sequential infers input sizes and adds compile/fit; layers in nn.Sequential need explicit in_features.')] },
    ModuleList: { kind: 'class', summary: 'A list of sub-modules that registers them with the parent (so their parameters are seen and moved); unlike Sequential it defines no forward.', tags: ['subclassed-model'] },
    ModuleDict: { kind: 'class', summary: 'A dict of named sub-modules registered with the parent module; keys keep insertion order.', tags: ['subclassed-model'] },
    ParameterList: { kind: 'class', summary: 'A list of Parameters registered with the parent module.', tags: ['custom-layer'] },
    ParameterDict: { kind: 'class', summary: 'A dict of named Parameters registered with the parent module.', tags: ['custom-layer'] },
    Identity: { kind: 'class', summary: 'A placeholder layer that returns its input unchanged; often used to remove a head, e.g. model.fc = nn.Identity().', tags: ['transfer-learning'], equivalents: [eq('keras.layers.Identity')] },
    Flatten: { kind: 'class', summary: 'Flattens dims start_dim..end_dim (default 1..-1), keeping the batch dimension.', tags: ['sequential-model', 'mnist-mlp'], equivalents: [eq('keras.layers.Flatten', 'Flattening NCHW and NHWC tensors orders features differently, which matters when porting weights.')] },
    Unflatten: { kind: 'class', summary: 'Expands one dimension into a given shape; the inverse of Flatten.', equivalents: [eq('keras.layers.Reshape')] },
    // Linear and convolution
    Linear: { kind: 'class', summary: 'Fully connected layer `y = x W^T + b` with explicit in_features and out_features; bias on by default, no activation argument.', tags: ['sequential-model', 'mnist-mlp', 'custom-layer'], equivalents: [PAIRS.linearToDense] },
    LazyLinear: { kind: 'class', summary: 'Linear layer whose in_features is inferred from the first input, like a Keras Dense layer.', equivalents: [eq('keras.layers.Dense', `Dense infers the input size too; its kernel is (in, out), the LazyLinear weight (out, in). ${PAIRS.initialWeights('in_features')}`)] },
    Bilinear: { kind: 'class', summary: 'Applies a bilinear transformation x1^T A x2 + b to two inputs.' },
    Conv1d: { kind: 'class', summary: 'One-dimensional convolution over (N, C, L) input; padding can be an int or "same"/"valid".', equivalents: [eq('keras.layers.Conv1D', `PyTorch takes (N, C, L) input and a weight (out, in/groups, k); Conv1D takes (N, L, C) by default, infers the input channels, and its kernel is (k, in/groups, filters). ${PAIRS.initialWeights('in/groups × k')}`)] },
    Conv2d: { kind: 'class', summary: 'Two-dimensional convolution over (N, C, H, W) input with in_channels, out_channels and kernel_size; stride 1 and padding 0 by default.', tags: ['sequential-model'], equivalents: [PAIRS.conv2dToConv2D] },
    Conv3d: { kind: 'class', summary: 'Three-dimensional convolution over (N, C, D, H, W) input, e.g. for video or volumetric data.', equivalents: [eq('keras.layers.Conv3D', `PyTorch takes (N, C, D, H, W) input and a weight (out, in/groups, kD, kH, kW); Conv3D takes (N, D, H, W, C) by default, infers the input channels, and its kernel is (kD, kH, kW, in/groups, filters). ${PAIRS.initialWeights('in/groups × kD × kH × kW')}`)] },
    ConvTranspose1d: { kind: 'class', summary: 'Transposed 1-D convolution (fractionally strided), used to upsample sequences.', equivalents: [eq('keras.layers.Conv1DTranspose', `PyTorch takes (N, C, L) input and a weight (in, out/groups, k); Conv1DTranspose takes (N, L, C) by default, infers the input channels, and its kernel is (k, filters, in). ${PAIRS.initialWeights('out/groups × k')}`)] },
    ConvTranspose2d: { kind: 'class', summary: 'Transposed 2-D convolution used for learned upsampling in decoders and GANs; output_padding resolves ambiguous output sizes.', equivalents: [eq('keras.layers.Conv2DTranspose', `PyTorch takes (N, C, H, W) input and a weight (in, out/groups, kH, kW); Conv2DTranspose takes (N, H, W, C) by default, infers the input channels, and its kernel is (kH, kW, filters, in). Padding semantics differ, so output sizes must be checked when porting. ${PAIRS.initialWeights('out/groups × kH × kW')}`)] },
    ConvTranspose3d: { kind: 'class', summary: 'Transposed 3-D convolution for volumetric upsampling.', equivalents: [eq('keras.layers.Conv3DTranspose', `PyTorch takes (N, C, D, H, W) input and a weight (in, out/groups, kD, kH, kW); Conv3DTranspose takes (N, D, H, W, C) by default, infers the input channels, and its kernel is (kD, kH, kW, filters, in). ${PAIRS.initialWeights('out/groups × kD × kH × kW')}`)] },
    Fold: { kind: 'class', summary: 'Combines an array of sliding local blocks back into a tensor (inverse of Unfold).' },
    Unfold: { kind: 'class', summary: 'Extracts sliding local blocks (im2col) from a batched (N, C, H, W) tensor.' },
    PixelShuffle: { kind: 'class', summary: 'Rearranges (N, C*r^2, H, W) into (N, C, H*r, W*r), the sub-pixel upsampling step used in super-resolution.', equivalents: [eq('tensorflow.nn.depth_to_space', 'TF works on NHWC tensors and orders channels differently.')] },
    Upsample: { kind: 'class', summary: 'Upsamples by size or scale_factor with nearest, linear, bilinear, bicubic or trilinear modes; wraps nn.functional.interpolate.', equivalents: [eq('keras.layers.UpSampling2D', 'UpSampling2D only scales by integer factors and is channels-last.')] },
    // Normalisation
    BatchNorm1d: { kind: 'class', summary: 'Batch normalisation over (N, C) or (N, C, L) input; eps 1e-5 and momentum 0.1 by default.', equivalents: [eq('keras.layers.BatchNormalization', 'PyTorch momentum=0.1 is the weight of the new batch statistic; Keras momentum=0.99 is the weight of the old running value (so 0.1 ↔ 0.9). Keras epsilon defaults to 1e-3.')] },
    BatchNorm2d: { kind: 'class', summary: 'Batch normalisation over the channel dim of (N, C, H, W) input; eps 1e-5, momentum 0.1, uses batch stats in train() and running stats in eval().', tags: ['sequential-model'], equivalents: [PAIRS.batchNormToBatchNormalization] },
    BatchNorm3d: { kind: 'class', summary: 'Batch normalisation over the channel dim of (N, C, D, H, W) input.', equivalents: [eq('keras.layers.BatchNormalization', 'Momentum conventions are inverted (0.1 in PyTorch ≈ 0.9 in Keras).')] },
    SyncBatchNorm: { kind: 'class', summary: 'Batch normalisation whose statistics are reduced across all processes of a DDP job; convert a model with SyncBatchNorm.convert_sync_batchnorm.', tags: ['distributed'], equivalents: [eq('keras.layers.BatchNormalization', 'Pass synchronized=True in Keras 3 for cross-replica statistics. The momentum conventions are inverted: PyTorch momentum=0.1 weighs the new batch, Keras momentum=0.99 the running value (0.1 in PyTorch is 0.9 in Keras).')] },
    LayerNorm: { kind: 'class', summary: 'Normalises over the trailing normalized_shape dims per sample, with learnable affine parameters; eps 1e-5 by default. Standard in Transformers.', equivalents: [PAIRS.layerNormToLayerNormalization] },
    GroupNorm: { kind: 'class', summary: 'Splits channels into num_groups and normalises within each group per sample; independent of batch size.', equivalents: [eq('keras.layers.GroupNormalization', 'Keras epsilon defaults to 1e-3 and groups along the last axis.')] },
    InstanceNorm1d: { kind: 'class', summary: 'Instance normalisation per sample and channel over (N, C, L) input; affine and running stats are off by default.' },
    InstanceNorm2d: { kind: 'class', summary: 'Instance normalisation per sample and channel over (N, C, H, W) input, common in style transfer; affine off by default.' },
    LocalResponseNorm: { kind: 'class', summary: 'Local response normalisation across neighbouring channels, as in AlexNet.' },
    RMSNorm: { kind: 'class', summary: 'Root-mean-square layer normalisation (no mean subtraction), used in many LLMs; added in PyTorch 2.4.', verified: VERIFIED_DOCS, sources: [generated('torch.nn.RMSNorm'), 'https://pytorch.org/blog/pytorch2-4/'], section: 'changes-since-2023' },
    // Dropout and embeddings
    Dropout: { kind: 'class', summary: 'Zeroes elements with probability p (default 0.5) during training and scales the rest by 1/(1-p); does nothing in eval mode.', tags: ['sequential-model', 'mnist-mlp'], equivalents: [PAIRS.dropoutToDropout] },
    Dropout1d: { kind: 'class', summary: 'Drops whole channels of (N, C, L) input during training.', equivalents: [PAIRS.dropout1dToSpatialDropout1D] },
    Dropout2d: { kind: 'class', summary: 'Drops whole feature maps (channels) of (N, C, H, W) input during training.', equivalents: [eq('keras.layers.SpatialDropout2D', `Channels-last in Keras. Keras rate has no default, and ${PAIRS.DROPOUT_TRAINING}.`)] },
    AlphaDropout: { kind: 'class', summary: 'Dropout variant that keeps self-normalising properties, meant for SELU networks.', equivalents: [eq('keras.layers.AlphaDropout', `Same transform. Keras rate has no default, and ${PAIRS.DROPOUT_TRAINING}.`)] },
    Embedding: { kind: 'class', summary: 'Lookup table mapping integer ids to dense vectors of size embedding_dim; padding_idx keeps one row at zero gradient.', equivalents: [PAIRS.embeddingToEmbedding, eq('tensorflow.nn.embedding_lookup')] },
    EmbeddingBag: { kind: 'class', summary: 'Computes sums, means or maxima of bags of embeddings without materialising the individual vectors.' },
    // Recurrent
    RNN: { kind: 'class', summary: 'Multi-layer Elman RNN with tanh or ReLU; input is (L, N, H) unless batch_first=True; returns (output, h_n).', equivalents: [eq('keras.layers.SimpleRNN', `Keras is batch-first and returns only the last output unless return_sequences=True. ${PAIRS.rnnInitialWeights(false)}`)] },
    LSTM: { kind: 'class', summary: 'Multi-layer LSTM returning (output, (h_n, c_n)); sequence-first (L, N, H) unless batch_first=True; bidirectional and dropout between layers supported.', equivalents: [PAIRS.lstmToLstm] },
    GRU: { kind: 'class', summary: 'Multi-layer gated recurrent unit returning (output, h_n); sequence-first unless batch_first=True.', equivalents: [PAIRS.gruToGru] },
    RNNCell: { kind: 'class', summary: 'A single Elman RNN step for hand-written loops over time.', equivalents: [eq('keras.layers.SimpleRNNCell', PAIRS.rnnInitialWeights(false))] },
    LSTMCell: { kind: 'class', summary: 'A single LSTM step taking input and (h, c) and returning the new (h, c).', equivalents: [eq('keras.layers.LSTMCell', PAIRS.rnnInitialWeights(true))] },
    GRUCell: { kind: 'class', summary: 'A single GRU step taking input and h and returning the new h.', equivalents: [eq('keras.layers.GRUCell', PAIRS.rnnInitialWeights(false))] },
    // Attention and Transformer
    MultiheadAttention: { kind: 'class', summary: 'Multi-head scaled dot-product attention with embed_dim and num_heads; sequence-first unless batch_first=True; returns (output, attention weights).', equivalents: [eq('keras.layers.MultiHeadAttention', 'Keras takes key_dim per head, is batch-first, and is called as layer(query, value, key).')] },
    Transformer: { kind: 'class', summary: 'Full encoder–decoder Transformer (d_model 512, 8 heads, 6+6 layers by default); sequence-first unless batch_first=True.' },
    TransformerEncoder: { kind: 'class', summary: 'A stack of N TransformerEncoderLayer copies with an optional final norm.' },
    TransformerEncoderLayer: { kind: 'class', summary: 'Self-attention plus feed-forward block (dim_feedforward 2048, dropout 0.1, ReLU by default); post-norm unless norm_first=True.' },
    TransformerDecoder: { kind: 'class', summary: 'A stack of N TransformerDecoderLayer copies with an optional final norm.' },
    TransformerDecoderLayer: { kind: 'class', summary: 'Self-attention, cross-attention over encoder memory and feed-forward block.' },
    // Activations
    ReLU: { kind: 'class', summary: 'Rectified linear unit max(0, x) as a module; inplace=True overwrites its input.', tags: ['sequential-model', 'mnist-mlp'], equivalents: [eq('keras.layers.ReLU'), eq('keras.activations.relu')] },
    ReLU6: { kind: 'class', summary: 'ReLU capped at 6, used in MobileNet-style networks.', equivalents: [eq('keras.layers.ReLU', 'Pass max_value=6.')] },
    LeakyReLU: { kind: 'class', summary: 'Leaky ReLU with negative_slope 0.01 by default.', equivalents: [PAIRS.leakyReluToLeakyRelu] },
    PReLU: { kind: 'class', summary: 'Parametric ReLU with a learnable negative slope: one value shared by all channels by default (num_parameters=1), initialised to 0.25.', equivalents: [PAIRS.preluToPrelu] },
    ELU: { kind: 'class', summary: 'Exponential linear unit with alpha 1.0 by default.', equivalents: [eq('keras.layers.ELU')] },
    SELU: { kind: 'class', summary: 'Scaled ELU with fixed constants for self-normalising networks.', equivalents: [eq('keras.activations.selu')] },
    GELU: { kind: 'class', summary: 'Gaussian error linear unit; approximate="none" (exact, default) or "tanh".', equivalents: [eq('keras.activations.gelu', 'keras.activations.gelu defaults to approximate=False as well in Keras 3.')] },
    SiLU: { kind: 'class', summary: 'Sigmoid-weighted linear unit x * sigmoid(x), also called swish.', equivalents: [eq('keras.activations.silu')] },
    Mish: { kind: 'class', summary: 'Mish activation x * tanh(softplus(x)).' },
    Sigmoid: { kind: 'class', summary: 'Logistic sigmoid as a module.', equivalents: [eq('keras.activations.sigmoid')] },
    Tanh: { kind: 'class', summary: 'Hyperbolic tangent as a module.', equivalents: [eq('keras.activations.tanh')] },
    Softmax: { kind: 'class', summary: 'Softmax over a dim given at construction; not needed before nn.CrossEntropyLoss, which expects raw logits.', equivalents: [PAIRS.softmaxToSoftmax] },
    LogSoftmax: { kind: 'class', summary: 'Log of softmax over a dim, numerically stable; pair with nn.NLLLoss.', equivalents: [eq('tensorflow.nn.log_softmax')] },
    Softplus: { kind: 'class', summary: 'Smooth approximation of ReLU, log(1 + exp(beta*x))/beta.', equivalents: [eq('keras.activations.softplus')] },
    Hardswish: { kind: 'class', summary: 'Hard-swish activation from MobileNetV3.' },
    Hardtanh: { kind: 'class', summary: 'Clamps input to [min_val, max_val], -1..1 by default.' },
    // Pooling and padding
    MaxPool1d: { kind: 'class', summary: '1-D max pooling; stride defaults to kernel_size.', equivalents: [eq('keras.layers.MaxPooling1D', NCHW)] },
    MaxPool2d: { kind: 'class', summary: '2-D max pooling over (N, C, H, W); stride defaults to kernel_size and padding to 0.', tags: ['sequential-model'], equivalents: [PAIRS.maxPool2dToMaxPooling2D] },
    MaxPool3d: { kind: 'class', summary: '3-D max pooling over (N, C, D, H, W).', equivalents: [eq('keras.layers.MaxPooling3D', NCHW)] },
    AvgPool1d: { kind: 'class', summary: '1-D average pooling.', equivalents: [eq('keras.layers.AveragePooling1D', NCHW)] },
    AvgPool2d: { kind: 'class', summary: '2-D average pooling; count_include_pad controls whether zero padding counts in the average.', equivalents: [eq('keras.layers.AveragePooling2D', NCHW)] },
    AvgPool3d: { kind: 'class', summary: '3-D average pooling.', equivalents: [eq('keras.layers.AveragePooling3D', NCHW)] },
    AdaptiveAvgPool1d: { kind: 'class', summary: 'Average pooling to a fixed output length regardless of input length.' },
    AdaptiveAvgPool2d: { kind: 'class', summary: 'Average pooling to a fixed output size; AdaptiveAvgPool2d(1) is global average pooling.', equivalents: [eq('keras.layers.GlobalAveragePooling2D', 'Matches output size 1 only; Keras drops the spatial dims unless keepdims=True.')] },
    AdaptiveMaxPool2d: { kind: 'class', summary: 'Max pooling to a fixed output size; size 1 gives global max pooling.', equivalents: [eq('keras.layers.GlobalMaxPooling2D', 'Matches output size 1 only.')] },
    ZeroPad2d: { kind: 'class', summary: 'Pads the last two dims of a tensor with zeros by given amounts.', equivalents: [eq('keras.layers.ZeroPadding2D', NCHW)] },
    ReflectionPad2d: { kind: 'class', summary: 'Pads the last two dims by reflecting the input at the border.' },
    ConstantPad2d: { kind: 'class', summary: 'Pads the last two dims with a constant value.' },
    CosineSimilarity: { kind: 'class', summary: 'Cosine similarity between two inputs along a dim (1 by default).' },
    PairwiseDistance: { kind: 'class', summary: 'p-norm distance between corresponding rows of two inputs.' },
    // Submodules
    init: { kind: 'module', summary: 'In-place weight initialisers (xavier/kaiming/normal/orthogonal...), typically applied with model.apply(fn).', docs: page('nn.init.html'), sources: [page('nn.init.html')], tags: ['custom-layer'], equivalents: [eq('keras.initializers')] },
    utils: { kind: 'module', summary: 'Helpers around modules: gradient clipping, parameter/vector conversion, RNN packing, parametrizations and pruning.', docs: page('nn.html', 'utilities') },
    parallel: { kind: 'module', summary: 'Data-parallel wrappers: DistributedDataParallel (recommended) and the older single-process DataParallel.', docs: page('nn.html', 'dataparallel-layers-multi-gpu-distributed'), tags: ['distributed'] },
    functional: { kind: 'module', summary: 'Stateless function versions of layers, activations and losses (import as F); weights are passed explicitly.', docs: page('nn.functional.html'), sources: [page('nn.functional.html')], equivalents: [eq('tensorflow.nn'), eq('keras.ops')] },
    DataParallel: { kind: 'class', summary: 'Single-process multi-GPU wrapper that splits each batch across GPUs with threads. The docs recommend DistributedDataParallel instead, even on one machine, because it is faster.', tags: ['distributed'], section: 'performance', sources: [generated('torch.nn.DataParallel'), page('notes/cuda.html', 'cuda-nn-ddp-instead')], replacement: { name: 'torch.nn.parallel.DistributedDataParallel', note: 'Needs one process per GPU, init_process_group and a DistributedSampler; not a rename.' }, equivalents: [eq('tensorflow.distribute.MirroredStrategy')] },
  }),
];
