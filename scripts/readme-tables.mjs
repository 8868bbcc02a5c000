// Regenerates the settings, commands and snippet-prefix tables of README.md from package.json + package.nls.json
// and the snippet catalog, so the docs never drift from the code. `--check` exits 1 when README is stale.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
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
    return `| \`${key}\` | ${cell(values)} | \`${JSON.stringify(p.default)}\` | ${cell(t(p.markdownDescription ?? p.description))} |`;
  });
  return ['| Setting | Values | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The commands a user finds in the command palette: not those it hides (a view's buttons, a hover's links). */
export function commandsTable() {
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const rows = pkg.contributes.commands.filter((c) => !hidden.has(c.command)).map((c) => `| ${cell(`${t(c.category)}: ${t(c.title)}`)} | \`${c.command}\` |`);
  return ['| Command | Id |', '| --- | --- |', ...rows].join('\n');
}

/** Completion prefixes per task, from the same function that writes contributes.snippets (bundled on the fly). */
export function snippetsTable() {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const { outputFiles } = esbuild.buildSync({
    stdin: { contents: "export { SNIPPET_CATALOG } from './src/core/snippets/catalog'; export { toVsCodeSnippets } from './src/core/snippets/expand';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  });
  const module = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  const { SNIPPET_CATALOG, toVsCodeSnippets } = module.exports;
  const snippets = Object.values(toVsCodeSnippets(SNIPPET_CATALOG));
  const prefixes = (first) => snippets.find((s) => s.prefix[0] === first)?.prefix.map((p) => `\`${p}\``).join(', ') ?? '';
  const rows = SNIPPET_CATALOG.map((task) => `| ${cell(task.title)} | ${prefixes(`tf-${task.id}`)} | ${prefixes(`torch-${task.id}`)} |`);
  return ['| Task | TensorFlow / Keras | PyTorch |', '| --- | --- | --- |', ...rows].join('\n');
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
const next = replaceBetween(replaceBetween(replaceBetween(current, 'settings', settingsTable()), 'commands', commandsTable()), 'snippets', snippetsTable());
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md tables are out of date: run `node scripts/readme-tables.mjs`');
    process.exit(1);
  }
} else {
  fs.writeFileSync(readmePath, next);
}
