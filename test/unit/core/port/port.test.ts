// The model porter on the fixture collection, without Python: what it recognises, what it writes for layouts,
// defaults and input sizes, which weight helpers it calls, and where it leaves TODO lines.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkScript, findModelHeaders, findModels, portModel, type PortResult } from '../../../../src/core/port';
import { ExpressionReader, childrenOf } from '../../../../src/core/port/pyexpr';
import { analyzeTree } from '../../../../src/core/python/analyze';
import { parser } from '../../../../src/core/python/parser';

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'port');
const read = (file: string): string => fs.readFileSync(path.join(fixtures, file), 'utf8');

function port(file: string, to: 'keras' | 'pytorch', inputShape?: number[]): PortResult {
  const outcome = portModel(read(file), {}, { to, ...(inputShape ? { inputShape } : {}) });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.result;
}

suite('core/port: reading expressions', () => {
  test('calleeOf() is the callee read() gives a call (through parentheses), and undefined for anything else', () => {
    const text = [
      'import torch.nn as nn',
      'a = nn.Sequential(nn.Linear(2, 3))',
      'b = (nn.Sequential(nn.ReLU()))',
      'c = ((make)(1))(2)',
      'd = nn.Linear',
      'e = [nn.Linear(1, 2)]',
      'f = (1, 2)',
      'g = 3',
    ].join('\n');
    const tree = parser.parse(text);
    const reader = new ExpressionReader(text, analyzeTree(text, tree));
    const values = childrenOf(tree.topNode).slice(1).map((statement) => childrenOf(statement)[2]);
    const callees = values.map((value) => {
      const full = reader.read(value);
      const callee = reader.calleeOf(value);
      assert.deepStrictEqual(callee, full.t === 'call' ? full.fn : undefined, reader.slice(value));
      return callee?.text;
    });
    assert.deepStrictEqual(callees, ['nn.Sequential', 'nn.Sequential', '(make)(1)', undefined, undefined, undefined, undefined]);
    const first = reader.calleeOf(values[0]);
    assert.strictEqual(first?.t === 'attr' ? first.qn : undefined, 'torch.nn.Sequential');
  });
});

suite('core/port: finding models', () => {
  test('the headers the CodeLens asks for are those of the models found in full, in the same order', () => {
    const sources = [
      ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.py')).map((f) => path.join(fixtures, f)),
      ...fs.readdirSync(path.join(process.cwd(), 'sample')).filter((f) => f.endsWith('.py')).map((f) => path.join(process.cwd(), 'sample', f)),
    ];
    let models = 0;
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      const full = findModels(text).map(({ framework, name, headerSpan }) => ({ framework, name, headerSpan }));
      assert.deepStrictEqual(findModelHeaders(text), full, file);
      models += full.length;
    }
    assert.ok(models >= 20, `models compared: ${models}`);
  });

  test('recognises Sequential assignments, builder functions, model.add and subclasses of both frameworks', () => {
    const kinds = (file: string): string[] => findModels(read(file)).map((m) => `${m.framework} ${m.form} ${m.name}${m.factory ? '()' : ''}`);
    assert.deepStrictEqual(kinds('mlp_torch.py'), ['pytorch sequential model']);
    assert.deepStrictEqual(kinds('lenet_torch.py'), ['pytorch class LeNet']);
    assert.deepStrictEqual(kinds('mlp_keras.py'), ['keras sequential model']);
    assert.deepStrictEqual(kinds('resnet_block_keras.py'), ['keras class ResidualBlock']);
    assert.deepStrictEqual(kinds('cifar_cnn_keras.py'), ['keras class SmallCNN']);
    assert.deepStrictEqual(kinds('factory_keras.py'), ['keras sequential build_model()']);
    const added = findModels(read('add_style_keras.py'))[0];
    assert.strictEqual(added.layers.length, 3);
    assert.deepStrictEqual(added.inputShape, [8]);
  });

  test('reads the input shape from keras.Input, input_shape= and module constants', () => {
    assert.deepStrictEqual(findModels(read('mnist_convnet_keras.py'))[0].inputShape, [28, 28, 1]);
    assert.deepStrictEqual(findModels(read('lenet_keras.py'))[0].inputShape, [28, 28, 1]);
    assert.strictEqual(findModels(read('cifar_cnn_keras.py'))[0].inputShape, undefined);
  });

  test('picks the model under the cursor and refuses a model already in the target framework', () => {
    const text = read('lenet_torch.py');
    const inside = text.indexOf('self.fc2');
    const outcome = portModel(text, { offset: inside }, { to: 'pytorch' });
    assert.deepStrictEqual(outcome, { ok: false, message: 'LeNet is already a PyTorch model.' });
    const missing = portModel(text, { name: 'Nope' }, { to: 'keras' });
    assert.ok(!missing.ok && /No model named Nope; found: LeNet/.test(missing.message));
    const selected = portModel(text, { offset: 0, end: text.length }, { to: 'keras' });
    assert.ok(selected.ok && selected.result.name === 'LeNet', 'a selection around the class picks it');
    const none = portModel(read('edge_cases_torch.py').replace(/nn\.Sequential/g, 'list'), {}, { to: 'keras' });
    assert.ok(!none.ok && /No model found/.test(none.message));
  });
});

suite('core/port: PyTorch to Keras', () => {
  test('convolutions run channels-last between explicit permutes, and flatten sees PyTorch\'s order', () => {
    const result = port('lenet_torch.py', 'keras', [1, 32, 32]);
    assert.match(result.code, /self\.conv1 = keras\.layers\.Conv2D\(6, 5\)/);
    assert.match(result.code, /x = keras\.ops\.max_pool\(keras\.ops\.relu\(self\.conv1\(keras\.ops\.transpose\(x, \(0, 2, 3, 1\)\)\)\), \(2, 2\)\)/);
    assert.match(result.code, /x = keras\.ops\.reshape\(keras\.ops\.transpose\(x, \(0, 3, 1, 2\)\), \(-1, math\.prod/);
    assert.deepStrictEqual(result.todos, []);
    assert.deepStrictEqual(
      result.weights.map((w) => `${w.kind} ${w.source} ${w.target}`),
      ['conv .conv1 .conv1', 'conv .conv2 .conv2', 'linear .fc1 .fc1', 'linear .fc2 .fc2', 'linear .fc3 .fc3'],
    );
  });

  test('a Sequential stays a Sequential, with Permute layers where the layout changes', () => {
    const result = port('dcgan_discriminator_torch.py', 'keras', [1, 28, 28]);
    assert.match(result.code, /keras\.layers\.Permute\(\(2, 3, 1\)\),  # to channels-last for Keras/);
    assert.match(result.code, /keras\.layers\.ZeroPadding2D\(padding=1\),/);
    assert.match(result.code, /keras\.layers\.Conv2D\(16, 4, strides=2, use_bias=False\),/);
    assert.match(result.code, /keras\.layers\.LeakyReLU\(negative_slope=0\.2\),/);
    assert.match(result.code, /keras\.layers\.Permute\(\(3, 1, 2\)\),  # back to PyTorch's channels-first order\n\s+keras\.layers\.Flatten\(\)/);
  });

  test('BatchNorm defaults are written out: PyTorch eps and momentum converted (0.1 → 0.9)', () => {
    assert.match(port('vgg_block_torch.py', 'keras').code, /keras\.layers\.BatchNormalization\(epsilon=1e-05, momentum=0\.9\)/);
    assert.match(port('batchnorm_mlp_torch.py', 'keras').code, /keras\.layers\.BatchNormalization\(momentum=0\.95\)/);
    assert.match(port('layernorm_mlp_torch.py', 'keras').code, /keras\.layers\.LayerNormalization\(axis=-1, epsilon=1e-05\)/);
  });

  test('recurrent layers return sequences and states like PyTorch, sequence-first input is transposed', () => {
    const lstm = port('lstm_classifier_torch.py', 'keras', [12]);
    assert.match(lstm.code, /keras\.layers\.LSTM\(hidden_dim, return_sequences=True, return_state=True\)/);
    assert.match(lstm.code, /out, h, c = self\.lstm\(x\)/);
    assert.strictEqual(lstm.integerInputBelow, 1000);
    const rnn = port('rnn_seq_first_torch.py', 'keras', [4, 8]);
    assert.match(rnn.code, /out, h = self\.rnn\(keras\.ops\.transpose\(x, \(1, 0, 2\)\)\)/);
    const gru = port('gru_classifier_torch.py', 'keras', [10, 8]);
    assert.match(gru.code, /def _swap_gru_gates\(w\):/);
  });

  test('constructs outside the subset become TODO lines quoting the original, never guesses', () => {
    const result = port('bilstm_tagger_torch.py', 'keras', [7]);
    assert.match(result.code, /# TODO\(framework-guide\): stacked recurrent layers \(num_layers > 1\): port as separate Keras layers: nn\.LSTM\(embedding_dim, hidden_dim \/\/ 2, num_layers=2, bidirectional=True, batch_first=True\)/);
    assert.match(result.code, /# TODO\(framework-guide\): only straight-line assignments and return are ported: for t in range\(lstm_out\.shape\[1\]\):\n\s+#\s+scores\.append/);
    assert.deepStrictEqual([...new Set(result.todos.map((t) => t.construct))], ['nn.LSTM', 'for statement', 'torch.stack']);
    assert.match(result.code, /# \d+ construct\(s\) were not ported/);
  });

  test('nn.MultiheadAttention becomes MultiHeadAttention with key_dim = embed_dim / num_heads and (query, value, key) order', () => {
    const result = port('transformer_block_torch.py', 'keras', [6, 32]);
    assert.match(result.code, /keras\.layers\.MultiHeadAttention\(num_heads=nhead, key_dim=d_model \/\/ nhead, dropout=dropout\)/);
    assert.match(result.code, /attn_out = self\.attn\(x, x, x, training=training\)/);
    assert.match(result.code, /def _attention\(t, k\):/);
    assert.deepStrictEqual(result.todos, []);
  });

  test('a transposed convolution cropping (kernel - stride) / 2 on each side is Keras padding="same"', () => {
    const generator = port('dcgan_generator_torch.py', 'keras', [16, 1, 1]);
    assert.match(generator.code, /keras\.layers\.Conv2DTranspose\(ngf \* 2, 4, strides=2, padding="same", use_bias=False\)/);
    assert.deepStrictEqual(generator.todos, []);
    const odd = portModel(read('edge_cases_torch.py'), { name: 'odd_transpose' }, { to: 'keras' });
    assert.ok(odd.ok && odd.result.todos.length === 1 && /Keras has no cropping argument/.test(odd.result.todos[0].reason));
  });
});

suite('core/port: Keras to PyTorch', () => {
  test('input sizes come from the input shape; permutes surround the convolutions', () => {
    const result = port('mnist_convnet_keras.py', 'pytorch');
    assert.strictEqual(result.sizes, 'inferred');
    assert.match(result.code, /self\.conv2d = nn\.Conv2d\(1, 32, \(3, 3\)\)/);
    assert.match(result.code, /self\.dense = nn\.Linear\(1600, num_classes\)/);
    assert.match(result.code, /x = torch\.relu\(self\.conv2d\(x\.permute\(0, 3, 1, 2\)\)\)/);
    assert.match(result.code, /x = self\.flatten\(x\.permute\(0, 2, 3, 1\)\)/);
    assert.match(result.code, /\nmodel = Model\(\)/);
  });

  test('the functional API becomes a module named after the model, with Keras\' default layer names and layer indices', () => {
    const [model] = findModels(read('functional_toy_resnet_keras.py'));
    assert.strictEqual(model.functional, 'model');
    assert.strictEqual(model.name, 'ToyResnet');
    assert.deepStrictEqual(model.inputShape, [32, 32, 3]);
    const result = port('functional_toy_resnet_keras.py', 'pytorch');
    assert.match(result.code, /class ToyResnet\(nn\.Module\):/);
    assert.match(result.code, /block_2_output = x \+ block_1_output/);
    assert.match(result.code, /\nmodel = ToyResnet\(\)/);
    // InputLayer is layers[0]; layers.add([...]) creates the Add layer at index 6.
    assert.deepStrictEqual(result.weights.map((w) => w.source), ['.layers[1]', '.layers[2]', '.layers[4]', '.layers[5]', '.layers[7]', '.layers[9]', '.layers[11]']);
    assert.strictEqual(result.sourceModel, 'model');
  });

  test('Keras Bidirectional becomes bidirectional=True; its last output is both final states', () => {
    const result = port('bidirectional_lstm_keras.py', 'pytorch', [25]);
    assert.match(result.code, /self\.bidirectional = nn\.LSTM\(32, 16, batch_first=True, bidirectional=True\)/);
    assert.match(result.code, /x = torch\.cat\(tuple\(self\.bidirectional_1\(x\)\[1\]\[0\]\), dim=1\)/);
    assert.match(result.code, /_lstm\(keras_model\.layers\[2\]\.backward_layer, torch_model\.bidirectional, "_reverse"\)/);
    assert.match(result.code, /self\.dense = nn\.Linear\(32, 1\)/);
  });

  test('without an input shape the port uses lazy modules and says so', () => {
    const result = port('cnn_lazy_keras.py', 'pytorch');
    assert.strictEqual(result.sizes, 'lazy');
    assert.match(result.code, /nn\.LazyConv2d\(8, 3\)/);
    assert.match(result.code, /nn\.LazyBatchNorm2d\(eps=0\.001, momentum=0\.01\)/);
    assert.match(result.code, /# Sizes: the input shape was not known, so lazy modules infer the input sizes on the first call\./);
  });

  test('a Sequential of dense layers becomes an nn.Sequential with the activations as modules', () => {
    const result = port('mlp_keras.py', 'pytorch');
    assert.match(result.code, /model = nn\.Sequential\(\n\s+nn\.Linear\(784, 256\),\n\s+nn\.ReLU\(\),\n\s+nn\.Dropout\(p=0\.2\),\n\s+nn\.Linear\(256, 10\),\n\s+nn\.Softmax\(dim=-1\),\n\)/);
    assert.deepStrictEqual(result.weights.map((w) => `${w.source} ${w.target}`), ['.layers[0] [0]', '.layers[2] [3]']);
  });

  test('Keras "same" padding with strides becomes explicit padding with the odd row at the end', () => {
    const result = port('strided_same_keras.py', 'pytorch');
    assert.match(result.code, /self\.conv2d_pad = nn\.ConstantPad2d\(\(1, 1, 1, 1\), 0\.0\)\n\s+self\.conv2d = nn\.Conv2d\(3, 16, 3, stride=2\)/);
    assert.match(result.code, /self\.max_pooling2d_pad = nn\.ConstantPad2d\(\(0, 1, 0, 1\), float\("-inf"\)\)/);
    assert.match(result.code, /x = self\.max_pooling2d\(self\.max_pooling2d_pad\(x\)\)/);
    const transposed = port('conv_autoencoder_keras.py', 'pytorch');
    assert.match(transposed.code, /x = torch\.relu\(self\.conv_transpose2d\(x\)\[:, :, 0:14, 0:14\]\)/);
    assert.deepStrictEqual(transposed.todos, []);
  });

  test('what has no exact PyTorch form stays a TODO: same-padded average pooling, strided "same" without a shape', () => {
    const text = read('edge_cases_keras.py');
    const avg = portModel(text, { name: 'same_avg_pool' }, { to: 'pytorch' });
    assert.ok(avg.ok && /leaves the padding out of the average/.test(avg.result.todos[0]?.reason ?? ''));
    const strided = portModel(text, { name: 'StridedWithoutShape' }, { to: 'pytorch' });
    assert.ok(strided.ok && /give the input shape/.test(strided.result.todos[0]?.reason ?? ''));
  });

  test('the check script loads both files, randomises BatchNorm statistics and compares within tolerance', () => {
    const result = port('vgg_block_keras.py', 'pytorch');
    const script = checkScript(result, '/data/original.py', '/data/ported.py');
    assert.match(script, /ORIGINAL = "\/data\/original\.py"/);
    assert.match(script, /INPUT_SHAPE = \(32, 32, 3\)/);
    assert.match(script, /source = original\.vgg_block/);
    assert.match(script, /target = ported\.vgg_block/);
    assert.match(script, /variable\.path\.endswith\("moving_variance"\)/);
    assert.match(script, /np\.allclose\(a, b, atol=TOLERANCE, rtol=TOLERANCE\)/);
  });
});
