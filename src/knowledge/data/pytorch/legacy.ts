/** Pre-1.0 APIs that old code still imports: torch.autograd.Variable and the volatile flag era. */
import { defineGroup } from '../../define';
import { page } from './common';

export default defineGroup(
  {
    framework: 'pytorch',
    module: 'torch.autograd',
    verified: 'PyTorch autograd docs (2026); deprecation note in docs; name present in PyTorch 2.13.0 installed (test/fixtures/truth), 2026-11-27',
    sources: [page('autograd.html', 'variable-deprecated'), 'https://github.com/pytorch/pytorch/releases/tag/v0.4.0'],
    docs: () => page('autograd.html', 'variable-deprecated'),
  },
  {
    Variable: {
      kind: 'class',
      summary: 'Pre-0.4 wrapper that added autograd to tensors. Since 0.4 tensors and Variables are merged: Variable(x) just returns a tensor, requires_grad moves to the tensor, and volatile=True no longer has any effect.',
      status: { state: 'deprecated', since: '0.4', date: '2018-04', note: 'Still importable and works, but does nothing useful.' },
      replacement: { name: 'torch.Tensor', note: 'Drop the wrapper: use x directly, x.requires_grad_() when gradients are needed, and torch.no_grad() instead of volatile=True.' },
      tags: ['tensors'],
      section: 'changes-since-2023',
      keywords: {
        volatile: {
          status: { state: 'removed', since: '0.4', date: '2018-04', note: 'PyTorch 2.13 still accepts it and warns "volatile was removed and now has no effect" (run in the installed 2.13, 2026-11-27).' },
          note: 'volatile=True no longer turns off gradient tracking; wrap the code in `with torch.no_grad():` (or torch.inference_mode()) instead.',
        },
      },
    },
  },
);
