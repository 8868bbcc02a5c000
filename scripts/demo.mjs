// `npm run demo`: builds the extension, installs code-server on first use, and launches VS Code (code-server)
// on the sample/ workspace with Framework Guide installed from a freshly built .vsix.
// Prints the URL to open; Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, CACHE, CODE_SERVER, NODE24_BIN } from './lib/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 8080);
/** Runs a step; `quiet` keeps its output (a packaged-files tree, build notes) unless it fails. */
const run = (cmd, args, env = {}, quiet = false) => {
  const r = spawnSync(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(`demo: "${cmd} ${args.join(' ')}" failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(1);
  }
};

/** Resolves to an error message when 127.0.0.1:port cannot be listened on, else to undefined. */
function portProblem(p) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err) => resolve(err.code === 'EADDRINUSE' ? 'is already in use (another demo, or another server)' : `cannot be used (${err.code ?? err.message})`));
    probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(undefined)));
  });
}

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`demo: PORT=${process.env.PORT} is not a port number; use e.g. PORT=9000 npm run demo`);
  process.exit(2);
}
const problem = await portProblem(port);
if (problem) {
  console.error(`demo: port ${port} ${problem}.\nStop what uses it, or pick another port: PORT=${port === 8080 ? 9000 : port + 1} npm run demo`);
  process.exit(2);
}

run('bash', ['scripts/setup-e2e.sh'], { FG_SETUP_PARTS: 'code-server' });
console.log('demo: building and packaging the extension …');
run('node', ['esbuild.config.js', '--production'], {}, true);
// One folder per port, so a second demo on another port never reinstalls into a running one.
const home = path.join(os.tmpdir(), `framework-guide-demo-${port}`);
const vsix = path.join(home, 'framework-guide.vsix');
fs.mkdirSync(home, { recursive: true });
run('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix], {}, true);
const extensionsDir = path.join(home, 'extensions');
const userDataDir = path.join(home, 'user-data');
fs.rmSync(extensionsDir, { recursive: true, force: true });
const config = path.join(home, 'config.yaml');
fs.writeFileSync(config, 'auth: none\n');
run(CODE_SERVER, ['--config', config, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { PATH: `${NODE24_BIN}:${process.env.PATH}` }, true);

const workspace = path.join(root, 'sample');
const server = await startCodeServer({ workspace, devMode: false, port, extensionsDir, userDataDir, settings: { 'editor.hover.delay': 300 } });
console.log(`demo: tools cache ${CACHE}; demo profile ${home}; Ctrl+C stops the demo.`);
console.log(
  [
    '',
    'Framework Guide is running in VS Code. Open:',
    '',
    `  ${server.url(workspace)}`,
    '',
    'Try:',
    '  - hover nn.Linear in train_torch.py, then "Compare in panel"',
    '  - legacy_tf1.py: the warnings, Ctrl+. on tf.Session, then F1 → "Framework Guide: Migrate This File"',
    '  - "Port to Keras" above the model class in train_torch.py',
    '  - F1 → "Framework Guide: Insert Snippet" or "Framework Guide: Open Comparison"',
  ].join('\n'),
);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
