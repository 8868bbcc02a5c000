// The one test command (npm test): installs what the tests need, then runs every layer and ends with one line
// "N passed, N failed" summed over all layers. Layers: typecheck, lint, unit (plain Node), package (.vsix and the
// CLI package), web (browser extension host), integration (mocha inside VS Code's extension host, in code-server),
// e2e (playwright driving the VS Code UI), truth (API dumps of the installed frameworks vs the committed ones),
// real (snippets and examples run in TensorFlow/Keras and PyTorch) and equivalence (pytest: both frameworks
// computing the same thing).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, copySampleWorkspace, CACHE, PRE_COMMIT_PYTHON, PYTHON } from './lib/codeServer.mjs';
import { runInHost } from './lib/runInHost.mjs';
import { runWeb } from './lib/runWeb.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-test-'));
const only = process.argv.slice(2); // optional layer names, e.g. `npm test -- unit integration`
const wants = (layer) => only.length === 0 || only.includes(layer);
/** The layers in their running order, and the parts of scripts/setup-e2e.sh each one needs. */
const layerNames = ['typecheck', 'lint', 'docs', 'l10n', 'unit', 'package', 'web', 'truth', 'real', 'equivalence', 'integration', 'e2e'];
const TOOLS = {
  package: ['pre-commit'],
  web: ['browser', 'test-web'],
  truth: ['python'],
  real: ['python'],
  equivalence: ['python'],
  integration: ['code-server', 'browser'],
  e2e: ['code-server', 'browser'],
};
const unknown = only.filter((l) => !layerNames.includes(l));
if (unknown.length) {
  console.error(`unknown test layer ${unknown.join(', ')}; the layers are: ${layerNames.join(' ')}`);
  process.exit(2);
}
const layers = [];
let setupNote = '';

function banner(text) {
  console.log(`\n=== ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...opts.env }, cwd: root });
  if (r.error) console.log(`${cmd}: ${r.error.message}`);
  return r.status === 0;
}

/** Counts from a JUnit XML report (pytest --junitxml): the totals of its <testsuite> elements. */
function junitCounts(file) {
  if (!fs.existsSync(file)) return { passes: 0, failures: 1 };
  const xml = fs.readFileSync(file, 'utf8');
  let tests = 0, failures = 0, skipped = 0;
  for (const m of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(m[1])?.[1] ?? 0);
    tests += attr('tests');
    failures += attr('failures') + attr('errors');
    skipped += attr('skipped');
  }
  return { passes: tests - failures - skipped, failures, pending: skipped };
}

/** The layers that run the real frameworks (Python venv from test/real/requirements.txt, built by setup). */
function realLayers() {
  const env = { FG_PYTHON: PYTHON, CUDA_VISIBLE_DEVICES: '', TF_CPP_MIN_LOG_LEVEL: '2', PYTHONDONTWRITEBYTECODE: '1' };
  if (wants('truth')) {
    banner('truth (API dumps of the installed frameworks against test/fixtures/truth)');
    const dumps = path.join(tmp, 'truth');
    const ok = sh(PYTHON, ['scripts/truth/dump_api.py', '--out', dumps], { env }) && sh('node', ['scripts/truth/check-drift.mjs', dumps, 'test/fixtures/truth']);
    layers.push({ name: 'truth', passes: ok ? 1 : 0, failures: ok ? 0 : 1 });
  }
  if (wants('real')) mochaLayer('real', ['out/test/real/**/*.test.js'], env);
  if (wants('equivalence')) {
    banner('equivalence (pytest: TensorFlow/Keras and PyTorch computing the same thing)');
    const xml = path.join(tmp, 'equivalence.xml');
    const ok = sh(PYTHON, ['-m', 'pytest', 'test/real', '-q', '-p', 'no:cacheprovider', '--junitxml', xml], { env });
    const r = junitCounts(xml);
    if (!ok && r.failures === 0) r.failures = 1;
    layers.push({ name: 'equivalence', ...r });
  }
}

/** A layer that is one check: 1 passed or 1 failed. */
function check(name, cmd, args) {
  banner(name);
  const ok = sh(cmd, args);
  layers.push({ name, passes: ok ? 1 : 0, failures: ok ? 0 : 1 });
  return ok;
}

/** A mocha layer run in this Node process's children, counted through the counting reporter. */
function mochaLayer(name, files, env = {}) {
  banner(name);
  const results = path.join(tmp, `${name}.json`);
  const globs = files.filter((g) => g);
  const grep = process.env.FG_TEST_GREP ? ['--grep', process.env.FG_TEST_GREP] : [];
  const ok = sh('npx', ['mocha', '--ui', 'tdd', '--timeout', '120000', ...grep, '--reporter', path.join(root, 'scripts/lib/countingReporter.cjs'), ...globs], {
    env: { FG_TEST_RESULTS: results, ...env },
  });
  const r = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passes: 0, failures: 1 };
  if (!ok && r.failures === 0) r.failures = 1; // mocha itself failed (load error)
  layers.push({ name, passes: r.passes, failures: r.failures, pending: r.pending ?? 0, failed: r.failed });
}

async function main() {
  // Only the tools the chosen layers use: `npm test -- unit` installs nothing.
  const parts = [...new Set(layerNames.filter(wants).flatMap((l) => TOOLS[l] ?? []))];
  if (parts.length) {
    banner(`setup: test tools (${parts.join(', ')}) in ${CACHE}`);
    const setupStarted = Date.now();
    const fresh = !fs.existsSync(CACHE) || fs.readdirSync(CACHE).every((f) => f.startsWith('.'));
    if (!sh('bash', ['scripts/setup-e2e.sh'], { env: { FG_SETUP_PARTS: parts.join(',') } })) {
      layers.push({ name: 'setup', passes: 0, failures: 1 });
      return;
    }
    setupNote = `tools ${fresh ? 'installed from an empty cache' : 'found in the cache'} in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s (${CACHE})`;
  }
  if (wants('typecheck')) check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
  if (wants('lint')) check('lint', 'npx', ['eslint', '.']);
  if (wants('docs')) check('docs', 'node', ['scripts/readme-tables.mjs', '--check']);
  if (wants('l10n')) check('l10n', 'node', ['scripts/l10n.mjs', '--check']);
  banner('build (production bundles, data, tests)');
  if (!sh('node', ['esbuild.config.js', '--production', '--tests'])) {
    layers.push({ name: 'build', passes: 0, failures: 1 });
    return;
  }
  if (wants('unit')) mochaLayer('unit', ['out/test/unit/**/*.test.js']);
  if (wants('package')) {
    banner('package (.vsix)');
    // Rebuild the shipping bundles right before packaging: earlier layers may have rebuilt dist/ for development.
    const packaged = sh('node', ['esbuild.config.js', '--production']) && sh('npx', ['vsce', 'package', '--no-dependencies', '-o', path.join(tmp, 'framework-guide.vsix')]);
    const cli = packaged ? spawnSync('node', ['scripts/pack-cli.mjs', '--no-build', '--out', tmp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }) : undefined;
    const tgz = cli?.status === 0 ? cli.stdout.trim().split('\n').pop() : undefined;
    if (cli?.stdout) process.stdout.write(cli.stdout);
    if (packaged && tgz) mochaLayer('package', ['out/test/package/**/*.test.js'], { FG_VSIX: path.join(tmp, 'framework-guide.vsix'), FG_CLI_TGZ: tgz, FG_PRE_COMMIT_PYTHON: PRE_COMMIT_PYTHON });
    else layers.push({ name: 'package', passes: 0, failures: 1 });
  }
  if (wants('web')) {
    banner('web (the integration suites in the browser extension host, @vscode/test-web)');
    const r = await runWeb({ root, workspace: copySampleWorkspace(root, tmp) });
    if (r.code !== 0 && r.failures === 0) r.failures = 1;
    if (r.code === 'timeout') console.log('web: timed out');
    layers.push({ name: 'web', passes: r.passes, failures: r.failures });
  }
  realLayers();
  if (!wants('integration') && !wants('e2e')) return;
  const workspace = copySampleWorkspace(root, tmp);
  const server = await startCodeServer({ workspace, log: (m) => console.log(m), tmpParent: tmp });
  try {
    if (wants('integration')) {
      banner('integration (mocha in the VS Code extension host, code-server)');
      const resultsFile = path.join(tmp, 'integration.json');
      const { code, results } = await runInHost({ server, root, workspace, resultsFile, screenshot: path.join(root, 'test-results', 'integration-end.png') });
      const r = results ?? { passes: 0, failures: 1 };
      if (code !== 0 && r.failures === 0) r.failures = 1;
      if (code === 'timeout') console.log('integration: timed out waiting for the extension host');
      layers.push({ name: 'integration', passes: r.passes, failures: r.failures, pending: r.pending ?? 0, failed: r.failed });
    }
    if (wants('e2e')) {
      mochaLayer('e2e', ['out/test/e2e/**/*.test.js'], {
        FG_CS_ORIGIN: server.origin,
        FG_CS_PORT: String(server.port),
        FG_CS_USER_DATA: server.userDataDir,
        FG_WORKSPACE: workspace,
        FG_ROOT: root,
      });
    }
  } finally {
    // Files under `tmp` are removed at exit, or kept when a layer failed (see the summary).
    await server.stop({ keepFiles: true });
  }
}

main()
  .catch((err) => {
    console.error(err);
    layers.push({ name: 'harness', passes: 0, failures: 1 });
  })
  .finally(() => {
    banner('summary');
    if (setupNote) console.log(setupNote);
    for (const l of layers) {
      console.log(`${l.name.padEnd(12)} ${l.passes} passed, ${l.failures} failed${l.pending ? `, ${l.pending} skipped` : ''}`);
      for (const f of l.failed ?? []) console.log(`  failed: ${f.title}: ${f.error}`);
    }
    const passed = layers.reduce((n, l) => n + l.passes, 0);
    const failed = layers.reduce((n, l) => n + l.failures, 0);
    const skipped = layers.reduce((n, l) => n + (l.pending ?? 0), 0);
    console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/`);
    // Temporary files (workspaces, code-server logs, packages) go unless something failed and they may tell why.
    if (failed === 0 && !process.env.FG_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`temporary files kept in ${tmp}`);
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
