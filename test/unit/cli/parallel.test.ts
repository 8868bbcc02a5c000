/**
 * The scan workers' protocol: what crosses threads is the rendered report part (UTF-8 bytes) and counts only, a file queued on a worker comes
 * back as the main thread would scan it, and a worker that dies loses no file.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import { scanFile, ScanPool, type FileOutcome, type ScanSettings } from '../../../src/cli/parallel';

const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');
const project = path.join(root, 'test', 'fixtures', 'cli', 'project');
const dyingWorker = path.join(root, 'test', 'fixtures', 'cli', 'workers', 'dies_on_first_file.mjs');
const files = ['train_tf1.py', 'train_torch.py', 'utils.py', 'legacy_latin1.py', 'corrupt_weights.py', 'missing.py'].map((name) => path.join(project, name));

function settings(format: 'text' | 'json' | 'sarif'): ScanSettings {
  return { maxBytes: 1_000_000, references: true, render: { format, references: true, root: project } };
}

suite('cli: scan workers', () => {
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);

  suiteSetup(function () {
    this.timeout(120_000);
    if (!fs.existsSync(cli)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.config.js'], { cwd: root }).status, 0, 'build dist/cli.js');
  });

  test('a scanned file crosses threads as rendered bytes and counts, unchanged by the copy', () => {
    for (const format of ['text', 'json', 'sarif'] as const) {
      const outcome = scanFile(path.join(project, 'train_tf1.py'), 'train_tf1.py', settings(format), kb);
      assert.strictEqual(outcome.kind, 'scanned');
      if (outcome.kind !== 'scanned') return;
      assert.deepStrictEqual(structuredClone(outcome), outcome);
      assert.deepStrictEqual(Object.keys(outcome.file).sort(), format === 'sarif' ? ['bytes', 'rules', 'tally'] : ['bytes', 'tally']);
      assert.ok(outcome.file.bytes instanceof Uint8Array);
      const text = new TextDecoder().decode(outcome.file.bytes);
      assert.ok(outcome.file.tally.removed + outcome.file.tally.deprecated > 0, 'the fixture has findings');
      assert.ok(outcome.file.tally.references > 0);
      if (format === 'json') {
        const entry = JSON.parse(text) as { path: string; status: string; references: unknown[] };
        assert.strictEqual(entry.path, 'train_tf1.py');
        assert.strictEqual(entry.references.length, outcome.file.tally.references);
      }
      if (format === 'text') assert.match(text, /^train_tf1\.py:\d+:\d+ /m);
      if (format === 'sarif') assert.ok(outcome.file.rules && outcome.file.rules.length > 0);
    }
  });

  test('files queued on a worker come back as the main thread scans them; the backlog counts bytes until they do', async function () {
    this.timeout(60_000);
    const pool = new ScanPool(cli, 1, settings('json'));
    try {
      const sizes = files.map((file) => (fs.existsSync(file) ? fs.statSync(file).size : 0));
      const queued = files.map((file, i) => pool.scan(file, path.basename(file), sizes[i]));
      assert.strictEqual(pool.lightestBacklog(), sizes.reduce((a, b) => a + b, 0));
      const outcomes = await Promise.all(queued);
      assert.strictEqual(pool.lightestBacklog(), 0);
      assert.deepStrictEqual(
        outcomes,
        files.map((file) => scanFile(file, path.basename(file), settings('json'), kb)),
      );
      assert.ok(outcomes.some((o) => o.kind === 'unreadable'), 'the missing file is reported as unreadable');
    } finally {
      await pool.close();
    }
  });

  test('a worker that dies: its files are scanned on the main thread, none is lost, and no worker is left', async function () {
    this.timeout(60_000);
    const pool = new ScanPool(dyingWorker, 1, settings('sarif'));
    try {
      const outcomes: FileOutcome[] = await Promise.all(files.map((file) => pool.scan(file, path.basename(file), 100)));
      assert.deepStrictEqual(
        outcomes,
        files.map((file) => scanFile(file, path.basename(file), settings('sarif'), kb)),
      );
      assert.strictEqual(pool.lightestBacklog(), undefined);
      // Once no worker is left, a file is scanned on the main thread at once.
      const late = await pool.scan(files[0], 'train_tf1.py', 100);
      assert.deepStrictEqual(late, scanFile(files[0], 'train_tf1.py', settings('sarif'), kb));
    } finally {
      await pool.close();
    }
  });

  test('long files kept for the main thread, short ones shared: the same report, messages and exit code as one thread', function () {
    this.timeout(120_000);
    // Long files (over the 64 KB the main thread keeps for itself) among short ones, then a folder of long files only:
    // the short ones go to the worker while long ones are held, and at the end held files are shared between threads.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-cli-held-'));
    try {
      const short = ['train_tf1.py', 'train_torch.py', 'utils.py'].map((name) => fs.readFileSync(path.join(project, name), 'utf8'));
      const long = short.map((text) => text.repeat(Math.ceil(70_000 / text.length)));
      fs.mkdirSync(path.join(tmp, 'mixed'));
      fs.mkdirSync(path.join(tmp, 'zz_long_only'));
      for (let i = 0; i < 16; i++) fs.writeFileSync(path.join(tmp, 'mixed', `m${String(i).padStart(2, '0')}.py`), i % 4 === 3 ? long[i % 3] : short[i % 3]);
      for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(tmp, 'zz_long_only', `l${i}.py`), long[i % 3]);
      const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'scan', '.', ...args], { cwd: tmp, encoding: 'utf8', maxBuffer: 64 << 20 });
      for (const format of ['json', 'text']) {
        const one = run('--format', format, '--jobs', '1');
        const two = run('--format', format, '--jobs', '2');
        assert.match(one.stderr + one.stdout, /Scanned 20 files: 20 analysed/);
        assert.strictEqual(two.status, one.status, format);
        assert.strictEqual(two.stdout, one.stdout, format);
        assert.strictEqual(two.stderr, one.stderr, format);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
