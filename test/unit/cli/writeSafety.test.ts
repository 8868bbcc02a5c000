/**
 * Every write is safe (issue 29): `--fix` replaces a file only by renaming a synced temporary file over it, and only
 * while it still holds the bytes that were analysed; `port` writes its two files together or not at all; a full disk
 * loses nothing; CI contracts fail closed; Python 2 files, non-Python cells and overlapping paths are handled.
 */
import * as assert from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeAtomically, type WriteIo } from '../../../src/cli/atomicWrite';
import { fixFile } from '../../../src/cli/fix';
import { readScanFile } from '../../../src/cli/read';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';

const repoRoot = process.cwd();
const cli = path.join(repoRoot, 'dist', 'cli.js');
const fixes = path.join(repoRoot, 'test', 'fixtures', 'fixes');
const portFixtures = path.join(repoRoot, 'test', 'fixtures', 'port');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A file system whose writes fail as a full disk's do after `room` bytes. */
function fullDisk(room: number): WriteIo {
  let left = room;
  return {
    ...fs,
    writeSync: ((fd: number, data: Uint8Array, offset?: number, length?: number) => {
      const want = length ?? data.byteLength;
      if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      const wrote = fs.writeSync(fd, data, offset ?? 0, Math.min(want, left));
      left -= wrote;
      return wrote;
    }) as WriteIo['writeSync'],
  };
}

const TF1 = 'import tensorflow as tf\n\nsess = tf.Session()\n';

suite('write safety: atomic, checked writes', function () {
  this.timeout(60_000);
  let tmp: string;
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);

  suiteSetup(function () {
    this.timeout(120_000);
    if (!fs.existsSync(cli)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.config.js'], { cwd: repoRoot }).status, 0, 'build dist/cli.js');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-write-'));
  });

  suiteTeardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const fresh = (name: string, text: string): string => {
    const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const leftovers = (file: string): string[] => fs.readdirSync(path.dirname(file)).filter((f) => f !== path.basename(file));

  test('--fix replaces the file by a rename, keeping its mode, and leaves no temporary file', () => {
    const file = fresh('train.py', TF1);
    fs.chmodSync(file, 0o751);
    const before = fs.statSync(file).ino;
    const { code, stderr } = run(path.dirname(file), 'scan', 'train.py', '--fix');
    assert.strictEqual(code, 0, stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /tf\.compat\.v1\.Session\(\)/);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o751);
    assert.notStrictEqual(fs.statSync(file).ino, before, 'a new file renamed into place, not the old one rewritten');
    assert.deepStrictEqual(leftovers(file), []);
  });

  test('a file edited after it was read is not overwritten: the edit is kept and the fix says why', () => {
    const file = fresh('train.py', TF1);
    const read = readScanFile(file, 'train.py', 1_000_000);
    assert.strictEqual(read.kind, 'bytes');
    fs.appendFileSync(file, 'saved = "meanwhile"\n');
    const result = writeAtomically([{ path: file, bytes: 'fixed\n', expect: read.kind === 'bytes' ? read.state : undefined }]);
    assert.deepStrictEqual(result.ok ? 'written' : [result.changed, result.reason], [true, 'it changed while it was analysed']);
    assert.ok(fs.readFileSync(file, 'utf8').endsWith('saved = "meanwhile"\n'));
    assert.deepStrictEqual(leftovers(file), []);
  });

  test('a file replaced by a symbolic link is not written through it; one replaced by a pipe does not hang', () => {
    const file = fresh('train.py', TF1);
    const outside = path.join(tmp, 'outside.py');
    fs.writeFileSync(outside, 'untouched\n');
    const read = readScanFile(file, 'train.py', 1_000_000);
    assert.ok(read.kind === 'bytes');
    fs.rmSync(file);
    fs.symlinkSync(outside, file);
    const linked = writeAtomically([{ path: file, bytes: 'fixed\n', expect: read.state }]);
    assert.ok(!linked.ok && linked.changed && /symbolic link/.test(linked.reason));
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), 'untouched\n');
    assert.ok(fs.lstatSync(file).isSymbolicLink());
    fs.rmSync(file);
    spawnSync('mkfifo', [file]);
    const piped = writeAtomically([{ path: file, bytes: 'fixed\n', expect: read.state }]);
    assert.ok(!piped.ok && piped.changed && /no longer a regular file/.test(piped.reason));
    assert.ok(fs.lstatSync(file).isFIFO());
  });

  test('a full disk leaves the original whole, removes the partial file, and makes the run incomplete', () => {
    const original = `${TF1}${'# line of user code\n'.repeat(1000)}`;
    const file = fresh('train.py', original);
    const outcome = fixFile(file, 'train.py', { maxBytes: 1_000_000 }, 'write', kb, fullDisk(64));
    assert.ok(outcome.kind === 'scanned' && outcome.fix);
    assert.strictEqual(outcome.fix.writeFailed, true);
    assert.strictEqual(outcome.fix.fixed, 0);
    assert.match(outcome.fix.leftAlone ?? '', /could not be written \(ENOSPC\); the file is as it was/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    assert.deepStrictEqual(leftovers(file), []);
  });

  test('two files are written together or not at all: a failed second rename puts the first back', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'pair-'));
    const first = path.join(dir, 'a.py');
    const second = path.join(dir, 'b.py');
    fs.writeFileSync(first, 'old a\n');
    let renames = 0;
    const failingSecond: WriteIo = {
      ...fs,
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        if (String(to) === second && ++renames === 1) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        fs.renameSync(from, to);
      }) as WriteIo['renameSync'],
    };
    const result = writeAtomically([{ path: first, bytes: 'new a\n' }, { path: second, bytes: 'new b\n' }], failingSecond);
    assert.ok(!result.ok && result.reason === 'EIO' && result.path === second);
    assert.strictEqual(fs.readFileSync(first, 'utf8'), 'old a\n');
    assert.ok(!fs.existsSync(second));
    assert.deepStrictEqual(fs.readdirSync(dir), ['a.py']);
  });

  test('port: an output that cannot be written is a clear message, exit 2, and neither file is written', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'port-'));
    const cases: Array<[string[], RegExp]> = [
      [['--out', dir], /cannot write .*\(EISDIR\); nothing was written/],
      [['--out', path.join(dir, 'missing', 'net.py')], /cannot write .*missing.*\(ENOENT\); nothing was written/],
      [['--out', path.join(dir, 'net.py'), '--check', path.join(dir, 'missing', 'check.py')], /cannot write .*check\.py \(ENOENT\); nothing was written/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(portFixtures, 'port', 'lenet_torch.py', '--to', 'keras', ...args);
      assert.strictEqual(code, 2, stderr);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.deepStrictEqual(fs.readdirSync(dir), [], `${args.join(' ')}: nothing written`);
    }
  });

  test('port reads through the scan\'s guards: a pipe or a device is refused at once, not read', () => {
    const fifo = path.join(tmp, 'model.py');
    spawnSync('mkfifo', [fifo]);
    for (const [file, message] of [
      [fifo, /not a regular file \(a named pipe\)/],
      ['/dev/zero', /not a regular file \(a character device\)/],
    ] as const) {
      const { code, stderr } = run(tmp, 'port', file, '--to', 'keras');
      assert.strictEqual(code, 2);
      assert.match(stderr, message);
    }
    fs.rmSync(fifo);
  });

  test('port escapes control characters of the model in what it prints on stderr', () => {
    const file = fresh('net.py', 'import keras\nfrom keras import layers\n\nmodel = keras.Sequential([layers.Conv2D(8, 3, padding="\x1b[2Jx")])\n');
    const { code, stderr } = run(path.dirname(file), 'port', 'net.py', '--to', 'pytorch', '--input-shape', '8,8,3');
    assert.strictEqual(code, 1, stderr);
    assert.ok(!stderr.includes('\x1b'), JSON.stringify(stderr));
    // The reason quotes the Python literal (`"\x1b[2Jx"`); stderr escapes its backslash too, as every escape there.
    assert.match(stderr, /padding="\\\\x1b\[2Jx" is not ported/);
  });

  test('a notebook fix that needs an import is applied when the first code cell is an empty list', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'nb-'));
    fs.copyFileSync(path.join(fixes, 'empty_first_cell.ipynb'), path.join(dir, 'n.ipynb'));
    const { code, stderr } = run(dir, 'scan', 'n.ipynb', '--fix');
    assert.strictEqual(code, 0, stderr);
    const cells = JSON.parse(fs.readFileSync(path.join(dir, 'n.ipynb'), 'utf8')).cells as Array<{ source: string[] }>;
    assert.deepStrictEqual(cells[1].source, ['import torch\n']);
    assert.match(cells[2].source.join(''), /return torch\.nn\.functional\.interpolate\(maps, scale_factor=2\)/);
    assert.match(stderr, /Fixed 1 finding in 1 file/);
  });

  test('code cells in another language are neither scanned nor fixed', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'sql-'));
    fs.copyFileSync(path.join(fixes, 'sql_cell.ipynb'), path.join(dir, 'n.ipynb'));
    const { code, stderr } = run(dir, 'scan', 'n.ipynb', '--fix');
    assert.strictEqual(code, 0, stderr);
    const cells = JSON.parse(fs.readFileSync(path.join(dir, 'n.ipynb'), 'utf8')).cells as Array<{ source: string[] }>;
    assert.deepStrictEqual(cells[1].source, ['SELECT tf.Session() FROM runs'], 'the SQL cell is as it was');
    assert.match(cells[0].source.join(''), /tf\.compat\.v1\.Session\(\)/);
    assert.match(cells[2].source.join(''), /tf\.compat\.v1\.Session\(\)/);
  });

  test('a Python 2 file is recognised and left alone, with the line that shows it', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'py2-'));
    const file = path.join(dir, 'old.py');
    fs.copyFileSync(path.join(fixes, 'python2_script.py'), file);
    const before = fs.readFileSync(file);
    const { code, stderr } = run(dir, 'scan', 'old.py', '--fix');
    assert.strictEqual(code, 0, stderr);
    assert.deepStrictEqual(fs.readFileSync(file), before);
    assert.match(stderr, /old\.py: not fixed: it is Python 2 code \(line 6\): convert it to Python 3 first/);
    assert.strictEqual(run(dir, 'scan', 'old.py', '--diff').stdout, '');
  });

  test('--fail-on fails closed: a file that could not be checked makes the run exit 2 unless --skip-unreadable', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'ci-'));
    fs.writeFileSync(path.join(dir, 'clean.py'), 'import torch\n\nx = torch.zeros(2)\n');
    fs.writeFileSync(path.join(dir, 'latin1.py'), Buffer.from('# -*- coding: latin-1 -*-\nimport tensorflow as tf\nname = "caf\xe9"\nsess = tf.Session()\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'big.py'), `${TF1}${'x = 1\n'.repeat(200)}`);
    const strict = run(dir, 'scan', '.', '--fail-on', 'removed', '--max-file-size', '1000');
    assert.strictEqual(strict.code, 2, strict.stderr);
    assert.match(strict.stderr, /latin1\.py: skipped: not valid UTF-8/);
    assert.match(strict.stderr, /big\.py: skipped: larger than the size limit/);
    assert.match(strict.stderr, /2 files could not be checked, so --fail-on cannot pass/);
    assert.strictEqual(run(dir, 'scan', '.', '--fail-on', 'removed', '--max-file-size', '1000', '--skip-unreadable').code, 0);
    assert.strictEqual(run(dir, 'scan', '.', '--max-file-size', '1000').code, 0, 'without --fail-on a skipped file is reported, not failed');
  });

  test('overlapping paths scan each file once: no finding and no diff hunk twice', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'overlap-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'train.py'), TF1);
    const scan = run(dir, 'scan', '.', 'sub', 'sub/train.py');
    assert.strictEqual(scan.stdout.match(/train\.py:3:8/g)?.length, 1, scan.stdout);
    const diff = run(dir, 'scan', '.', 'sub', '--diff');
    assert.strictEqual(diff.stdout.match(/^--- a\//gm)?.length, 1, diff.stdout);
    assert.strictEqual(spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: diff.stdout, encoding: 'utf8' }).status, 0);
  });

  test('--file-timeout: a file over its time limit is reported and the run goes on; with --fail-on it fails', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'slow-'));
    fs.writeFileSync(path.join(dir, 'a_large.py'), `import tensorflow as tf\n${'sess = tf.Session()\n'.repeat(40_000)}`);
    fs.writeFileSync(path.join(dir, 'b_small.py'), TF1);
    const { code, stdout, stderr } = run(dir, 'scan', '.', '--file-timeout', '0.001', '--fail-on', 'removed', '--jobs', '1');
    assert.strictEqual(code, 2, stderr);
    assert.match(stderr, /a_large\.py: skipped: took longer than the per-file time limit \(0\.001 s\) \(--file-timeout\)/);
    assert.match(stdout, /^b_small\.py:3:8 /m, 'the next file is still scanned');
  });

  test('a pipe named on the command line with --fix does not hang the run', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'fifo-'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.py')]);
    const child = spawn(process.execPath, [cli, 'scan', 'pipe.py', '--fix'], { cwd: dir });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.strictEqual(code, 0);
  });
});
