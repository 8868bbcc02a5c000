// `npm run demo`: builds the extension, installs test-free tools (code-server) on first use, and launches
// VS Code (code-server) on the sample/ workspace with Framework Guide installed from a freshly built .vsix.
// Prints the URL to open; Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, CODE_SERVER, NODE24_BIN } from './lib/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 8080);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`demo: "${cmd} ${args.join(' ')}" failed`);
    process.exit(1);
  }
};

run('bash', ['scripts/setup-e2e.sh'], { FG_SKIP_CHROMIUM: '1' });
run('node', ['esbuild.config.js', '--production']);
const home = path.join(os.tmpdir(), 'framework-guide-demo');
const vsix = path.join(home, 'framework-guide.vsix');
fs.mkdirSync(home, { recursive: true });
run('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix]);
const extensionsDir = path.join(home, 'extensions');
const userDataDir = path.join(home, 'user-data');
fs.rmSync(extensionsDir, { recursive: true, force: true });
run(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { PATH: `${NODE24_BIN}:${process.env.PATH}` });

const workspace = path.join(root, 'sample');
const server = await startCodeServer({ workspace, devMode: false, port, extensionsDir, userDataDir, settings: { 'editor.hover.delay': 300 } });
console.log(`\nFramework Guide demo is running. Open:\n\n  ${server.url(workspace)}\n\nTry: hover over nn.Linear in train_torch.py, F1 → "Framework Guide: Open Comparison", F1 → "Framework Guide: Insert Snippet".\nPress Ctrl+C to stop.`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
