/**
 * Writes the Python that copies weights between a PyTorch model and its Keras port, and the check script that builds
 * both, copies the weights and compares outputs. The layout facts (Dense kernel (in, out) vs Linear weight
 * (out, in); conv kernels (k..., in, out) vs (out, in, k...); transposed conv (k..., out, in) vs (in, out, k...);
 * GRU gates z, r, h in Keras vs r, z, n in PyTorch; one Keras recurrent bias vs PyTorch's two) live in the helpers below.
 */
import type { PortResult, WeightLink } from './types';

/** Python helpers copying one layer's weights, by layer kind; each takes (PyTorch module, Keras layer). */
const TORCH_TO_KERAS: Record<string, string> = {
  multiHeadAttention: `def _attention(t, k):
    # PyTorch packs query/key/value in in_proj_weight (3 * embed, embed); Keras keeps (embed, heads, head_dim) per projection.
    e, h = t.embed_dim, t.num_heads
    w = t.in_proj_weight.detach().numpy()
    b = None if t.in_proj_bias is None else t.in_proj_bias.detach().numpy()
    weights = []
    for i in range(3):
        weights.append(w[i * e:(i + 1) * e].T.reshape(e, h, e // h))
        if b is not None:
            weights.append(b[i * e:(i + 1) * e].reshape(h, e // h))
    weights.append(t.out_proj.weight.detach().numpy().T.reshape(h, e // h, e))
    if t.out_proj.bias is not None:
        weights.append(t.out_proj.bias.detach().numpy())
    k.set_weights(weights)`,
  linear: `def _linear(t, k):
    weights = [t.weight.detach().numpy().T]  # Linear weight (out, in) -> Dense kernel (in, out)
    if t.bias is not None:
        weights.append(t.bias.detach().numpy())
    k.set_weights(weights)`,
  conv: `def _conv(t, k):
    w = t.weight.detach().numpy()  # (out, in, *kernel) -> (*kernel, in, out)
    weights = [w.transpose(*range(2, w.ndim), 1, 0)]
    if t.bias is not None:
        weights.append(t.bias.detach().numpy())
    k.set_weights(weights)`,
  convTranspose: `def _conv_transpose(t, k):
    w = t.weight.detach().numpy()  # (in, out, *kernel) -> (*kernel, out, in)
    weights = [w.transpose(*range(2, w.ndim), 1, 0)]
    if t.bias is not None:
        weights.append(t.bias.detach().numpy())
    k.set_weights(weights)`,
  batchNorm: `def _batch_norm(t, k):
    weights = [t.weight.detach().numpy(), t.bias.detach().numpy()] if t.affine else []
    k.set_weights(weights + [t.running_mean.numpy(), t.running_var.numpy()])`,
  layerNorm: `def _layer_norm(t, k):
    weights = []
    if t.weight is not None:
        weights.append(t.weight.detach().numpy())
    if t.bias is not None:
        weights.append(t.bias.detach().numpy())
    k.set_weights(weights)`,
  embedding: `def _embedding(t, k):
    k.set_weights([t.weight.detach().numpy()])`,
  lstm: `def _lstm(t, k, direction=""):
    # Same gate order (input, forget, cell, output); Keras has one bias, PyTorch two that add up.
    p = {name: value.detach().numpy() for name, value in t.named_parameters()}
    weights = [p["weight_ih_l0" + direction].T, p["weight_hh_l0" + direction].T]
    if t.bias:
        weights.append(p["bias_ih_l0" + direction] + p["bias_hh_l0" + direction])
    k.set_weights(weights)`,
  simpleRnn: `def _simple_rnn(t, k, direction=""):
    p = {name: value.detach().numpy() for name, value in t.named_parameters()}
    weights = [p["weight_ih_l0" + direction].T, p["weight_hh_l0" + direction].T]
    if t.bias:
        weights.append(p["bias_ih_l0" + direction] + p["bias_hh_l0" + direction])
    k.set_weights(weights)`,
  gru: `def _swap_gru_gates(w):
    # PyTorch orders GRU gates (reset, update, new), Keras (update, reset, new): swap the first two blocks.
    r, z, n = np.split(w, 3, axis=0)
    return np.concatenate([z, r, n], axis=0)


def _gru(t, k, direction=""):
    p = {name: value.detach().numpy() for name, value in t.named_parameters()}
    weights = [_swap_gru_gates(p["weight_ih_l0" + direction]).T, _swap_gru_gates(p["weight_hh_l0" + direction]).T]
    if t.bias:
        # reset_after=True: Keras keeps the input and the recurrent bias apart, shape (2, 3 * units).
        weights.append(np.stack([_swap_gru_gates(p["bias_ih_l0" + direction]), _swap_gru_gates(p["bias_hh_l0" + direction])]))
    k.set_weights(weights)`,
};

const KERAS_TO_TORCH: Record<string, string> = {
  multiHeadAttention: `def _attention(k, t):
    # Keras keeps per-head kernels: query/key/value (embed, heads, head_dim), output (heads, head_dim, embed).
    weights = k.get_weights()
    step = 2 if len(weights) == 8 else 1
    e = t.embed_dim
    t.in_proj_weight.copy_(torch.from_numpy(np.concatenate([weights[i * step].reshape(e, -1).T for i in range(3)])))
    if step == 2:
        t.in_proj_bias.copy_(torch.from_numpy(np.concatenate([weights[i * 2 + 1].reshape(-1) for i in range(3)])))
        t.out_proj.bias.copy_(torch.from_numpy(weights[7]))
    t.out_proj.weight.copy_(torch.from_numpy(weights[3 * step].reshape(-1, e).T.copy()))`,
  linear: `def _linear(k, t):
    weights = k.get_weights()
    t.weight.copy_(torch.from_numpy(weights[0].T))  # Dense kernel (in, out) -> Linear weight (out, in)
    if len(weights) > 1:
        t.bias.copy_(torch.from_numpy(weights[1]))`,
  conv: `def _conv(k, t):
    weights = k.get_weights()
    w = weights[0]  # (*kernel, in, out) -> (out, in, *kernel)
    t.weight.copy_(torch.from_numpy(w.transpose(w.ndim - 1, w.ndim - 2, *range(w.ndim - 2)).copy()))
    if len(weights) > 1:
        t.bias.copy_(torch.from_numpy(weights[1]))`,
  convTranspose: `def _conv_transpose(k, t):
    weights = k.get_weights()
    w = weights[0]  # (*kernel, out, in) -> (in, out, *kernel)
    t.weight.copy_(torch.from_numpy(w.transpose(w.ndim - 1, w.ndim - 2, *range(w.ndim - 2)).copy()))
    if len(weights) > 1:
        t.bias.copy_(torch.from_numpy(weights[1]))`,
  batchNorm: `def _batch_norm(k, t):
    weights = k.get_weights()  # [gamma, beta,] moving_mean, moving_variance
    if t.affine:
        t.weight.copy_(torch.from_numpy(weights[0]))
        t.bias.copy_(torch.from_numpy(weights[1]))
    t.running_mean.copy_(torch.from_numpy(weights[-2]))
    t.running_var.copy_(torch.from_numpy(weights[-1]))`,
  layerNorm: `def _layer_norm(k, t):
    weights = k.get_weights()
    if t.weight is not None:
        t.weight.copy_(torch.from_numpy(weights.pop(0)))
    if t.bias is not None:
        t.bias.copy_(torch.from_numpy(weights.pop(0)))`,
  embedding: `def _embedding(k, t):
    t.weight.copy_(torch.from_numpy(k.get_weights()[0]))`,
  lstm: `def _lstm(k, t, direction=""):
    # Same gate order (input, forget, cell, output); the single Keras bias goes to bias_ih, bias_hh is zero.
    weights = k.get_weights()
    getattr(t, "weight_ih_l0" + direction).copy_(torch.from_numpy(weights[0].T.copy()))
    getattr(t, "weight_hh_l0" + direction).copy_(torch.from_numpy(weights[1].T.copy()))
    if t.bias:
        getattr(t, "bias_ih_l0" + direction).copy_(torch.from_numpy(weights[2]))
        getattr(t, "bias_hh_l0" + direction).zero_()`,
  simpleRnn: `def _simple_rnn(k, t, direction=""):
    weights = k.get_weights()
    getattr(t, "weight_ih_l0" + direction).copy_(torch.from_numpy(weights[0].T.copy()))
    getattr(t, "weight_hh_l0" + direction).copy_(torch.from_numpy(weights[1].T.copy()))
    if t.bias:
        getattr(t, "bias_ih_l0" + direction).copy_(torch.from_numpy(weights[2]))
        getattr(t, "bias_hh_l0" + direction).zero_()`,
  gru: `def _swap_gru_gates(w):
    # Keras orders GRU gates (update, reset, new), PyTorch (reset, update, new): swap the first two blocks.
    z, r, n = np.split(w, 3, axis=0)
    return np.concatenate([r, z, n], axis=0)


def _gru(k, t, direction=""):
    weights = k.get_weights()
    getattr(t, "weight_ih_l0" + direction).copy_(torch.from_numpy(_swap_gru_gates(weights[0].T).copy()))
    getattr(t, "weight_hh_l0" + direction).copy_(torch.from_numpy(_swap_gru_gates(weights[1].T).copy()))
    if t.bias:
        # reset_after=True: row 0 is the input bias, row 1 the recurrent bias.
        getattr(t, "bias_ih_l0" + direction).copy_(torch.from_numpy(_swap_gru_gates(weights[2][0]).copy()))
        getattr(t, "bias_hh_l0" + direction).copy_(torch.from_numpy(_swap_gru_gates(weights[2][1]).copy()))`,
};

const HELPER_NAME: Record<string, string> = {
  multiHeadAttention: '_attention',
  linear: '_linear',
  conv: '_conv',
  convTranspose: '_conv_transpose',
  batchNorm: '_batch_norm',
  layerNorm: '_layer_norm',
  embedding: '_embedding',
  lstm: '_lstm',
  gru: '_gru',
  simpleRnn: '_simple_rnn',
};

/** The `port_weights(source_model, target_model)` function and its helpers, for the ported module. */
export function weightPortingCode(from: 'pytorch' | 'keras', links: WeightLink[]): string {
  const helpers = from === 'pytorch' ? TORCH_TO_KERAS : KERAS_TO_TORCH;
  const kinds = [...new Set(links.map((l) => l.kind))];
  const lines: string[] = [];
  for (const kind of kinds) lines.push(helpers[kind], '', '');
  if (from === 'pytorch') {
    lines.push('def port_weights(torch_model, keras_model):');
    lines.push('    """Copies the weights of the PyTorch model into the Keras port (call the Keras model once first, so it is built)."""');
    for (const link of links) {
      const helper = HELPER_NAME[link.kind];
      if (!link.bidirectional) lines.push(`    ${helper}(torch_model${link.source}, keras_model${link.target})`);
      else {
        // PyTorch suffixes the backward direction's weights with _reverse; Keras Bidirectional holds two layers.
        lines.push(`    ${helper}(torch_model${link.source}, keras_model${link.target}.forward_layer)`);
        lines.push(`    ${helper}(torch_model${link.source}, keras_model${link.target}.backward_layer, "_reverse")`);
      }
    }
  } else {
    lines.push('@torch.no_grad()');
    lines.push('def port_weights(keras_model, torch_model):');
    lines.push('    """Copies the weights of the Keras model into the PyTorch port (run both once first, so lazy modules and Keras layers are built)."""');
    for (const link of links) {
      const helper = HELPER_NAME[link.kind];
      if (!link.bidirectional) lines.push(`    ${helper}(keras_model${link.source}, torch_model${link.target})`);
      else {
        // Keras Bidirectional holds two layers; PyTorch suffixes the backward direction's weights with _reverse.
        lines.push(`    ${helper}(keras_model${link.source}.forward_layer, torch_model${link.target})`);
        lines.push(`    ${helper}(keras_model${link.source}.backward_layer, torch_model${link.target}, "_reverse")`);
      }
    }
  }
  if (links.length === 0) lines.push('    pass  # no layer with weights');
  return lines.join('\n');
}

/**
 * A standalone script: imports the original and the ported module by path, builds both models, gives BatchNorm
 * non-trivial running statistics, copies the weights, runs one random batch through both in inference mode and
 * asserts the outputs agree within `tolerance`. Prints one line `framework-guide check: ok max_abs_diff=...`.
 */
export function checkScript(result: PortResult, originalPath: string, portedPath: string, options: { tolerance?: number; inputShape?: number[] } = {}): string {
  const shape = options.inputShape ?? result.inputShape;
  const tolerance = options.tolerance ?? 1e-4;
  const torchSource = result.sourceFramework === 'pytorch';
  const lines = [
    '"""Framework Guide port check: builds the original and the ported model, copies the weights, compares outputs."""',
    'import importlib.util',
    'import os',
    'import sys',
    '',
    'os.environ.setdefault("KERAS_BACKEND", "tensorflow")',
    'os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")',
    'import numpy as np',
    'import torch',
    'import keras',
    '',
    `ORIGINAL = ${JSON.stringify(originalPath)}`,
    `PORTED = ${JSON.stringify(portedPath)}`,
    `INPUT_SHAPE = ${shape ? `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})` : 'None  # TODO(framework-guide): the input shape without the batch dimension'}`,
    `INTEGER_INPUT_BELOW = ${result.integerInputBelow ?? 'None'}`,
    `TOLERANCE = ${tolerance}`,
    '',
    '',
    'def load(path, name):',
    '    spec = importlib.util.spec_from_file_location(name, path)',
    '    module = importlib.util.module_from_spec(spec)',
    '    spec.loader.exec_module(module)',
    '    return module',
    '',
    '',
    'def flat(outputs):',
    '    if isinstance(outputs, (list, tuple)):',
    '        return [a for o in outputs for a in flat(o)]',
    '    if isinstance(outputs, torch.Tensor):',
    '        return [outputs.detach().numpy()]',
    '    return [np.asarray(keras.ops.convert_to_numpy(outputs))]',
    '',
    '',
    'def main():',
    '    torch.manual_seed(0)',
    '    keras.utils.set_random_seed(0)',
    '    rng = np.random.default_rng(0)',
    '    original = load(ORIGINAL, "fg_original")',
    '    ported = load(PORTED, "fg_ported")',
    `    source = original.${result.sourceModel}`,
    `    target = ported.${result.targetModel}`,
    '    if INTEGER_INPUT_BELOW is not None:',
    '        x = rng.integers(0, INTEGER_INPUT_BELOW, size=(2, *INPUT_SHAPE))',
    '        torch_x, keras_x = torch.from_numpy(x.astype("int64")), x.astype("int32")',
    '    else:',
    '        x = rng.standard_normal((2, *INPUT_SHAPE)).astype("float32")',
    '        torch_x, keras_x = torch.from_numpy(x), x',
  ];
  if (torchSource) {
    lines.push(
      '    torch_model, keras_model = source, target',
      '    with torch.no_grad():',
      '        for module in torch_model.modules():',
      '            if isinstance(module, torch.nn.modules.batchnorm._BatchNorm) and module.track_running_stats:',
      '                module.running_mean.copy_(torch.from_numpy(rng.normal(0, 0.5, module.running_mean.shape).astype("float32")))',
      '                module.running_var.copy_(torch.from_numpy(rng.uniform(0.5, 1.5, module.running_var.shape).astype("float32")))',
      '    torch_model.eval()',
      '    keras_model(keras_x, training=False)',
      '    ported.port_weights(torch_model, keras_model)',
    );
  } else {
    lines.push(
      '    keras_model, torch_model = source, target',
      '    keras_model(keras_x, training=False)',
      '    for variable in keras_model.non_trainable_variables:',
      '        if variable.path.endswith("moving_mean"):',
      '            variable.assign(rng.normal(0, 0.5, variable.shape).astype("float32"))',
      '        elif variable.path.endswith("moving_variance"):',
      '            variable.assign(rng.uniform(0.5, 1.5, variable.shape).astype("float32"))',
      '    with torch.no_grad():',
      '        torch_model(torch_x)',
      '    ported.port_weights(keras_model, torch_model)',
      '    torch_model.eval()',
    );
  }
  lines.push(
    '    with torch.no_grad():',
    '        expected_torch = flat(torch_model(torch_x))',
    '    expected_keras = flat(keras_model(keras_x, training=False))',
    '    if len(expected_torch) != len(expected_keras):',
    '        sys.exit(f"framework-guide check: FAILED {len(expected_torch)} PyTorch outputs vs {len(expected_keras)} Keras outputs")',
    '    worst = 0.0',
    '    for a, b in zip(expected_torch, expected_keras):',
    '        if a.shape != b.shape:',
    '            sys.exit(f"framework-guide check: FAILED shapes differ: PyTorch {a.shape} vs Keras {b.shape}")',
    '        worst = max(worst, float(np.max(np.abs(a - b))) if a.size else 0.0)',
    '        if not np.allclose(a, b, atol=TOLERANCE, rtol=TOLERANCE):',
    '            sys.exit(f"framework-guide check: FAILED max_abs_diff={worst:.3g}")',
    '    print(f"framework-guide check: ok max_abs_diff={worst:.3g}")',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  );
  return lines.join('\n');
}
