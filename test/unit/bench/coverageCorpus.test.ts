/**
 * bench/coverageCorpus.ts and bench/corpus.ts on made-up inputs: a manifest is checked entry by entry, "all" stands for
 * every .py and .ipynb file of the repository at its commit (listed from a git mirror), and each half is counted apart.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedPath, listFilesAt, materialiseCorpus } from '../../../bench/corpus';
import { CORPUS_EXTENSIONS, expandManifest, halfCounts, manifestProblems, readCoverageManifest } from '../../../bench/coverageCorpus';

const FIXTURES = path.join(process.cwd(), 'test', 'fixtures', 'bench', 'coverage');
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

suite('bench: coverage corpus manifest', () => {
  test('a well-formed manifest has no problems', () => {
    assert.deepStrictEqual(manifestProblems(readJson('manifest.json')), []);
    assert.strictEqual(readCoverageManifest(path.join(FIXTURES, 'manifest.json')).repos.length, 3);
  });

  test('each problem of a broken manifest is named, a repository listed twice (in any case) among them', () => {
    assert.deepStrictEqual(manifestProblems(readJson('broken-manifest.json')), [
      '"note" is not a list of strings',
      'repos[1] (Example/Twice): listed more than once',
      'repos[1] (Example/Twice): "commit" is not 40 hex digits',
      'repos[1] (Example/Twice): "split" is neither "dev" nor "test"',
      'repos[1] (Example/Twice): "../outside.py" is not a relative .py or .ipynb path',
      'repos[1] (Example/Twice): "README.md" is not a relative .py or .ipynb path',
      'repos[1] (Example/Twice): b.py is listed twice',
      'repos[2] (example/nothing): "license" is missing',
      'repos[2] (example/nothing): "files" is neither "all" nor a non-empty list',
    ]);
    assert.throws(() => readCoverageManifest(path.join(FIXTURES, 'broken-manifest.json')), /listed more than once/);
  });

  test('"all" is expanded by the lister to its .py and .ipynb files; listed files are kept; a failed listing is reported', () => {
    const manifest = readCoverageManifest(path.join(FIXTURES, 'manifest.json'));
    const asked: string[] = [];
    const { files, unlisted } = expandManifest(manifest, (repo, commit) => {
      asked.push(`${repo}@${commit.slice(0, 4)}`);
      return { paths: ['README.md', 'explore.ipynb', 'models/net.py', 'train.py'] };
    });
    assert.deepStrictEqual(asked, ['example/graph-scripts@1111']);
    assert.deepStrictEqual(unlisted, []);
    assert.deepStrictEqual(
      files.map((f) => `${f.split} ${f.repo}:${f.path}`),
      ['dev example/graph-scripts:explore.ipynb', 'dev example/graph-scripts:models/net.py', 'dev example/graph-scripts:train.py', 'test example/segmenter:segmenter/model.py', 'test example/segmenter:notebooks/train.ipynb', 'test example/old-torch:main.py'],
    );
    const failed = expandManifest(manifest, () => ({ paths: [], reason: 'no mirror' }));
    assert.deepStrictEqual(failed.unlisted, [{ repo: 'example/graph-scripts', reason: 'no mirror' }]);
    assert.strictEqual(failed.files.length, 3);
  });

  test('halves are counted apart, by era', () => {
    const { files } = expandManifest(readCoverageManifest(path.join(FIXTURES, 'manifest.json')), () => ({ paths: ['a.py', 'b/c.py'] }));
    const counts = halfCounts(files);
    assert.deepStrictEqual({ repos: counts.dev.repos, files: counts.dev.files, byEra: [...counts.dev.byEra] }, { repos: 1, files: 2, byEra: [['TF1 (2016-2019)', [1, 2]]] });
    assert.deepStrictEqual(
      { repos: counts.test.repos, files: counts.test.files, byEra: [...counts.test.byEra] },
      { repos: 2, files: 3, byEra: [['Keras 2', [1, 2]], ['PyTorch 0.4-1.x', [1, 1]]] },
    );
  });
});

suite('bench: corpus files from a git mirror', () => {
  let dir = '';
  let commit = '';
  const saved = process.env.FG_MIRRORS;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-corpus-test-'));
    // A checkout's .git under <owner>+<name>/repo, as some mirrors come.
    const work = path.join(dir, 'mirrors', 'example+graph-scripts', 'repo');
    fs.cpSync(path.join(FIXTURES, 'repo'), work, { recursive: true });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Bench Test', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: work, encoding: 'utf8' });
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'fixture']]) assert.strictEqual(git(...args).status, 0, args.join(' '));
    commit = git('rev-parse', 'HEAD').stdout.trim();
    process.env.FG_MIRRORS = path.join(dir, 'mirrors');
  });

  suiteTeardown(() => {
    if (saved === undefined) delete process.env.FG_MIRRORS;
    else process.env.FG_MIRRORS = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('"all" lists the .py and .ipynb files at the commit, by path', () => {
    assert.deepStrictEqual(listFilesAt('example/graph-scripts', commit, CORPUS_EXTENSIONS, path.join(dir, 'cache')), { paths: ['explore.ipynb', 'models/net.py', 'train.py'] });
    assert.ok(listFilesAt('example/graph-scripts', '0'.repeat(40), CORPUS_EXTENSIONS, path.join(dir, 'cache')).reason);
  });

  test('files are written to the cache at their commit; a path the commit lacks comes back as missing', () => {
    const root = path.join(dir, 'cache');
    const refs = ['train.py', 'models/net.py', 'gone.py'].map((p) => ({ repo: 'example/graph-scripts', commit, path: p }));
    const { missing } = materialiseCorpus(refs, root);
    assert.deepStrictEqual(missing.map((m) => m.ref.path), ['gone.py']);
    for (const ref of refs.slice(0, 2)) assert.strictEqual(fs.readFileSync(cachedPath(root, ref), 'utf8'), fs.readFileSync(path.join(FIXTURES, 'repo', ref.path), 'utf8'));
  });
});
