/** Graph capture and export: torch.compile, torch.export, torch.fx, torch.func, TorchScript (deprecated) and ONNX export. */
import { defineGroup } from '../../define';
import { VERIFIED_113, VERIFIED_DOCS, eq, generated, page } from './common';

const P = { framework: 'pytorch' as const, verified: VERIFIED_113, docs: generated };
/** PyTorch's own source dates the deprecation: `.. deprecated:: 2.5` in the torch.jit docstrings (read in the installed 2.13). */
const JIT_DEP = {
  state: 'deprecated' as const,
  since: '2.5',
  date: '2024-10',
  note: "PyTorch's source marks TorchScript deprecated since 2.5 in favour of torch.compile; in 2.13 script, trace, save and load warn when called and point to torch.compile or torch.export. Existing code keeps working.",
};
const JIT_SOURCES = [page('jit.html'), 'https://github.com/pytorch/pytorch/blob/v2.13.0/torch/jit/__init__.py', 'https://github.com/pytorch/pytorch/blob/v2.13.0/torch/jit/_script.py'];
const JIT_VERIFIED = 'PyTorch 2.13.0 installed (test/fixtures/truth: deprecation directives and warnings in torch.jit), 2026-11-27';
const EXPORT_SOURCES = [page('export.html'), 'https://pytorch.org/blog/pytorch-2-1/'];

export default [
  ...defineGroup({ ...P, module: 'torch', sources: [page('torch.compiler.html'), 'https://pytorch.org/blog/pytorch-2.0-release/'] }, {
    compile: { kind: 'function', summary: 'Optimises a model or function with TorchDynamo graph capture and the TorchInductor compiler (default backend); mode "reduce-overhead" or "max-autotune" trade compile time for speed. Added in 2.0; first calls are slow while compiling.', verified: VERIFIED_DOCS, tags: ['training-loop', 'inference'], section: 'performance', equivalents: [eq('tensorflow.function', 'tf.function traces Python into a TF graph; XLA via jit_compile=True.')] },
    vmap: { kind: 'function', summary: 'Vectorising map: turns a per-example function into a batched one; alias of torch.func.vmap, added in 2.0.', verified: VERIFIED_DOCS, equivalents: [eq('tensorflow.vectorized_map')] },
    func: { kind: 'module', summary: 'JAX-like composable function transforms (grad, vmap, jacrev, jacfwd, functional_call), the successor of functorch; added in 2.0.', verified: VERIFIED_DOCS, docs: page('func.html') },
    export: { kind: 'module', summary: 'Ahead-of-time whole-graph capture into an ExportedProgram for deployment (AOTInductor, ExecuTorch, ONNX); the recommended replacement for TorchScript. Introduced in 2.1.', verified: VERIFIED_DOCS, sources: EXPORT_SOURCES, docs: page('export.html'), tags: ['export'], section: 'deployment', equivalents: [eq('tensorflow.saved_model.save', 'SavedModel stores TF graphs plus variables for TF Serving.')] },
    jit: { kind: 'module', summary: 'TorchScript: script and trace models into a serialisable graph runnable without Python. Deprecated; new code should use torch.export.', status: JIT_DEP, verified: JIT_VERIFIED, sources: JIT_SOURCES, docs: page('jit.html'), tags: ['export'], section: 'changes-since-2023', replacement: { name: 'torch.export', note: 'Different capture model and output format; exporting needs to be redone, not renamed.' } },
    onnx: { kind: 'module', summary: 'Exports models to the ONNX format for ONNX Runtime and other runtimes.', sources: [page('onnx.html')], docs: page('onnx.html'), tags: ['export'], section: 'deployment' },
    fx: { kind: 'module', summary: 'Python-level graph capture and transformation toolkit (symbolic tracing, GraphModule) used for quantization and model rewriting.', sources: [page('fx.html')], docs: page('fx.html') },
  }),
  ...defineGroup({ ...P, module: 'torch.export', verified: VERIFIED_DOCS, sources: EXPORT_SOURCES, docs: (n: string) => `${page('export.html')}#${n}` }, {
    export: { kind: 'function', summary: 'Traces a module with example inputs into an ExportedProgram (a sound, Python-free graph); graph breaks are errors rather than fallbacks, and dynamic dims must be declared.', tags: ['export'], section: 'deployment', equivalents: [eq('tensorflow.saved_model.save')] },
    ExportedProgram: { kind: 'class', summary: 'The result of torch.export.export: the graph module, its signature and state.', tags: ['export'] },
    save: { kind: 'function', summary: 'Serialises an ExportedProgram to a .pt2 file.', tags: ['export'] },
    load: { kind: 'function', summary: 'Loads an ExportedProgram saved with torch.export.save.', tags: ['export'], equivalents: [eq('tensorflow.saved_model.load')] },
  }),
  ...defineGroup({ ...P, module: 'torch.func', verified: VERIFIED_DOCS, sources: [page('func.html')] }, {
    vmap: { kind: 'function', summary: 'Vectorises a function over a batch dimension without writing the batching by hand.', equivalents: [eq('tensorflow.vectorized_map')] },
    grad: { kind: 'function', summary: 'Returns a function computing the gradient of a scalar function, composable with vmap for per-sample gradients.' },
    functional_call: { kind: 'function', summary: 'Calls a module with a given dict of parameters and buffers instead of its own, for functional training and meta-learning.' },
  }),
  ...defineGroup({ ...P, module: 'torch.jit', status: JIT_DEP, verified: JIT_VERIFIED, sources: JIT_SOURCES }, {
    script: { kind: 'function', summary: 'Compiles a module or function from its Python source into TorchScript; deprecated along with TorchScript.', tags: ['export'], replacement: { name: 'torch.export.export', note: 'Takes example inputs and produces an ExportedProgram; data-dependent control flow must be rewritten to be exportable.' } },
    trace: { kind: 'function', summary: 'Records the ops run for example inputs into a TorchScript graph; a branch on tensor values is baked in, usually with only a TracerWarning at trace time, and the graph then takes that branch for every input. Deprecated along with TorchScript.', tags: ['export'], replacement: { name: 'torch.export.export', note: 'Similar example-input tracing, but unsound cases raise errors instead of being baked in.' } },
    save: { kind: 'function', summary: 'Saves a ScriptModule to a file loadable from Python or C++ (LibTorch); deprecated along with TorchScript.', tags: ['export'], replacement: { name: 'torch.export.save', note: 'Saves an ExportedProgram (.pt2) instead; not loadable by torch.jit.load.' } },
    load: { kind: 'function', summary: 'Loads a ScriptModule saved with torch.jit.save; deprecated along with TorchScript.', tags: ['export'], replacement: { name: 'torch.export.load', note: 'Only for programs saved with torch.export.save.' } },
    ScriptModule: { kind: 'class', summary: 'A module compiled to TorchScript, returned by torch.jit.script or trace; deprecated along with TorchScript.', tags: ['export'], replacement: { name: 'torch.export.ExportedProgram' } },
  }),
  ...defineGroup({ ...P, module: 'torch.onnx', sources: [page('onnx.html'), 'https://docs.pytorch.org/docs/stable/onnx_dynamo.html'], docs: () => page('onnx.html') }, {
    export: { kind: 'function', summary: 'Exports a model to an ONNX file from example args. Since 2.9 it uses the torch.export-based (dynamo=True) exporter by default; older releases used TorchScript tracing.', verified: 'PyTorch ONNX docs (2026); dynamo=True is the default in the PyTorch 2.13.0 signature (test/fixtures/truth, 2026-11-27); default since 2.9 per secondary coverage (claims.md S19)', tags: ['export'], section: 'deployment', sources: [page('onnx.html'), 'https://docs.pytorch.org/docs/stable/onnx_dynamo.html', 'https://livebook.manning.com/learn/concepts/torch-onnx-export--api-element/quantization-and-fast-inference'] },
  }),
  ...defineGroup({ ...P, module: 'torch.fx', sources: [page('fx.html')] }, {
    symbolic_trace: { kind: 'function', summary: 'Symbolically traces a module into an FX GraphModule of Python-level ops.' },
    GraphModule: { kind: 'class', summary: 'A module generated from an FX Graph, with regenerated Python code for forward.' },
  }),
];
