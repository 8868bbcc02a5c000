/** `scan --fix` and `scan --diff` through the built CLI, on copies of the fix fixtures in a temporary folder. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unifiedDiff } from '../../../src/cli/diff';

const repoRoot = process.cwd();
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fixes');
const cli = path.join(repoRoot, 'dist', 'cli.js');
/** The files a run works on; the `.fixed` ones are the expected results, not inputs. */
const INPUTS = ['from_imports.py', 'windows_line_ends.py', 'byte_order_mark.py', 'half_edited.py', 'tf1_cells.ipynb', 'string_sources.ipynb'];

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

/** A fresh folder holding copies of the inputs (`copies` times each, in subfolders, to reach the worker threads). */
function workspace(copies = 1): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-fix-'));
  made.push(dir);
  for (let i = 0; i < copies; i++) {
    const target = copies === 1 ? dir : path.join(dir, `copy${i}`);
    fs.mkdirSync(target, { recursive: true });
    for (const name of INPUTS) fs.copyFileSync(path.join(fixtures, name), path.join(target, name));
  }
  return dir;
}

function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) files.set(name, fs.readFileSync(full));
  }
  return files;
}

suite('framework-guide scan --fix / --diff', () => {
  suiteSetup(function () {
    this.timeout(120_000);
    if (fs.existsSync(cli)) return;
    const build = spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(build.status, 0, build.stderr);
  });

  suiteTeardown(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('--diff prints a unified diff that git apply takes, writes nothing, and exits 1 while there is a diff', () => {
    const dir = workspace();
    const before = snapshot(dir);
    const { code, stdout, stderr } = run(dir, 'scan', '.', '--diff', '--jobs', '1');
    assert.strictEqual(code, 1, stderr);
    assert.deepStrictEqual(snapshot(dir), before, '--diff writes nothing');
    assert.ok(stdout.startsWith('--- a/byte_order_mark.py\n+++ b/byte_order_mark.py\n@@ -1,4 +1,4 @@\n'), stdout.slice(0, 200));
    assert.ok(stdout.includes('--- a/from_imports.py\n+++ b/from_imports.py\n@@ -2,12 +2,14 @@\n from tensorflow import ConfigProto, Session\n from torch.cuda.amp import autocast\n from torch.nn.functional import upsample\n+import torch\n+import tensorflow\n'), stdout);
    assert.ok(!stdout.includes('half_edited.py'), 'a file with syntax errors gets no diff');
    assert.ok(!stdout.includes('Scanned'), 'stdout carries the diff alone');
    assert.match(stderr, /half_edited\.py: not fixed: it has syntax errors \(near line \d+\): fix them first/);
    assert.match(stderr, /Would fix 15 findings in 5 files; \d+ findings would be left for manual work \(1 file not fixed, see above\)\./);
    // Outside a repository git apply works as patch(1) does: the diff must apply to the files as they are.
    const check = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: stdout, encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stderr);
  });

  test('--fix writes only the files that change, as expected; a second run fixes nothing and --diff then exits 0', () => {
    const dir = workspace();
    const halfEdited = fs.readFileSync(path.join(dir, 'half_edited.py'));
    const first = run(dir, 'scan', '.', '--fix', '--jobs', '1');
    assert.strictEqual(first.code, 0, first.stderr);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'from_imports.py'), 'utf8'), fs.readFileSync(path.join(fixtures, 'from_imports.fixed.py'), 'utf8'));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'tf1_cells.ipynb'), 'utf8'), fs.readFileSync(path.join(fixtures, 'tf1_cells.fixed.ipynb'), 'utf8'));
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'half_edited.py')), halfEdited, 'the file with syntax errors is left untouched');
    assert.deepStrictEqual([...fs.readFileSync(path.join(dir, 'byte_order_mark.py')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    // What is left is reported as a scan reports it: from the fixed files.
    assert.match(first.stdout, /^from_imports\.py:14:10 information tensorflow\.compat\.v1\.ConfigProto .*\[FG-tensorflow\.ConfigProto\]$/m);
    assert.match(first.stdout, /^half_edited\.py:4:8 warning .*\[FG-tensorflow\.Session\]$/m);
    assert.match(first.stderr, /Fixed 15 findings in 5 files; \d+ findings left for manual work \(1 file not fixed, see above\)\./);
    const after = snapshot(dir);
    const second = run(dir, 'scan', '.', '--fix', '--jobs', '1');
    assert.deepStrictEqual(snapshot(dir), after, 'a second --fix changes nothing');
    assert.match(second.stderr, /Fixed 0 findings in 0 files;/);
    assert.strictEqual(second.stdout, first.stdout, 'the same findings are left');
    const diff = run(dir, 'scan', '.', '--diff');
    assert.strictEqual(diff.code, 0);
    assert.strictEqual(diff.stdout, '');
  });

  test('--fix keeps the exit code of the findings left: --fail-on removed still fails on a file it could not fix', () => {
    const dir = workspace();
    assert.strictEqual(run(dir, 'scan', 'from_imports.py', '--fix', '--fail-on', 'removed').code, 0, 'everything removed was fixed (tf.compat.v1 is deprecated)');
    assert.strictEqual(run(dir, 'scan', 'half_edited.py', '--fix', '--fail-on', 'removed').code, 1);
  });

  test('with worker threads (--jobs 2) the diff, the messages and the exit code are those of one thread', function () {
    this.timeout(60_000);
    const dir = workspace(3);
    const one = run(dir, 'scan', '.', '--diff', '--jobs', '1');
    const two = run(dir, 'scan', '.', '--diff', '--jobs', '2');
    assert.ok(one.stdout.length > 1000);
    assert.deepStrictEqual(two, one);
    const before = snapshot(dir);
    assert.strictEqual(run(dir, 'scan', '.', '--fix', '--jobs', '2').code, 0);
    const fixed = snapshot(dir);
    for (const [name, bytes] of fixed) {
      if (name.endsWith('from_imports.py')) assert.strictEqual(bytes.toString('utf8'), fs.readFileSync(path.join(fixtures, 'from_imports.fixed.py'), 'utf8'), name);
      if (name.endsWith('half_edited.py')) assert.deepStrictEqual(bytes, before.get(name), name);
    }
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['--fix with --diff', ['--fix', '--diff'], /--fix and --diff do not go together/],
    ['--diff with --format', ['--diff', '--format', 'json'], /--diff prints a unified diff; it does not go with --format/],
    ['--diff with --fail-on', ['--diff', '--fail-on', 'removed'], /--references and --fail-on belong to a scan or --fix/],
    ['--fix with a value', ['--fix=yes'], /unknown option --fix/],
  ];
  for (const [name, args, message] of usageErrors) {
    test(`usage error: ${name} → exit 2, nothing written`, () => {
      const dir = workspace();
      const before = snapshot(dir);
      const { code, stderr } = run(dir, 'scan', '.', ...args);
      assert.strictEqual(code, 2);
      assert.match(stderr, message);
      assert.deepStrictEqual(snapshot(dir), before);
    });
  }

  test('the diff format: file headers with a/ and b/, hunks with three lines of context, a missing last newline marked', () => {
    const original = 'import tensorflow as tf\n\n\n\n\nsess = tf.Session()';
    const at = original.indexOf('tf.Session');
    assert.strictEqual(
      unifiedDiff('src/train.py', original, [{ from: at, to: at + 'tf.Session'.length, text: 'tf.compat.v1.Session' }]),
      '--- a/src/train.py\n+++ b/src/train.py\n@@ -3,4 +3,4 @@\n \n \n \n-sess = tf.Session()\n\\ No newline at end of file\n+sess = tf.compat.v1.Session()\n\\ No newline at end of file\n',
    );
  });
});
