/**
 * The pre-commit hooks of .pre-commit-hooks.yaml, as a user adopts them: pre-commit (FG_PRE_COMMIT_PYTHON, from pip's
 * index) installs this repository's CLI from git with npm into an empty cache, then runs it on a repository holding
 * the sample files. `try-repo` takes this checkout as it is, uncommitted changes included.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = process.cwd();

suite('pre-commit hooks from a clean pre-commit cache', function () {
  // pre-commit installs the CLI with npm once (the devDependencies the build needs, then the build).
  this.timeout(600_000);
  let work: string;
  let home: string;

  suiteSetup(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-pre-commit-'));
    home = path.join(work, 'cache');
  });

  suiteTeardown(() => fs.rmSync(work, { recursive: true, force: true }));

  /** A git repository holding copies of `sample/`'s Python files. */
  function userRepository(name: string): string {
    const repo = path.join(work, name);
    fs.mkdirSync(repo);
    for (const file of fs.readdirSync(path.join(ROOT, 'sample')).filter((f) => f.endsWith('.py'))) fs.copyFileSync(path.join(ROOT, 'sample', file), path.join(repo, file));
    const git = (...args: string[]) => assert.strictEqual(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo }).status, 0, `git ${args.join(' ')}`);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'samples');
    return repo;
  }

  function preCommit(repo: string, hook: string): { code: number | null; output: string } {
    const python = process.env.FG_PRE_COMMIT_PYTHON;
    assert.ok(python && fs.existsSync(python), 'FG_PRE_COMMIT_PYTHON must name the Python of a venv with pre-commit (scripts/setup-e2e.sh, part pre-commit)');
    const run = spawnSync(python, ['-m', 'pre_commit', 'try-repo', ROOT, hook, '--all-files'], { cwd: repo, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: home }, maxBuffer: 64 * 1024 * 1024 });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  }

  test('framework-guide: `pre-commit run --all-files` fails on the removed APIs of sample/ and lists them', () => {
    const { code, output } = preCommit(userRepository('check'), 'framework-guide');
    assert.strictEqual(code, 1, output.slice(-3000));
    assert.match(output, /Framework Guide \(removed TensorFlow, Keras and PyTorch APIs\)\.+Failed/);
    assert.match(output, /legacy_tf1\.py:\d+:\d+ warning .*\[FG-tensorflow\.Session\]/);
    assert.match(output, /legacy_torch\.py:\d+:\d+ warning .*\[FG-torch\.autograd\.Variable\.volatile\]/);
    assert.match(output, /Scanned \d+ files: \d+ analysed/);
  });

  test('framework-guide-fix applies the safe fixes to the files it is given', () => {
    const repo = userRepository('fix');
    const { output } = preCommit(repo, 'framework-guide-fix');
    assert.match(output, /Fixed \d+ findings? in \d+ files?/, output.slice(-3000));
    assert.match(fs.readFileSync(path.join(repo, 'legacy_tf1.py'), 'utf8'), /tf\.compat\.v1\.Session\(\)/);
  });
});
