// Exports the runtime strings (vscode.l10n.t calls in src/extension) to l10n/bundle.l10n.json with
// @vscode/l10n-dev; `--check` fails when the committed bundle misses a string or has a stale one.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outDir = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'fg-l10n-')) : path.join(root, 'l10n');
const r = spawnSync('npx', ['@vscode/l10n-dev', 'export', '--outDir', outDir, 'src/extension'], { cwd: root, encoding: 'utf8' });
const exported = r.status === 0 && check ? fs.readFileSync(path.join(outDir, 'bundle.l10n.json'), 'utf8') : undefined;
if (check) fs.rmSync(outDir, { recursive: true, force: true });
if (r.status !== 0) {
  console.error(r.stderr || r.stdout);
  process.exit(1);
}
if (check) {
  const fresh = JSON.parse(exported);
  const committed = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'));
  const missing = Object.keys(fresh).filter((k) => !(k in committed));
  const stale = Object.keys(committed).filter((k) => !(k in fresh));
  if (missing.length || stale.length) {
    console.error(`l10n/bundle.l10n.json is out of date (run node scripts/l10n.mjs): missing ${JSON.stringify(missing)}, stale ${JSON.stringify(stale)}`);
    process.exit(1);
  }
  console.log(`l10n: ${Object.keys(fresh).length} runtime strings, bundle up to date`);
}
