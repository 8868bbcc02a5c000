// The one test command (npm test): installs what the tests need, then runs every layer and ends with one line
// "N passed, N failed" summed over all layers. Layers: typecheck, lint, unit (plain Node), package (.vsix),
// integration (mocha inside VS Code's extension host, in code-server), e2e (playwright driving the VS Code UI).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, copySampleWorkspace } from './lib/codeServer.mjs';
import { runInHost } from './lib/runInHost.mjs';
import { runWeb } from './lib/runWeb.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-test-'));
const only = process.argv.slice(2); // optional layer names, e.g. `npm test -- unit integration`
const wants = (layer) => only.length === 0 || only.includes(layer);
const layers = [];

function banner(text) {
  console.log(`\n=== ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...opts.env }, cwd: root });
  return r.status === 0;
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
  layers.push({ name, passes: r.passes, failures: r.failures, pending: r.pending ?? 0 });
}

async function main() {
  banner('setup: test tools (code-server, chromium, python3-torch)');
  if (!sh('bash', ['scripts/setup-e2e.sh'])) {
    layers.push({ name: 'setup', passes: 0, failures: 1 });
    return;
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
    if (packaged) mochaLayer('package', ['out/test/package/**/*.test.js'], { FG_VSIX: path.join(tmp, 'framework-guide.vsix') });
    else layers.push({ name: 'package', passes: 0, failures: 1 });
  }
  if (wants('web')) {
    banner('web (the integration suites in the browser extension host, @vscode/test-web)');
    const r = await runWeb({ root, workspace: copySampleWorkspace(root) });
    if (r.code !== 0 && r.failures === 0) r.failures = 1;
    if (r.code === 'timeout') console.log('web: timed out');
    layers.push({ name: 'web', passes: r.passes, failures: r.failures });
  }
  if (!wants('integration') && !wants('e2e')) return;
  const workspace = copySampleWorkspace(root);
  const server = await startCodeServer({ workspace, log: (m) => console.log(m) });
  try {
    if (wants('integration')) {
      banner('integration (mocha in the VS Code extension host, code-server)');
      const resultsFile = path.join(tmp, 'integration.json');
      const { code, results } = await runInHost({ server, root, workspace, resultsFile, screenshot: path.join(root, 'test-results', 'integration-end.png') });
      const r = results ?? { passes: 0, failures: 1 };
      if (code !== 0 && r.failures === 0) r.failures = 1;
      if (code === 'timeout') console.log('integration: timed out waiting for the extension host');
      layers.push({ name: 'integration', passes: r.passes, failures: r.failures, pending: r.pending ?? 0 });
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
    await server.stop();
  }
}

main()
  .catch((err) => {
    console.error(err);
    layers.push({ name: 'harness', passes: 0, failures: 1 });
  })
  .finally(() => {
    banner('summary');
    for (const l of layers) console.log(`${l.name.padEnd(12)} ${l.passes} passed, ${l.failures} failed${l.pending ? `, ${l.pending} skipped` : ''}`);
    const passed = layers.reduce((n, l) => n + l.passes, 0);
    const failed = layers.reduce((n, l) => n + l.failures, 0);
    const skipped = layers.reduce((n, l) => n + (l.pending ?? 0), 0);
    console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/`);
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
