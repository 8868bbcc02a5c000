/**
 * PyTorch names TorchFix lists as deprecated or removed (pytorch-labs/torchfix, torchfix/deprecated_symbols.yaml), each
 * checked against PyTorch 2.13: the successor and the state come from the installed docstring or stub source.
 */
import { defineGroup, docsUrl } from '../../define';
import type { EntrySpec } from '../../define';
import type { KnowledgeEntry } from '../../types';

const TORCHFIX = 'https://github.com/pytorch-labs/torchfix/blob/55b02cdba7c066918212ff784eff220f22a85b51/torchfix/deprecated_symbols.yaml';
const LINALG_STUBS = 'https://github.com/pytorch/pytorch/blob/main/torch/_linalg_utils.py';
const INSTALLED = 'PyTorch 2.13.0 installed (test/fixtures/truth), 2026-11-27';
/** The name is still exported but its body only raises RuntimeError saying it was deprecated in 1.9 and is now removed. */
const STUB = {
  state: 'removed' as const,
  note: 'PyTorch 2.13 keeps the name only as a stub that raises RuntimeError (deprecated since 1.9, now removed).',
};
const DEPRECATED = { state: 'deprecated' as const, note: 'The 2.13 docstring marks it deprecated and due for removal in a future release.' };

function stub(successor: string, why: string): EntrySpec {
  return { kind: 'function', summary: `Removed linear-algebra function; ${successor} replaces it.`, status: STUB, replacement: { name: successor, note: why }, sources: [TORCHFIX, LINALG_STUBS] };
}

function deprecated(kind: EntrySpec['kind'], successor: string, note: string, dropIn = false): EntrySpec {
  return { kind, summary: `Deprecated in favour of ${successor}.`, status: DEPRECATED, replacement: { name: successor, note, dropIn: dropIn || undefined } };
}

export const TORCHFIX_NAMES = [
  'torch.solve', 'torch.qr', 'torch.symeig', 'torch.chain_matmul', 'torch.cholesky', 'torch.ger', 'torch.lu_solve', 'torch.norm',
  'torch.range', 'torch.svd', 'torch.triangular_solve', 'torch.lu', 'torch.nn.UpsamplingNearest2d', 'torch.nn.UpsamplingBilinear2d',
  'torch.testing.assert_allclose', 'torch.nn.utils.weight_norm', 'functorch.vmap', 'functorch.grad', 'functorch.vjp', 'functorch.jvp',
  'functorch.jacrev', 'functorch.jacfwd', 'functorch.hessian', 'functorch.functionalize',
];

const functorch = Object.fromEntries(
  ['vmap', 'grad', 'vjp', 'jvp', 'jacrev', 'jacfwd', 'hessian', 'functionalize'].map((n): [string, EntrySpec] => [
    `functorch.${n}`,
    {
      kind: 'function',
      summary: `functorch API merged into PyTorch as torch.func.${n}.`,
      // TorchFix lists it without a PR; functorch is a separate legacy package, so the state holds for the package, not a torch release.
      status: { state: 'deprecated', note: 'functorch was folded into torch.func; TorchFix rewrites it.' },
      replacement: { name: `torch.func.${n}`, dropIn: true },
      docs: docsUrl.torch(`torch.func.${n}`),
    },
  ]),
);

export default defineGroup(
  { framework: 'pytorch', module: '', verified: INSTALLED, sources: [TORCHFIX], docs: docsUrl.torch },
  {
    'torch.solve': stub('torch.linalg.solve', 'torch.linalg.solve takes its arguments in the reverse order and returns no LU factorization.'),
    'torch.symeig': stub('torch.linalg.eigh', 'torch.linalg.eigh reads the lower triangle by default (symeig read the upper one) and always returns eigenvectors.'),
    'torch.lstsq': stub('torch.linalg.lstsq', 'torch.linalg.lstsq takes its arguments in the reverse order.'),
    'torch.eig': stub('torch.linalg.eig', 'torch.linalg.eig returns complex tensors.'),
    'torch.matrix_rank': stub('torch.linalg.matrix_rank', 'Its symmetric= argument is called hermitian= in torch.linalg.matrix_rank.'),
    'torch.qr': deprecated('function', 'torch.linalg.qr', 'The boolean some= argument became the string mode= argument.'),
    'torch.chain_matmul': deprecated('function', 'torch.linalg.multi_dot', 'torch.linalg.multi_dot takes one list of tensors instead of separate arguments.'),
    'torch.cholesky': deprecated('function', 'torch.linalg.cholesky', 'torch.linalg.cholesky returns the lower factor; pass upper=True for the upper one.'),
    'torch.ger': deprecated('function', 'torch.outer', 'Same computation under the NumPy name.', true),
    'torch.lu_solve': deprecated('function', 'torch.linalg.lu_solve', 'torch.linalg.lu_solve takes (LU, pivots, B) rather than (B, LU, pivots).'),
    'torch.norm': deprecated('function', 'torch.linalg.norm', 'torch.linalg.vector_norm and torch.linalg.matrix_norm are the explicit forms.'),
    'torch.range': deprecated('function', 'torch.arange', 'torch.arange excludes the end value; torch.range included it.'),
    'torch.svd': deprecated('function', 'torch.linalg.svd', 'torch.linalg.svd returns Vh (V transposed) and full matrices by default.'),
    'torch.triangular_solve': deprecated('function', 'torch.linalg.solve_triangular', 'torch.linalg.solve_triangular takes its arguments in the reverse order.'),
    'torch.lu': deprecated('function', 'torch.linalg.lu_factor', 'torch.linalg.lu_factor_ex also returns the info tensor.'),
    'torch.nn.UpsamplingNearest2d': deprecated('class', 'torch.nn.functional.interpolate', "Call interpolate(..., mode='nearest') or use nn.Upsample."),
    'torch.nn.UpsamplingBilinear2d': deprecated('class', 'torch.nn.functional.interpolate', "It matches interpolate(..., mode='bilinear', align_corners=True)."),
    'torch.nn.utils.weight_norm': deprecated('function', 'torch.nn.utils.parametrizations.weight_norm', 'The parametrization version loads state_dicts saved with the old one.'),
    ...functorch,
  },
);

/**
 * TorchFix's TOR102 check, with the facts read from torch/serialization.py in 2.13: `weights_only=None` means True unless a
 * pickle_module is passed or TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD is set; the default was False before 2.6.
 */
export const TORCH_LOAD_ADVICE: KnowledgeEntry = {
  name: 'torch.load',
  framework: 'pytorch',
  kind: 'function',
  summary: 'Loads an object saved with torch.save.',
  status: { state: 'current' },
  verified: INSTALLED,
  docs: docsUrl.torch('torch.load'),
  sources: ['https://github.com/pytorch-labs/torchfix#tor102', 'https://github.com/pytorch/pytorch/blob/main/torch/serialization.py'],
  omittedKeywords: {
    weights_only: {
      since: '2.6',
      note: 'before PyTorch 2.6 the default unpickled any object, which can run code from the file; since 2.6 it defaults to True unless pickle_module is passed or TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD is set. Pass weights_only=True (or False only for trusted files) so the call means the same on every release.',
    },
  },
};
