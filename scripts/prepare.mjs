// npm's `prepare` step: builds the bundles, so `npm ci` leaves a working CLI and an installation from git (as
// pre-commit makes, see .pre-commit-hooks.yaml) packs one. Under `npm install -g git+…` npm prepares the clone with
// the global flag still set, so the devDependencies the build needs are not installed beside it: they are installed
// here first, without scripts (their own `prepare` would start this one again).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`prepare: "${command} ${args.join(' ')}" failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(result.status ?? 1);
  }
}

try {
  require.resolve('esbuild');
} catch {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_global$/i.test(key)));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--include=dev', '--global=false'], env);
}
run(process.execPath, ['esbuild.config.js']);
