/** torch.cuda, torch.backends, torch.autograd, torch.linalg, torch.fft, torch.distributions and torch.hub members. */
import { defineGroup } from '../../define';
import { VERIFIED_113, eq, generated, page } from './common';

const g = (module: string, file: string) => ({ framework: 'pytorch' as const, module, verified: VERIFIED_113, sources: [page(file)], docs: generated });

export default [
  ...defineGroup(g('torch.cuda', 'cuda.html'), {
    is_available: { kind: 'function', summary: 'Returns True when a usable CUDA (or ROCm) GPU and driver are present; the usual guard when picking the device.', tags: ['training-loop', 'inference'], equivalents: [eq('tensorflow.config.list_physical_devices', 'Check list_physical_devices("GPU") for a non-empty list.')] },
    device_count: { kind: 'function', summary: 'Returns the number of visible CUDA GPUs (respects CUDA_VISIBLE_DEVICES).', tags: ['distributed'] },
    current_device: { kind: 'function', summary: 'Returns the index of the currently selected CUDA device.' },
    set_device: { kind: 'function', summary: 'Selects the current CUDA device; in multi-process training each process usually calls it with its local rank.', tags: ['distributed'] },
    get_device_name: { kind: 'function', summary: 'Returns the marketing name of a CUDA device, e.g. for logging.' },
    manual_seed_all: { kind: 'function', summary: 'Seeds the random generators of all CUDA devices; torch.manual_seed already covers them in current releases.' },
    empty_cache: { kind: 'function', summary: 'Releases unused cached blocks held by the CUDA caching allocator back to the driver; does not free memory still referenced by tensors.', section: 'performance' },
    synchronize: { kind: 'function', summary: 'Blocks until all queued kernels on a CUDA device have finished; needed for correct wall-clock timing of GPU code.', section: 'performance' },
    memory_allocated: { kind: 'function', summary: 'Returns the bytes currently occupied by tensors on a CUDA device.', section: 'performance' },
    max_memory_allocated: { kind: 'function', summary: 'Returns the peak bytes occupied by tensors on a CUDA device since start or the last reset.', section: 'performance' },
    amp: { kind: 'module', summary: 'The original CUDA mixed-precision namespace. Its autocast, GradScaler, custom_fwd and custom_bwd are deprecated since 2.4 in favour of the device-generic torch.amp versions.', docs: page('amp.html'), sources: [page('amp.html')], tags: ['mixed-precision'] },
  }),
  ...defineGroup(g('torch.backends', 'backends.html'), {
    cudnn: { kind: 'module', summary: 'cuDNN settings; torch.backends.cudnn.benchmark = True lets cuDNN pick the fastest convolution algorithms for fixed input shapes, deterministic = True trades speed for reproducibility.', docs: page('backends.html', 'module-torch.backends.cudnn'), section: 'performance' },
    mps: { kind: 'module', summary: 'Apple Metal (MPS) backend; torch.backends.mps.is_available() tells whether the "mps" device can be used on macOS.', docs: page('backends.html', 'module-torch.backends.mps') },
  }),
  ...defineGroup(g('torch.autograd', 'autograd.html'), {
    grad: { kind: 'function', summary: 'Computes and returns gradients of outputs with respect to given inputs without storing them in .grad; create_graph=True allows higher-order derivatives.', equivalents: [eq('tensorflow.GradientTape', 'Use tape.gradient(target, sources).')] },
    backward: { kind: 'function', summary: 'Accumulates gradients of given tensors into the .grad of graph leaves; tensor.backward() is the usual spelling.', tags: ['training-loop'] },
    Function: { kind: 'class', summary: 'Base class for custom differentiable operations: subclass it with static forward and backward methods and call it through .apply.', tags: ['custom-layer'], equivalents: [eq('tensorflow.custom_gradient')] },
    set_detect_anomaly: { kind: 'context-manager', summary: 'Turns on anomaly detection, which reports the forward op that produced NaN gradients in backward; slow, for debugging only.' },
  }),
  ...defineGroup(g('torch.linalg', 'linalg.html'), {
    norm: { kind: 'function', summary: 'Vector or matrix norm chosen by ord and dim; replaces the older torch.norm, whose docs say it may be removed.', equivalents: [eq('tensorflow.norm')] },
    vector_norm: { kind: 'function', summary: 'Vector norm of any order over given dims (all elements by default).', equivalents: [eq('tensorflow.norm')] },
    matrix_norm: { kind: 'function', summary: 'Matrix norm (Frobenius by default, or nuclear/spectral/induced) over the last two dims.' },
    inv: { kind: 'function', summary: 'Inverse of a square matrix or batch of matrices; solving with torch.linalg.solve is more stable when the inverse is only used to multiply.', equivalents: [eq('tensorflow.linalg.inv')] },
    solve: { kind: 'function', summary: 'Solves the linear system A X = B for square, invertible A, with batching.', equivalents: [eq('tensorflow.linalg.solve')] },
    det: { kind: 'function', summary: 'Determinant of a square matrix or batch of matrices.', equivalents: [eq('tensorflow.linalg.det')] },
    svd: { kind: 'function', summary: 'Singular value decomposition returning U, S, Vh (note: Vh, the conjugate transpose of V); full_matrices defaults to True.', equivalents: [eq('tensorflow.linalg.svd', 'TF returns (s, u, v) in that order and v rather than its transpose.')] },
    eigh: { kind: 'function', summary: 'Eigenvalues and eigenvectors of symmetric or Hermitian matrices, eigenvalues in ascending order; the replacement for torch.symeig, which PyTorch 2.13 keeps only as a stub that raises.', equivalents: [eq('tensorflow.linalg.eigh')] },
    qr: { kind: 'function', summary: 'QR decomposition with a mode string ("reduced", "complete", "r"); replaces torch.qr and its some flag.', equivalents: [eq('tensorflow.linalg.qr')] },
    cholesky: { kind: 'function', summary: 'Cholesky factor (lower-triangular by default) of a symmetric/Hermitian positive-definite matrix.', equivalents: [eq('tensorflow.linalg.cholesky')] },
    pinv: { kind: 'function', summary: 'Moore–Penrose pseudo-inverse, computed through the SVD (or eigh when hermitian=True).', equivalents: [eq('tensorflow.linalg.pinv')] },
    lstsq: { kind: 'function', summary: 'Least-squares solution of A X = B; returns a named tuple whose solution field holds X.', equivalents: [eq('tensorflow.linalg.lstsq')] },
  }),
  ...defineGroup(g('torch.fft', 'fft.html'), {
    fft: { kind: 'function', summary: 'One-dimensional discrete Fourier transform along a dim (last by default), with optional length n and normalisation.', equivalents: [eq('tensorflow.signal.fft', 'TF always transforms the innermost axis and needs complex input.')] },
    ifft: { kind: 'function', summary: 'One-dimensional inverse discrete Fourier transform.', equivalents: [eq('tensorflow.signal.ifft')] },
    rfft: { kind: 'function', summary: 'FFT of real input returning only the non-negative frequency half.', equivalents: [eq('tensorflow.signal.rfft')] },
    irfft: { kind: 'function', summary: 'Inverse of rfft, producing a real signal.', equivalents: [eq('tensorflow.signal.irfft')] },
    fftshift: { kind: 'function', summary: 'Moves the zero-frequency term to the centre of the spectrum.', equivalents: [eq('tensorflow.signal.fftshift')] },
  }),
  ...defineGroup(g('torch.distributions', 'distributions.html'), {
    Normal: { kind: 'class', summary: 'Gaussian distribution parameterised by loc and scale (standard deviation), with rsample for reparameterised sampling.', docs: page('distributions.html', 'normal') },
    Categorical: { kind: 'class', summary: 'Distribution over K categories given probs or logits; common in policy-gradient RL.', docs: page('distributions.html', 'categorical') },
    Bernoulli: { kind: 'class', summary: 'Binary distribution parameterised by probs or logits.', docs: page('distributions.html', 'bernoulli') },
  }),
  ...defineGroup(g('torch.hub', 'hub.html'), {
    load: { kind: 'function', summary: 'Downloads (and caches) a repository with a hubconf.py and builds the named model from it; runs code from that repository.', docs: page('hub.html', 'torch.hub.load'), tags: ['transfer-learning'] },
    load_state_dict_from_url: { kind: 'function', summary: 'Downloads a serialized state_dict to the hub cache and loads it.', docs: page('hub.html', 'torch.hub.load_state_dict_from_url'), tags: ['transfer-learning', 'checkpoints'] },
  }),
  ...defineGroup(g('torch.multiprocessing', 'multiprocessing.html'), {
    spawn: { kind: 'function', summary: 'Starts nprocs processes running fn(rank, *args) and waits for them; a classic way to launch DDP workers, now often replaced by torchrun.', docs: page('multiprocessing.html', 'spawning-subprocesses'), tags: ['distributed'] },
  }),
  ...defineGroup(g('torch.testing', 'testing.html'), {
    assert_close: { kind: 'function', summary: 'Asserts two tensors (or nested containers) are close, with tolerances chosen from the dtype and checks of device, dtype and layout.', docs: page('testing.html', 'torch.testing.assert_close') },
    assert_allclose: {
      kind: 'function',
      summary: 'Old tensor comparison helper; its own warning says it is deprecated since 1.12 and scheduled for removal.',
      docs: page('testing.html'),
      status: { state: 'deprecated', since: '1.12', date: '2022-06', note: 'Emits a FutureWarning pointing to torch.testing.assert_close.' },
      replacement: { name: 'torch.testing.assert_close', note: 'Default tolerances and strictness (dtype/device checks) differ.' },
      sources: [page('testing.html'), 'https://github.com/pytorch/pytorch/blob/v1.13.0/torch/testing/_deprecated.py'],
      verified: 'Deprecation decorator read in PyTorch 2.13.0 installed (torch/testing/_comparison.py: deprecated since 1.12), 2026-11-27',
    },
  }),
];
