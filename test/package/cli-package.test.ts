/**
 * The CLI's npm package (tarball path in FG_CLI_TGZ, made by scripts/pack-cli.mjs) holds only what the CLI runs
 * with, installs into an empty folder without a registry, and scans the sample workspace from there.
 */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

suite('CLI npm package', function () {
  this.timeout(120_000);
  const tgz = process.env.FG_CLI_TGZ ?? '';
  let installDir = '';

  suiteSetup(() => {
    assert.ok(tgz && fs.existsSync(tgz), `FG_CLI_TGZ names the packed CLI (got "${tgz}")`);
    installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-cli-install-'));
    fs.writeFileSync(path.join(installDir, 'package.json'), '{"private":true}\n');
    // --offline: the package has no dependencies, so installing it must not need a registry.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: installDir, stdio: 'pipe' });
  });

  suiteTeardown(() => {
    if (installDir) fs.rmSync(installDir, { recursive: true, force: true });
  });

  test('contains only the launcher, the bundle, README, LICENSE and its manifest', () => {
    const listing = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepStrictEqual(listing, ['package/LICENSE', 'package/README.md', 'package/bin/framework-guide.js', 'package/dist/cli.js', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }));
    assert.strictEqual(manifest.name, 'framework-guide-cli');
    assert.deepStrictEqual(manifest.bin, { 'framework-guide': 'bin/framework-guide.js' });
    assert.strictEqual(manifest.dependencies, undefined, 'the bundle needs no dependencies');
  });

  test('the installed command scans the sample workspace and reports removed TF1 APIs', () => {
    const bin = path.join(installDir, 'node_modules', '.bin', 'framework-guide');
    assert.ok(fs.existsSync(bin), 'npm linked the bin');
    const r = spawnSync(bin, ['scan', path.join(ROOT, 'sample'), '--format', 'json'], { encoding: 'utf8', cwd: installDir });
    assert.strictEqual(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const text = JSON.stringify(report);
    assert.ok(text.includes('legacy_tf1.py'), 'the TF1 sample is in the report');
    assert.ok(/tensorflow\.Session/.test(text), 'tf.Session is found');
  });

  test('the bundle carries the knowledge entries as JSON, without the hover texts', () => {
    const bundle = execFileSync('tar', ['-xzOf', tgz, 'package/dist/cli.js'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // An entry as it is embedded (JSON inside a JS string), and the summary only hovers show (src/knowledge/scanEntries.ts).
    assert.match(bundle, /\\?"name\\?":\\?"tensorflow\.Session\\?"/, 'tf.Session is in the embedded JSON');
    assert.ok(bundle.includes('JSON.parse('), 'parsed from a JSON text');
    assert.ok(!bundle.includes('The PyTorch root package'), 'no hover summary in the bundle');
  });

  test('--version prints the extension version', () => {
    const bin = path.join(installDir, 'node_modules', '.bin', 'framework-guide');
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    assert.strictEqual(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), version);
  });

  test('the repository root is private, so npm cannot publish the extension manifest as a package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.private, true);
  });
});
