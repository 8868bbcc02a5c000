/** Mixed precision: torch.amp (autocast, GradScaler) and the deprecated device-specific torch.cuda.amp / torch.cpu.amp APIs. */
import { defineGroup } from '../../define';
import { VERIFIED_113, VERIFIED_DOCS, eq, page } from './common';

const AMP = page('amp.html');
const D = { framework: 'pytorch' as const, module: 'torch.amp', verified: VERIFIED_113, sources: [AMP], docs: (n: string) => `${AMP}#${n}` };
const T = ['mixed-precision'];
const DEP = { state: 'deprecated' as const, since: '2.4', date: '2024-07', note: 'Emits a FutureWarning from 2.4 on; still works.' };
const DEP_SOURCES = [AMP, 'https://github.com/pytorch/pytorch/pull/126527', 'https://github.com/mit-han-lab/efficientvit/issues/127', 'https://github.com/pytorch/tutorials/issues/3331'];
const DEP_VERIFIED = 'PyTorch amp docs (2026); deprecation PR #126527; typing_extensions.deprecated messages read in PyTorch 2.13.0 installed (test/fixtures/truth), 2026-11-27';

export default [
  ...defineGroup({ ...D, module: 'torch', docs: () => AMP }, {
    amp: { kind: 'module', summary: 'Device-generic automatic mixed precision: autocast picks float16/bfloat16 per op, GradScaler scales the loss to avoid float16 gradient underflow.', tags: T, section: 'performance', equivalents: [eq('keras.mixed_precision.set_global_policy', 'Keras sets a global dtype policy such as "mixed_float16" instead of a per-region context.')] },
    autocast: { kind: 'context-manager', summary: 'Alias of torch.amp.autocast: autocast(device_type, dtype=None, enabled=True) runs eligible ops of the region in lower precision. Wrap the forward pass and loss, not backward.', tags: T, docs: `${AMP}#torch.autocast`, equivalents: [eq('keras.mixed_precision.set_global_policy')] },
  }),
  ...defineGroup(D, {
    autocast: { kind: 'context-manager', summary: 'Context manager/decorator for mixed precision; device_type ("cuda", "cpu", "mps", ...) is required, dtype defaults to float16 on CUDA and bfloat16 on CPU.', tags: T, docs: `${AMP}#torch.autocast`, equivalents: [eq('keras.mixed_precision.set_global_policy', 'A global policy, not a scoped region; Keras keeps variables in float32 automatically.')] },
    GradScaler: { kind: 'class', summary: 'Device-generic loss scaler: scaler.scale(loss).backward(), scaler.step(optimizer), scaler.update(); unscale_ before gradient clipping. Needed for float16, not for bfloat16.', tags: T, verified: VERIFIED_DOCS, docs: `${AMP}#gradient-scaling`, equivalents: [eq('keras.mixed_precision.LossScaleOptimizer', 'Keras applies loss scaling automatically under a mixed_float16 policy in fit().')] },
    custom_fwd: { kind: 'decorator', summary: 'Decorator for forward of a custom autograd Function that controls autocast behaviour; takes device_type.', verified: VERIFIED_DOCS, docs: `${AMP}#torch.amp.custom_fwd` },
    custom_bwd: { kind: 'decorator', summary: 'Decorator for backward of a custom autograd Function so it runs with the same autocast state as forward; takes device_type.', verified: VERIFIED_DOCS, docs: `${AMP}#torch.amp.custom_bwd` },
  }),
  ...defineGroup({ ...D, module: 'torch.cuda.amp', docs: () => AMP, status: DEP, verified: DEP_VERIFIED, sources: DEP_SOURCES }, {
    autocast: { kind: 'context-manager', summary: 'Legacy CUDA-only autocast; deprecated since 2.4 with a warning pointing to torch.amp.autocast("cuda", ...).', tags: T, replacement: { name: 'torch.amp.autocast', usage: 'torch.amp.autocast("cuda", ...)', leadingArgument: '"cuda"', note: 'device_type is required: pass "cuda" first; enabled, dtype and cache_enabled carry over.' } },
    GradScaler: { kind: 'class', summary: 'Legacy CUDA loss scaler; deprecated since 2.4 with a warning pointing to torch.amp.GradScaler("cuda", ...).', tags: T, replacement: { name: 'torch.amp.GradScaler', usage: 'torch.amp.GradScaler("cuda", ...)', leadingArgument: '"cuda"', note: 'device (first argument) defaults to "cuda"; the other arguments carry over.' } },
    custom_fwd: { kind: 'decorator', summary: 'Legacy CUDA-only custom-Function forward decorator; deprecated since 2.4.', replacement: { name: 'torch.amp.custom_fwd', usage: 'torch.amp.custom_fwd(device_type="cuda")', note: 'Add device_type="cuda".' } },
    custom_bwd: { kind: 'decorator', summary: 'Legacy CUDA-only custom-Function backward decorator; deprecated since 2.4.', replacement: { name: 'torch.amp.custom_bwd', usage: 'torch.amp.custom_bwd(device_type="cuda")', note: 'Add device_type="cuda".' } },
  }),
  ...defineGroup({ ...D, module: 'torch.cpu', docs: () => AMP }, {
    amp: { kind: 'module', summary: 'Legacy CPU mixed-precision namespace; its autocast is deprecated since 2.4 in favour of torch.amp.autocast("cpu", ...).', tags: T },
  }),
  ...defineGroup({ ...D, module: 'torch.cpu.amp', docs: () => AMP, status: DEP, verified: DEP_VERIFIED, sources: DEP_SOURCES }, {
    autocast: { kind: 'context-manager', summary: 'Legacy CPU autocast (bfloat16 by default); deprecated since 2.4 in favour of torch.amp.autocast("cpu", ...).', tags: T, replacement: { name: 'torch.amp.autocast', usage: 'torch.amp.autocast("cpu", ...)', leadingArgument: '"cpu"', note: 'device_type is required: pass "cpu" first.' } },
  }),
];
