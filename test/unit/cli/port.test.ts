/** Runs the built CLI's `port` command (dist/cli.js) on the port fixtures: output, files, selection and exit codes. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = process.cwd();
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'port');
const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

suite('framework-guide port', function () {
  // Each test starts the CLI several times; on a loaded machine that takes more than mocha's default 2 s.
  this.timeout(30_000);

  suiteSetup(function () {
    this.timeout(120_000);
    if (fs.existsSync(cli)) return;
    const build = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
  });

  test('prints the ported model and exits 0 when nothing is left as TODO', () => {
    const { code, stdout, stderr } = run('port', 'lenet_torch.py', '--to', 'keras');
    assert.strictEqual(code, 0, stderr);
    assert.match(stdout, /^# Ported from PyTorch to Keras by Framework Guide from LeNet\./);
    assert.match(stdout, /class LeNet\(keras\.Model\):/);
    assert.match(stdout, /def port_weights\(torch_model, keras_model\):/);
    assert.strictEqual(stderr, '');
  });

  test('FILE:NAME picks the model; --out and --check write the port and its check script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-port-cli-'));
    const out = path.join(dir, 'ported.py');
    const check = path.join(dir, 'check.py');
    const { code, stdout } = run('port', 'cifar_cnn_keras.py:SmallCNN', '--to=pytorch', '--out', out, '--check', check, '--input-shape', '32,32,3');
    assert.strictEqual(code, 0);
    assert.strictEqual(stdout, '');
    assert.match(fs.readFileSync(out, 'utf8'), /class SmallCNN\(nn\.Module\):/);
    const script = fs.readFileSync(check, 'utf8');
    assert.match(script, /INPUT_SHAPE = \(32, 32, 3\)/);
    assert.ok(script.includes(JSON.stringify(path.join(fixtures, 'cifar_cnn_keras.py'))), script.slice(0, 600));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('exits 1 and names the constructs when TODO lines were written', () => {
    const { code, stdout, stderr } = run('port', 'bilstm_tagger_torch.py', '--to', 'keras');
    assert.strictEqual(code, 1);
    assert.match(stdout, /# TODO\(framework-guide\): /);
    assert.match(stderr, /framework-guide: not ported \(nn\.LSTM\): stacked recurrent layers/);
  });

  test('usage and input errors exit 2 with a message', () => {
    assert.match(run('port', 'lenet_torch.py').stderr, /port needs --to keras or --to pytorch/);
    assert.strictEqual(run('port', 'lenet_torch.py').code, 2);
    assert.strictEqual(run('port', 'lenet_torch.py', '--to', 'jax').code, 2);
    assert.strictEqual(run('port', 'lenet_torch.py', '--to', 'keras', '--check', 'c.py').code, 2);
    assert.strictEqual(run('port', 'lenet_torch.py', '--to', 'keras', '--input-shape', '1,x').code, 2);
    const wrongName = run('port', 'lenet_torch.py:Net', '--to', 'keras');
    assert.strictEqual(wrongName.code, 2);
    assert.match(wrongName.stderr, /No model named Net; found: LeNet/);
    const sameFramework = run('port', 'lenet_torch.py', '--to', 'pytorch');
    assert.match(sameFramework.stderr, /LeNet is already a PyTorch model\./);
    const missing = run('port', 'nope.py', '--to', 'keras');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.py/);
  });

  test('--help describes the port command', () => {
    const { code, stdout } = run('port', '--help');
    assert.strictEqual(code, 0);
    assert.match(stdout, /Usage: framework-guide port FILE\[:NAME\] --to keras\|pytorch/);
  });
});
