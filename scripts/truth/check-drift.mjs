// Compares freshly dumped API fixtures with the committed ones and exits non-zero when the APIs differ.
// Usage: node scripts/truth/check-drift.mjs <fresh-dir> <committed-dir>   (both hold <framework>.json.gz)
// The date and the command line of the stamp are ignored (they change with every run, the API does not), and Python
// is compared by major.minor.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const IGNORED_META = new Set(['generated', 'command']);
/** Meta fields compared in a reduced form: a Python patch release does not change the API surface. */
const REDUCED_META = { python: (version) => String(version).split('.').slice(0, 2).join('.') };
const MAX_LISTED = 40;

function load(dir, file) {
  return JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8'));
}

/** Differences between two dumps of one framework, as readable lines. */
function compare(file, fresh, committed) {
  const lines = [];
  for (const key of new Set([...Object.keys(fresh.meta), ...Object.keys(committed.meta)])) {
    if (IGNORED_META.has(key)) continue;
    const reduce = REDUCED_META[key] ?? ((value) => value);
    if (JSON.stringify(reduce(fresh.meta[key])) !== JSON.stringify(reduce(committed.meta[key]))) {
      lines.push(`${file}: meta.${key}: committed ${JSON.stringify(committed.meta[key])}, fresh ${JSON.stringify(fresh.meta[key])}`);
    }
  }
  const added = [];
  const removed = [];
  const changed = [];
  for (const name of Object.keys(fresh.names)) {
    if (!(name in committed.names)) added.push(name);
    else if (JSON.stringify(fresh.names[name]) !== JSON.stringify(committed.names[name])) changed.push(name);
  }
  for (const name of Object.keys(committed.names)) if (!(name in fresh.names)) removed.push(name);
  const list = (label, names, detail) => {
    if (names.length === 0) return;
    lines.push(`${file}: ${names.length} ${label}`);
    for (const name of names.slice(0, MAX_LISTED)) lines.push(`  ${name}${detail ? detail(name) : ''}`);
    if (names.length > MAX_LISTED) lines.push(`  ... and ${names.length - MAX_LISTED} more`);
  };
  list('names only in the fresh dump', added.sort());
  list('names only in the committed dump', removed.sort());
  list('names whose record changed', changed.sort(), (n) => `\n    committed ${JSON.stringify(committed.names[n])}\n    fresh     ${JSON.stringify(fresh.names[n])}`);
  return lines;
}

function main(argv) {
  if (argv.length !== 2) {
    console.error('usage: node scripts/truth/check-drift.mjs <fresh-dir> <committed-dir>');
    return 2;
  }
  const [freshDir, committedDir] = argv;
  const committedFiles = readdirSync(committedDir).filter((f) => f.endsWith('.json.gz')).sort();
  if (committedFiles.length === 0) {
    console.error(`no *.json.gz fixtures in ${committedDir}`);
    return 2;
  }
  const report = [];
  for (const file of committedFiles) {
    if (!existsSync(join(freshDir, file))) {
      report.push(`${file}: missing from the fresh dump in ${freshDir}`);
      continue;
    }
    report.push(...compare(file, load(freshDir, file), load(committedDir, file)));
  }
  for (const file of readdirSync(freshDir).filter((f) => f.endsWith('.json.gz') && !committedFiles.includes(f))) {
    report.push(`${file}: new in the fresh dump, not committed in ${committedDir}`);
  }
  if (report.length > 0) {
    console.error(`API drift between ${freshDir} and ${committedDir}:`);
    for (const line of report) console.error(line);
    console.error('If the frameworks changed on purpose, regenerate the fixtures (see scripts/truth/README.md) and re-check the knowledge base.');
    return 1;
  }
  console.log(`No API drift: ${committedFiles.join(', ')} match ${freshDir}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
