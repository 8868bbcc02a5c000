// Regenerates the settings and commands tables of README.md from package.json + package.nls.json, so the
// docs never drift from the manifest. `node scripts/readme-tables.mjs --check` exits 1 when README is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const t = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (_, k) => nls[k] ?? s) : s);
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function settingsTable() {
  const rows = Object.entries(pkg.contributes.configuration.properties).map(([key, p]) => {
    const values = p.enum ? p.enum.map((v) => `\`${v}\``).join(', ') : p.type === 'array' ? `array of ${p.items?.enum?.map((v) => `\`${v}\``).join(', ') ?? p.items?.type}` : p.type;
    return `| \`${key}\` | ${cell(values)} | \`${JSON.stringify(p.default)}\` | ${cell(t(p.description))} |`;
  });
  return ['| Setting | Values | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function commandsTable() {
  const rows = pkg.contributes.commands.map((c) => `| ${cell(`${t(c.category)}: ${t(c.title)}`)} | \`${c.command}\` |`);
  return ['| Command | Id |', '| --- | --- |', ...rows].join('\n');
}

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return text.slice(0, a + start.length) + '\n' + body + '\n' + text.slice(b);
}

const readmePath = path.join(root, 'README.md');
const current = fs.readFileSync(readmePath, 'utf8');
const next = replaceBetween(replaceBetween(current, 'settings', settingsTable()), 'commands', commandsTable());
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md tables are out of date: run `node scripts/readme-tables.mjs`');
    process.exit(1);
  }
} else {
  fs.writeFileSync(readmePath, next);
}
