/**
 * The CLI on the bad inputs of issue 16: missing and unreadable paths, pipes and devices, files larger than they
 * say, 150,000 imports, lone CR line ends, file names that try to forge output, odd names in SARIF URIs, notebooks in
 * SARIF, closed pipes and full disks. Each runs the built dist/cli.js as CI would.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';

const repoRoot = process.cwd();
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scanFixtures = path.join(repoRoot, 'test', 'fixtures', 'scan');

function run(args: string[], cwd: string, timeout = 60_000): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 1 << 28 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function sarifValidator(): (log: unknown) => boolean {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
  return (log) => {
    const ok = validate(log) as boolean;
    if (!ok) assert.fail(JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    return ok;
  };
}

const TF1_CALL = 'import tensorflow as tf\n\nx = tf.placeholder(tf.float32)\n';

suite('framework-guide CLI on bad inputs', () => {
  let tmp: string;

  suiteSetup(function () {
    this.timeout(120_000);
    if (!fs.existsSync(cli)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot }).status, 0, 'build dist/cli.js');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-cli-'));
  });

  suiteTeardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a path that does not exist: exit 2 (not 0) with --fail-on, and stderr says so', () => {
    const { code, stderr } = run(['scan', path.join(tmp, 'nonexistent'), '--fail-on', 'removed'], tmp);
    assert.strictEqual(code, 2);
    assert.match(stderr, /nonexistent: no such file or folder/);
  });

  test('SARIF marks a scan with a missing path as not successful, with a notification naming it', () => {
    const { code, stdout } = run(['scan', 'old_mac_line_ends.py', 'no such dir', '--format', 'sarif'], scanFixtures);
    assert.strictEqual(code, 2);
    const log = JSON.parse(stdout);
    sarifValidator()(log);
    const [invocation] = log.runs[0].invocations;
    assert.strictEqual(invocation.executionSuccessful, false);
    assert.deepStrictEqual(
      invocation.toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text),
      ['no such dir: no such file or folder'],
    );
    assert.strictEqual(log.runs[0].results.length, 2, 'the rest was scanned');
  });

  test('a file that cannot be read: exit 2 and the reason on stderr', function () {
    // Root reads any file whatever its mode, so take a regular file whose read fails on Linux: /proc/self/mem.
    let target = '/proc/self/mem';
    if (!fs.existsSync(target)) {
      target = path.join(tmp, 'locked.py');
      fs.writeFileSync(target, TF1_CALL);
      fs.chmodSync(target, 0);
    }
    const { code, stderr } = run(['scan', target], tmp);
    assert.strictEqual(code, 2);
    assert.match(stderr, /cannot read \((EIO|EACCES|EPERM)\)/);
  });

  test('a named pipe is skipped without being opened (no hang); a device is never read', function () {
    this.timeout(30_000);
    const fifo = path.join(tmp, 'pipe.py');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    const { code, stderr, signal } = run(['scan', fifo, '/dev/zero'], tmp, 10_000);
    assert.strictEqual(signal, null, 'the scan must not hang');
    assert.strictEqual(code, 0);
    assert.match(stderr, /pipe\.py: skipped: not a regular file \(a named pipe\)/);
    assert.match(stderr, /\/dev\/zero: skipped: not a regular file \(a character device\)/);
  });

  test('the size limit holds while reading, not only on stat.size (a /proc file says it has 0 bytes)', () => {
    const { code, stderr } = run(['scan', '/proc/self/status', '--max-file-size', '64'], tmp);
    assert.strictEqual(code, 0);
    assert.match(stderr, /status: skipped: larger than the size limit \(more than 64 bytes\)/);
  });

  test("'import torch\\n' * 150000 plus one deprecated call: the finding is reported (no stack overflow)", function () {
    this.timeout(60_000);
    const file = path.join(tmp, 'many_imports.py');
    fs.writeFileSync(file, 'import torch\n'.repeat(150_000) + 'v = torch.autograd.Variable(torch.zeros(1))\n');
    const { code, stdout, stderr } = run(['scan', file, '--fail-on', 'deprecated'], tmp);
    assert.strictEqual(stderr, '');
    assert.strictEqual(code, 1);
    assert.match(stdout, /^many_imports\.py:150001:5 information .*\[FG-torch\.autograd\.Variable\]$/m);
  });

  test('lone CR line ends count as line ends', () => {
    const { stdout } = run(['scan', 'old_mac_line_ends.py'], scanFixtures);
    assert.deepStrictEqual(
      stdout.trim().split('\n').slice(0, 2).map((l) => l.split(' ')[0]),
      ['old_mac_line_ends.py:4:8', 'old_mac_line_ends.py:5:5'],
    );
  });

  test('a file name with a newline and escape sequences cannot forge lines or colours in the text output', () => {
    const name = 'evil\nforged.py:1:1 warning all clear [FG-none]\u001b[2K\u202e.py';
    fs.writeFileSync(path.join(tmp, name), TF1_CALL);
    const { stdout, stderr } = run(['scan', name], tmp);
    const lines = stdout.trim().split('\n');
    assert.strictEqual(lines.length, 2, stdout);
    assert.ok(lines[0].startsWith('evil\\nforged.py:1:1 warning all clear [FG-none]\\x1b[2K\\u202e.py:3:5 warning Use keras.Input instead: tf.placeholder'), lines[0]);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u202e]/.test(stdout + stderr));
  });

  test('SARIF: percent-encoded relative URIs under SRCROOT for odd file names, valid against the SARIF 2.1.0 schema', () => {
    const dir = path.join(tmp, 'odd names');
    fs.mkdirSync(dir, { recursive: true });
    const names = ['with space.py', 'hash#frag.py', 'percent%20.py', 'ünïcødé 模型.py', 'question?.py', 'new\nline.py'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), TF1_CALL);
    const { code, stdout } = run(['scan', 'odd names', '--format', 'sarif'], tmp);
    assert.strictEqual(code, 0);
    const log = JSON.parse(stdout);
    sarifValidator()(log);
    const base = log.runs[0].originalUriBaseIds.SRCROOT.uri as string;
    assert.ok(base.startsWith('file:///') && base.endsWith('/'), base);
    const resolved = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => {
      const artifact = r.locations[0].physicalLocation.artifactLocation;
      assert.strictEqual(artifact.uriBaseId, 'SRCROOT');
      assert.ok(!/[ #?\n]|%(?![0-9A-F]{2})/.test(artifact.uri), artifact.uri);
      return fileURLToPath(new URL(artifact.uri, base));
    });
    assert.deepStrictEqual(resolved.sort(), names.map((n) => path.join(fs.realpathSync(tmp), 'odd names', n)).sort());
  });

  test('SARIF: notebook results point at the real line of the .ipynb file, the cell in properties', () => {
    const { stdout } = run(['scan', 'notebooks/port_tf1.ipynb', '--format', 'sarif'], scanFixtures);
    const log = JSON.parse(stdout);
    sarifValidator()(log);
    const rows = log.runs[0].results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>; properties: { cell: number; cellLine: number } }) => [
      r.ruleId,
      r.locations[0].physicalLocation.region.startLine,
      r.locations[0].physicalLocation.region.startColumn,
      r.properties.cell,
      r.properties.cellLine,
    ]);
    assert.deepStrictEqual(rows, [
      ['FG-tensorflow.placeholder', 34, 10, 4, 1],
      ['FG-torch.autograd.Variable', 36, 10, 4, 3],
      ['FG-tensorflow.placeholder', 44, 48, 5, 1],
      ['FG-tensorflow.global_variables_initializer', 44, 81, 5, 2],
    ]);
    const line34 = fs.readFileSync(path.join(scanFixtures, 'notebooks/port_tf1.ipynb'), 'utf8').split('\n')[33];
    assert.strictEqual(line34.slice(9, 23), 'tf.placeholder');
  });

  test('a closed pipe (`scan … | head -1`): exit 3 and one line on stderr, no stack trace', function () {
    this.timeout(60_000);
    const file = path.join(tmp, 'many_findings.py');
    fs.writeFileSync(file, 'import tensorflow as tf\n' + 'x = tf.placeholder(tf.float32)\n'.repeat(20_000));
    const script = `"${process.execPath}" "${cli}" scan many_findings.py | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
    assert.match(result.stderr, /exit=3/);
    assert.match(result.stderr, /output was closed before the report was complete \(EPIPE\)/);
    assert.ok(!/\n\s+at /.test(result.stderr), result.stderr);
  });

  test('a full disk (/dev/full): exit 3 with the reason, no stack trace', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" scan old_mac_line_ends.py > /dev/full`], { cwd: scanFixtures, encoding: 'utf8' });
    assert.strictEqual(result.status, 3);
    assert.match(result.stderr, /cannot write the report \(ENOSPC\)/);
    assert.ok(!/\n\s+at /.test(result.stderr), result.stderr);
  });
});
