/** The pure parts of the port corpus bench: reading the manifest, reading the CLI's and the checks' output, causes and counts. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  causeOf,
  cell,
  checkOutcomeOf,
  outcomeRow,
  parsePortCorpus,
  portMessage,
  summarise,
  todoConstructs,
  withoutFolder,
  type ModelOutcome,
} from '../../../bench/portCorpus';

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'bench', 'port-corpus');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

suite('bench: port corpus', () => {
  test('the manifest reads into typed models with their optional fields', () => {
    const corpus = parsePortCorpus(read('manifest.json'));
    assert.deepStrictEqual(corpus.pythonPackages, ['tinyplot==1.2.3']);
    assert.deepStrictEqual(
      corpus.models.map((m) => [m.id, m.framework, m.split, m.inputShape, m.integerInput, m.inputDeclared, m.support]),
      [
        ['demo-cnn', 'pytorch', 'dev', [3, 32, 32], undefined, undefined, ['nets/blocks.py']],
        ['demo-tagger', 'keras', 'test', [12], 500, true, []],
      ],
    );
  });

  test('the project manifest itself is valid', () => {
    const corpus = parsePortCorpus(fs.readFileSync(path.join(process.cwd(), 'bench', 'port-corpus.json'), 'utf8'));
    assert.ok(corpus.models.length >= 64, `${corpus.models.length} models`);
    assert.ok(new Set(corpus.models.map((m) => m.repo)).size >= 16);
  });

  test('a repository in both halves, a duplicate id and a bad shape are all reported at once', () => {
    const manifest = JSON.parse(read('manifest.json')) as { models: Array<Record<string, unknown>> };
    manifest.models[1] = { ...manifest.models[1], repo: 'example/vision-demos', id: 'demo-cnn', inputShape: [0] };
    assert.throws(() => parsePortCorpus(JSON.stringify(manifest)), (err: Error) => {
      assert.match(err.message, /example\/vision-demos is in both halves/);
      assert.match(err.message, /duplicate id/);
      assert.match(err.message, /"inputShape" must be positive integers/);
      return true;
    });
  });

  test('the CLI output gives the TODO constructs in order and, when it refused, its message', () => {
    assert.deepStrictEqual(todoConstructs(read('cli-stderr-todo.txt')), ['nn.PixelShuffle', 'for loop in forward']);
    assert.strictEqual(
      withoutFolder(portMessage(read('cli-stderr-refused.txt')), path.join('/home', 'ada', 'projects', 'demo')),
      'nets/small_cnn.py: No model named Missing; found: SmallCNN.',
    );
  });

  test('a check passes, fails with its difference, or errors with the exception it raised', () => {
    assert.deepStrictEqual(checkOutcomeOf({ ok: true, error: null, output: 'Epoch 1/1\nframework-guide check: ok max_abs_diff=2.4e-07\n' }), {
      status: 'pass',
      maxDiff: 2.4e-7,
      message: 'max_abs_diff=2.4e-07',
    });
    assert.deepStrictEqual(checkOutcomeOf({ ok: false, error: read('check-traceback-failed.txt'), output: '' }), { status: 'fail', maxDiff: 0.37, message: 'max_abs_diff=0.37' });
    assert.deepStrictEqual(checkOutcomeOf({ ok: false, error: read('check-traceback-error.txt'), output: '' }), { status: 'error', message: "ModuleNotFoundError: No module named 'tinyplot'" });
    assert.strictEqual(checkOutcomeOf({ ok: true, error: null, output: 'training...\n' }).status, 'error');
    assert.deepStrictEqual(checkOutcomeOf({ ok: false, error: read('check-traceback-keras.txt'), output: '' }), {
      status: 'error',
      message: 'ValueError: Exception encountered when calling DemoNet.call(). Input 0 of layer "conv2d" is incompatible with the layer: expected ndim=4, found ndim=2.',
    });
  });

  test('cells escape control characters and pipes and stay short', () => {
    assert.strictEqual(cell('a|b\nc\x1b'), 'a\\|b\\nc\\x1b');
    assert.strictEqual(cell('x'.repeat(150)).length, 100);
  });

  test('the cause is the first TODO, else the error, and the summary counts the silent failures apart', () => {
    const [model] = parsePortCorpus(read('manifest.json')).models;
    const clean: ModelOutcome = { model, portExit: 0, todos: [], check: { status: 'pass', maxDiff: 1e-7, message: 'max_abs_diff=1e-07' } };
    const todo: ModelOutcome = { model, portExit: 1, todos: ['nn.PixelShuffle'], check: { status: 'error', message: 'NameError: name x is not defined' } };
    const silent: ModelOutcome = { model, portExit: 0, todos: [], check: { status: 'fail', maxDiff: 0.5, message: 'max_abs_diff=0.5' } };
    const refused: ModelOutcome = { model, portExit: 2, todos: [], portMessage: 'No model found' };
    assert.strictEqual(causeOf(todo), 'TODO: nn.PixelShuffle');
    assert.strictEqual(causeOf(refused), 'No model found');
    assert.strictEqual(causeOf(clean), '—');
    assert.deepStrictEqual(outcomeRow(silent), ['demo-cnn', 'example/vision-demos', 'pytorch → keras', 'cnn', '0', '0', 'fail 0.50', 'max_abs_diff=0.5']);
    assert.deepStrictEqual(summarise([clean, todo, silent, refused]), {
      models: 4,
      clean: 1,
      withTodo: 1,
      portErrors: 1,
      notMaterialised: 0,
      checkFails: 1,
      checkErrors: 1,
      silent: 1,
    });
  });
});
