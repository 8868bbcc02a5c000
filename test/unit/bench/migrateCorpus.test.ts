/**
 * The pure parts of bench/migrateCorpus.ts: reading the manifest, reading a run's outcome from its exit and stderr,
 * and the summary counts, on fixtures under test/fixtures/bench/migrate-corpus/.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cellText, classifyRun, lastException, parseArgs, parseManifest, repoPath, summaryTable, type Outcome, type ScriptResult } from '../../../bench/migrateCorpus';

const FIXTURES = path.join(process.cwd(), 'test', 'fixtures', 'bench', 'migrate-corpus');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

suite('bench/migrateCorpus', () => {
  test('reads a manifest: defaults for data and argv, data paths resolved inside the repository', () => {
    const manifest = parseManifest(fixture('manifest.json'));
    assert.strictEqual(manifest.entries.length, 2);
    const [graph, net] = manifest.entries;
    assert.deepStrictEqual(graph.argv, []);
    assert.deepStrictEqual(net.argv, ['--epochs', '2']);
    assert.deepStrictEqual(
      graph.data.map((d) => repoPath(graph.path, d)),
      ['shared/numbers.csv', 'lessons/helpers.py'],
    );
    assert.strictEqual(manifest.excluded[0].reason, 'download at run time');
  });

  test('the project manifest itself parses: at least 66 scripts, every era in both halves', () => {
    const manifest = parseManifest(fs.readFileSync(path.join(process.cwd(), 'bench', 'migrate-corpus.json'), 'utf8'));
    assert.ok(manifest.entries.length >= 66, `${manifest.entries.length} entries`);
    for (const era of ['tf1', 'keras2', 'torch-old']) {
      for (const half of ['dev', 'test']) assert.ok(manifest.entries.some((e) => e.era === era && e.split === half), `${era} ${half}`);
    }
  });

  test('refuses a repository in both halves, a data path that leaves the repository, and an unknown era', () => {
    const base = JSON.parse(fixture('manifest.json')) as { entries: Array<Record<string, unknown>> };
    const variant = (change: (entries: Array<Record<string, unknown>>) => void) => {
      const copy = structuredClone(base);
      change(copy.entries);
      return JSON.stringify(copy);
    };
    assert.throws(() => parseManifest(variant((e) => (e[1].repo = e[0].repo))), /in both halves/);
    assert.throws(() => parseManifest(variant((e) => (e[0].data = ['../../outside.csv']))), /leaves the repository/);
    assert.throws(() => parseManifest(variant((e) => (e[0].era = 'tf3'))), /"era" must be one of/);
    assert.throws(() => parseManifest(variant((e) => (e[1].id = e[0].id))), /duplicate id/);
  });

  test('the error left is the exception of the last traceback, not the first or the log noise', () => {
    assert.strictEqual(lastException(fixture('stderr-chained.txt')), "AttributeError: module 'tensorflow' has no attribute 'placeholder'");
    assert.strictEqual(lastException(fixture('stderr-no-traceback.txt')), "FATAL Flags parsing error: Unknown command line flag 'epochs'");
  });

  test('a table cell escapes control characters and pipes, and is trimmed', () => {
    const cell = cellText(lastException(fixture('stderr-multiline-message.txt')) ?? '', 60);
    assert.ok(cell.startsWith('IndexError: invalid index of a 0-dim tensor. Use `tensor.item()` \\| here'.slice(0, 59)), cell);
    assert.ok(cell.length <= 60 && cell.endsWith('…'), cell);
    assert.strictEqual(cellText('a\u001b[31mb'), 'a\\x1b[31mb');
  });

  test('outcomes: exit 0 runs, a timeout without a traceback runs, a traceback is an error whatever the exit', () => {
    const run = (code: number | null, timedOut: boolean, stderr: string) => classifyRun({ code, signal: timedOut ? 'SIGKILL' : null, timedOut, stderr, seconds: 3 }, 60);
    assert.deepStrictEqual(run(0, false, 'UserWarning: something old\n'), { kind: 'runs', seconds: 3 });
    assert.deepStrictEqual(run(null, true, fixture('stderr-no-traceback.txt').split('\nFATAL')[0]), { kind: 'runs (60 s)', seconds: 60 });
    assert.strictEqual(run(null, true, fixture('stderr-chained.txt')).kind, 'error');
    assert.strictEqual(run(0, false, fixture('stderr-chained.txt')).error, "AttributeError: module 'tensorflow' has no attribute 'placeholder'");
    assert.strictEqual(run(1, false, fixture('stderr-no-traceback.txt')).error, "FATAL Flags parsing error: Unknown command line flag 'epochs' (exit code 1)");
    assert.strictEqual(run(1, false, '').error, 'exit code 1');
  });

  test('the summary counts scripts failing as-is that run after ours and after the upgrade tool, and regressions', () => {
    const manifest = parseManifest(fixture('manifest.json'));
    const [graph, net] = manifest.entries;
    const ok: Outcome = { kind: 'runs', seconds: 1 };
    const long: Outcome = { kind: 'runs (60 s)', seconds: 60 };
    const bad: Outcome = { kind: 'error', error: 'NameError', seconds: 1 };
    const results: ScriptResult[] = [
      { entry: graph, asIs: bad, upgrade: bad, ours: long },
      { entry: { ...graph, id: 'demo-graph-two' }, asIs: bad, upgrade: ok, ours: bad },
      { entry: { ...graph, id: 'demo-graph-three' }, asIs: ok, upgrade: ok, ours: bad },
      { entry: net, asIs: bad, ours: ok },
    ];
    const dev = summaryTable('dev', results, 'dev');
    assert.deepStrictEqual(dev.rows.find((r) => r[0] === 'tf1'), ['tf1', '3', '2', '1 (50%)', '1 of 2 (50%)', '1']);
    assert.deepStrictEqual(dev.rows.find((r) => r[0] === 'torch-old'), ['torch-old', '0', '0', '0 (-)', '-', '0']);
    const test = summaryTable('test', results, 'test');
    assert.deepStrictEqual(test.rows.find((r) => r[0] === 'all'), ['all', '1', '1', '1 (100%)', '-', '0']);
  });

  test('flags', () => {
    assert.deepStrictEqual(parseArgs(['--show-test', '--era', 'keras2', '--only', 'a,b']), { showTest: true, fresh: false, era: 'keras2', only: new Set(['a', 'b']) });
    assert.throws(() => parseArgs(['--era', 'tf3']), /--era takes one of/);
    assert.throws(() => parseArgs(['--rows']), /unknown argument/);
  });
});
