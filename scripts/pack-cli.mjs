// `npm run package:cli`: builds the scanner CLI and packs it as its own npm package (framework-guide-cli),
// holding only what it runs with: bin/, dist/cli.js (knowledge bundled in), README and LICENSE. The repository's
// package.json is the extension's manifest and is private, so `npm pack` at the root cannot ship a broken CLI.
// Usage: node scripts/pack-cli.mjs [--out DIR] [--no-build]; prints the tarball's path last.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, 'out'));

function run(cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`pack-cli: "${cmd} ${cmdArgs.join(' ')}" failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(1);
  }
  return r.stdout;
}

if (!args.includes('--no-build')) run('node', ['esbuild.config.js', '--production'], root);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const stage = path.join(outDir, 'cli-package');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, 'bin'), { recursive: true });
fs.mkdirSync(path.join(stage, 'dist'), { recursive: true });
fs.copyFileSync(path.join(root, 'bin', 'framework-guide.js'), path.join(stage, 'bin', 'framework-guide.js'));
fs.chmodSync(path.join(stage, 'bin', 'framework-guide.js'), 0o755);
fs.copyFileSync(path.join(root, 'dist', 'cli.js'), path.join(stage, 'dist', 'cli.js'));
fs.copyFileSync(path.join(root, 'README.md'), path.join(stage, 'README.md'));
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
const cliManifest = {
  name: 'framework-guide-cli',
  version: manifest.version,
  description: 'Scans Python files and notebooks for deprecated and removed TensorFlow, Keras and PyTorch APIs (text, JSON, SARIF).',
  license: manifest.license,
  repository: manifest.repository,
  keywords: manifest.keywords,
  bin: { 'framework-guide': 'bin/framework-guide.js' },
  files: ['bin/', 'dist/cli.js'],
  engines: { node: manifest.engines.node },
};
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cliManifest, null, 2)}\n`);
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], stage));
console.log(`pack-cli: ${packed[0].entryCount} files, ${packed[0].size} bytes`);
console.log(path.join(outDir, packed[0].filename));
