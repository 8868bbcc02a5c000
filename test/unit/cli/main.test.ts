/** Runs the built CLI (dist/cli.js) on the fixture project and checks its output, messages and exit codes. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repoRoot = process.cwd();
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');
const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

suite('framework-guide CLI', () => {
  suiteSetup(function () {
    this.timeout(120_000);
    // npm test builds dist/ first; build here only when the tests run on their own (never overwrite a production build).
    if (fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) return;
    const build = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
  });

  test('text output lists findings with file:line:col, then a summary line with counts by status', () => {
    const { code, stdout } = run('scan', 'project');
    assert.strictEqual(code, 0);
    const lines = stdout.trim().split('\n');
    assert.deepStrictEqual(
      lines.map((l) => l.split(' ').slice(0, 2).join(' ')),
      [
        'project/train_tf1.py:5:10 warning',
        'project/train_tf1.py:7:6 information',
        'project/train_tf1.py:8:14 information',
        'project/train_torch.py:7:9 information',
        'Scanned 6',
      ],
    );
    assert.ok(lines.some((l) => l.startsWith('project/train_torch.py:7:9 information ') && l.includes('Variable (torch.autograd.Variable) is deprecated') && l.endsWith('[FG-torch.autograd.Variable]')), stdout);
    assert.strictEqual(lines[lines.length - 1], 'Scanned 6 files: 4 analysed, 2 skipped, 0 unreadable; 1 removed, 3 deprecated API uses.');
  });

  test('--references also lists every framework reference (notebook cells numbered among all cells)', () => {
    const { code, stdout } = run('scan', 'project', '--references');
    assert.strictEqual(code, 0);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.includes('project/train_tf1.py:7:6 tensorflow.compat.v1.Session'), stdout);
    assert.ok(lines.includes('project/train_torch.py:7:9 torch.autograd.Variable'), stdout);
    assert.ok(lines.includes('project/notebooks/explore.ipynb#cell6:1:30 tensorflow.keras.layers.Dense'), stdout);
    assert.match(lines[lines.length - 1], /^Scanned 6 files: .* \(20 framework references\)\.$/);
  });

  test('skips gitignored files, virtualenvs and node_modules; says why for binary and non-UTF-8 files', () => {
    const { stdout, stderr } = run('scan', 'project');
    for (const skipped of ['generated/auto_model.py', 'scratch.py', 'env/lib', 'node_modules', 'utils.py']) assert.ok(!stdout.includes(skipped), skipped);
    assert.deepStrictEqual(stderr.trim().split('\n'), [
      'framework-guide: project/corrupt_weights.py: skipped: binary file (contains NUL bytes)',
      'framework-guide: project/legacy_latin1.py: skipped: not valid UTF-8 (re-save the file as UTF-8)',
    ]);
  });

  test('tf.compat.v1 turns a removed TF1 API into a deprecated one', () => {
    const { stdout } = run('scan', 'project/train_tf1.py');
    const session = stdout.split('\n').find((l) => l.startsWith('project/train_tf1.py:7:6 information'));
    assert.ok(session?.includes('legacy compat mode'), stdout);
  });

  test('json output', () => {
    const { code, stdout } = run('scan', 'project/train_torch.py', '--format', 'json');
    assert.strictEqual(code, 0);
    const report = JSON.parse(stdout);
    assert.strictEqual(report.files.length, 1);
    assert.strictEqual(report.files[0].path, 'project/train_torch.py');
    assert.strictEqual(report.files[0].status, 'analysed');
    assert.deepStrictEqual(report.files[0].findings.map((f: { ruleId: string; location: { startLine: number } }) => [f.ruleId, f.location.startLine]), [['FG-torch.autograd.Variable', 7]]);
    assert.deepStrictEqual(report.summary, { files: 1, analysed: 1, withSyntaxErrors: 0, skipped: 0, unreadable: 0, removed: 0, deprecated: 1, suppressed: 0, references: 5 });
    const all = JSON.parse(run('scan', 'project', '--format', 'json').stdout);
    assert.deepStrictEqual(
      all.files.filter((f: { status: string }) => f.status === 'skipped').map((f: { path: string; reason: string }) => [f.path, f.reason]),
      [
        ['project/corrupt_weights.py', 'binary'],
        ['project/legacy_latin1.py', 'not-utf8'],
      ],
    );
  });

  test('sarif output follows SARIF 2.1.0 with 1-based regions and relative forward-slash URIs', () => {
    const { stdout } = run('scan', 'project', '--format=sarif');
    const sarif = JSON.parse(stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.strictEqual(run0.tool.driver.name, 'framework-guide');
    assert.ok(run0.tool.driver.informationUri);
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('FG-tensorflow.placeholder'));
    for (const rule of run0.tool.driver.rules) assert.ok(rule.shortDescription.text && rule.helpUri, rule.id);
    const placeholder = run0.results.find((r: { ruleId: string }) => r.ruleId === 'FG-tensorflow.placeholder');
    assert.strictEqual(placeholder.level, 'warning');
    assert.deepStrictEqual(placeholder.locations[0].physicalLocation, {
      artifactLocation: { uri: 'project/train_tf1.py', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 10, endLine: 5, endColumn: 24 },
    });
    assert.strictEqual(run0.results.find((r: { ruleId: string }) => r.ruleId === 'FG-torch.autograd.Variable').level, 'note');
  });

  test('--fail-on sets exit code 1 only when the threshold is met', () => {
    assert.strictEqual(run('scan', 'project/train_torch.py', '--fail-on', 'deprecated').code, 1);
    assert.strictEqual(run('scan', 'project/train_torch.py', '--fail-on', 'removed').code, 0);
    assert.strictEqual(run('scan', 'project/train_tf1.py', '--fail-on', 'removed').code, 1);
    assert.strictEqual(run('scan', 'project/utils.py', '--fail-on', 'deprecated').code, 0);
  });

  test('--max-file-size skips larger files with a message', () => {
    const { code, stderr } = run('scan', 'project/train_torch.py', '--max-file-size', '50');
    assert.strictEqual(code, 0);
    assert.match(stderr, /train_torch\.py: skipped: larger than the size limit \(\d+ bytes, limit 50\) \(--max-file-size\)/);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['no paths', ['scan'], /at least one file or folder/],
    ['unknown flag', ['scan', 'project', '--frmat', 'json'], /unknown option --frmat/],
    ['bad format', ['scan', 'project', '--format', 'xml'], /--format must be text, json or sarif/],
    ['bad fail-on', ['scan', 'project', '--fail-on', 'never'], /--fail-on must be deprecated or removed/],
    ['bad size', ['scan', 'project', '--max-file-size', '-3'], /--max-file-size must be a positive number/],
    ['missing value', ['scan', 'project', '--format'], /--format needs a value/],
    ['unknown command', ['lint', 'project'], /unknown command "lint"/],
    ['no command', [], /missing command/],
  ];
  for (const [name, args, message] of usageErrors) {
    test(`usage error: ${name} → exit 2 with message and usage`, () => {
      const { code, stderr } = run(...args);
      assert.strictEqual(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: framework-guide scan/);
    });
  }

  test('--help and --version', () => {
    const help = run('--help');
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /--fail-on deprecated\|removed/);
    const version = run('--version');
    assert.strictEqual(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('a missing path is reported, the scan goes on, and the exit code is 2 (a typo in a CI job must not go green)', () => {
    const { code, stdout, stderr } = run('scan', 'no/such/dir', 'project/train_torch.py');
    assert.strictEqual(code, 2);
    assert.match(stderr, /no\/such\/dir: no such file or folder/);
    assert.match(stdout, /^project\/train_torch\.py:7:9 information/m);
    assert.match(stdout, /Scanned 2 files: 1 analysed, 0 skipped, 1 unreadable;/);
  });
  test('--jobs 2 (workers) writes the same report, messages and exit code as --jobs 1, in every format', function () {
    this.timeout(120_000);
    // All of test/fixtures: more files than the main thread scans before it starts a worker.
    for (const format of ['text', 'json', 'sarif']) {
      const one = run('scan', '..', '--format', format, '--jobs', '1');
      const two = run('scan', '..', '--format', format, '--jobs', '2');
      assert.ok(one.stdout.length > 1000, format);
      assert.strictEqual(two.code, one.code, format);
      assert.strictEqual(two.stdout, one.stdout, format);
      assert.strictEqual(two.stderr, one.stderr, format);
    }
  });

  test('--jobs must be a positive number of threads', () => {
    const { code, stderr } = run('scan', 'project', '--jobs', '0');
    assert.strictEqual(code, 2);
    assert.match(stderr, /--jobs must be a number of threads from 1 to 64, not "0"/);
  });
});
