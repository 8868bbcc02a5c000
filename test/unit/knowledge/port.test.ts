// Holds the porter's layer table (src/knowledge/port.ts) against the installed frameworks' signatures
// (test/fixtures/truth): every class exists, every argument exists with the default the table states, and the
// positional order the porter reads is the real one.
import * as assert from 'assert';
import { PORT_ACTIVATIONS, PORT_LAYERS, findPortLayer } from '../../../src/knowledge/port';
import { Surfaces, type Parameter } from './apiSurface';

const surfaces = new Surfaces();

function sameValue(real: string | undefined, stated: string | undefined): boolean {
  if (real === stated) return true;
  if (real === undefined || stated === undefined) return false;
  const unquote = (v: string): string => v.replace(/^["'](.*)["']$/, '$1');
  if (unquote(real) === unquote(stated)) return true;
  return Number(real) === Number(stated) && !Number.isNaN(Number(real));
}

function parametersOf(name: string): Parameter[] {
  const params = surfaces.parameters(name);
  // nn.Identity takes (*args, **kwargs) and ignores them: nothing to hold the table against.
  if (name === 'torch.nn.Identity' || name === 'keras.layers.Identity') return params ?? [];
  assert.ok(params, `${name}: no signature in the dumps`);
  return params.filter((p) => p.name !== 'self');
}

suite('knowledge: the porter layer table against the installed signatures', () => {
  test('every PyTorch and Keras class of the table exists', () => {
    const missing = PORT_LAYERS.flatMap((row) => [...row.torch, ...row.keras]).filter((name) => !surfaces.find(name));
    assert.deepStrictEqual(missing, []);
  });

  test('every argument exists on its side with the stated default', () => {
    const problems: string[] = [];
    for (const row of PORT_LAYERS) {
      const torchParams = parametersOf(row.torch[0]);
      const kerasParams = parametersOf(row.keras[0]);
      for (const param of row.params) {
        const t = torchParams.find((p) => p.name === param.torch);
        if (!t) problems.push(`${row.torch[0]}: no argument ${param.torch}`);
        else if (!sameValue(t.default, param.torchDefault)) problems.push(`${row.torch[0]}(${param.torch}): default ${t.default}, table ${param.torchDefault}`);
        if (!param.keras) continue;
        const k = kerasParams.find((p) => p.name === param.keras);
        if (!k) problems.push(`${row.keras[0]}: no argument ${param.keras}`);
        else if (!sameValue(k.default, param.kerasDefault)) problems.push(`${row.keras[0]}(${param.keras}): default ${k.default}, table ${param.kerasDefault}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  test('the positional order the porter reads is the constructors\' own', () => {
    const problems: string[] = [];
    for (const row of PORT_LAYERS) {
      for (const [name, positional] of [
        [row.torch[0], row.torchPositional],
        [row.keras[0], row.kerasPositional],
      ] as const) {
        // torch.nn.LSTM/GRU/RNN forward (*args, **kwargs) to RNNBase(mode, input_size, ...): skip the mode.
        const params = parametersOf(name).filter((p) => p.name !== 'mode' && !p.name.startsWith('*'));
        const actual = params.slice(0, positional.length).map((p) => p.name);
        if (actual.join(',') !== positional.join(',')) problems.push(`${name}: porter reads ${positional.join(', ')}, signature has ${actual.join(', ')}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  test('activations: the module, the functions and the Keras function exist', () => {
    const names = PORT_ACTIVATIONS.flatMap((a) => [a.torchModule, a.kerasWrite, ...a.torchFunctions.filter((f) => f.includes('.')), ...a.kerasLayers]);
    assert.deepStrictEqual(names.filter((n) => !surfaces.find(n)), []);
  });

  test('lookup reads tf.keras names as Keras names', () => {
    assert.strictEqual(findPortLayer('tensorflow.keras.layers.Dense')?.layer.kind, 'linear');
    assert.strictEqual(findPortLayer('torch.nn.Conv1d')?.layer.rank, 1);
    assert.strictEqual(findPortLayer('torch.nn.TransformerEncoderLayer'), undefined);
  });
});
