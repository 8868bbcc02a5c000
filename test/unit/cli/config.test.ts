/** The CLI with a project configuration (test/fixtures/config/project/pyproject.toml) and with --select/--ignore. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = process.cwd();
const cli = path.join(repoRoot, 'dist', 'cli.js');
const project = path.join(repoRoot, 'test', 'fixtures', 'config', 'project');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rulesOf = (stdout: string) => [...stdout.matchAll(/^(\S+):\d+:\d+ (\w+) .*\[(\S+)\]$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

suite('framework-guide scan with [tool.framework-guide]', function () {
  this.timeout(30_000);

  suiteSetup(function () {
    this.timeout(120_000);
    if (!fs.existsSync(cli)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot }).status, 0);
  });

  test('the nearest pyproject.toml decides: excluded folders, ignored rules and severities, from any folder below it', () => {
    const expected = ['src/train.py error FG-tensorflow.Session', 'src/train.py hint FG-torch.load.weights_only'];
    assert.deepStrictEqual(rulesOf(run(project, 'scan', '.').stdout), expected);
    assert.deepStrictEqual(rulesOf(run(path.join(project, 'src'), 'scan', '.').stdout), ['train.py error FG-tensorflow.Session', 'train.py hint FG-torch.load.weights_only']);
  });

  test('a file named on the command line is scanned even in an excluded folder, as ruff does', () => {
    assert.ok(rulesOf(run(project, 'scan', 'legacy/train_v1.py').stdout).includes('legacy/train_v1.py error FG-tensorflow.Session'));
  });

  test('--select and --ignore replace the file’s lists; --fail-on counts only what is selected', () => {
    assert.deepStrictEqual(rulesOf(run(project, 'scan', 'src', '--select', 'FG-torch').stdout), ['src/train.py hint FG-torch.load.weights_only']);
    assert.strictEqual(run(project, 'scan', 'src', '--select', 'FG-torch', '--fail-on', 'removed').code, 0);
    assert.strictEqual(run(project, 'scan', 'src', '--fail-on', 'removed').code, 1);
    assert.deepStrictEqual(rulesOf(run(project, 'scan', 'src', '--ignore', '').stdout).length, 3);
  });

  test('SARIF levels follow the configured severity', () => {
    const log = JSON.parse(run(project, 'scan', 'src', '--format', 'sarif').stdout);
    assert.deepStrictEqual(
      log.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`),
      ['FG-tensorflow.Session error', 'FG-torch.load.weights_only note'],
    );
  });

  test('a --config file that cannot be read is a usage error; mistakes in a file are named and the rest applies', () => {
    const missing = run(project, 'scan', '.', '--config', 'nope.toml');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.toml \(ENOENT\)/);
  });
});
