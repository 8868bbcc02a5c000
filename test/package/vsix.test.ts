/**
 * The packaged .vsix (path in FG_VSIX) holds only what the extension needs at run time: the manifest, docs,
 * media and the production bundles and data files; no sources, tests, source maps or node_modules.
 */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const MAX_BYTES = 1024 * 1024;

/** Entries the package may contain; anything else is a packaging mistake (.vscodeignore). */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/media\/.+$/,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/firstScanWorker\.js$/,
  /^extension\/dist\/web\/extension\.js$/,
  /^extension\/dist\/webview\/main\.js$/,
  /^extension\/dist\/knowledge\.json$/,
  /^extension\/dist\/installed-names\.json$/,
  /^extension\/dist\/baseline\.json\.gz$/,
  /^extension\/dist\/content\.json$/,
  /^extension\/dist\/snippets\/python\.json$/,
  /^extension\/l10n\/bundle\.l10n\.json$/,
];

const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/firstScanWorker.js',
  'extension/dist/web/extension.js',
  'extension/dist/webview/main.js',
  'extension/dist/knowledge.json',
  'extension/dist/installed-names.json',
  'extension/dist/baseline.json.gz',
  'extension/dist/content.json',
  'extension/dist/snippets/python.json',
  'extension/l10n/bundle.l10n.json',
];

function vsixPath(): string {
  const file = process.env.FG_VSIX;
  if (!file) throw new Error('FG_VSIX is not set: build the package (vsce package -o /tmp/fg.vsix) and run with FG_VSIX=/tmp/fg.vsix');
  if (!fs.existsSync(file)) throw new Error(`FG_VSIX points to ${file}, which does not exist: build the package first`);
  return file;
}

function hasUnzip(): boolean {
  try {
    execFileSync('which', ['unzip'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Entry names from the zip central directory (no zip64: a .vsix under 1 MB never needs it). */
function readZipEntries(buffer: Buffer): string[] {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== CENTRAL) throw new Error(`corrupt central directory at ${at}`);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    names.push(buffer.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function listEntries(file: string): string[] {
  const names = hasUnzip()
    ? execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean)
    : readZipEntries(fs.readFileSync(file));
  return names.filter((n) => !n.endsWith('/'));
}

suite('vsix package', () => {
  let file: string;
  let entries: string[];

  suiteSetup(() => {
    file = vsixPath();
    entries = listEntries(file);
  });

  test('the central directory reader agrees with the listing', () => {
    assert.deepStrictEqual(readZipEntries(fs.readFileSync(file)).filter((n) => !n.endsWith('/')).sort(), [...entries].sort());
  });

  test('it contains the manifest, the bundles and the data files', () => {
    const missing = REQUIRED.filter((r) => !entries.includes(r));
    assert.deepStrictEqual(missing, []);
  });

  test('it contains only allowed files', () => {
    assert.deepStrictEqual(entries.filter((e) => !ALLOWED.some((a) => a.test(e))), []);
  });

  test('no source maps, sources, tests or node_modules', () => {
    const forbidden = entries.filter((e) => /\.map$/.test(e) || /(^|\/)(src|test|node_modules|out)\//.test(e) || /\.ts$/.test(e));
    assert.deepStrictEqual(forbidden, []);
  });

  test('the bundles are production builds (no inline source map)', () => {
    const main = hasUnzip() ? execFileSync('unzip', ['-p', file, 'extension/dist/extension.js'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }) : undefined;
    if (main !== undefined) assert.ok(!main.includes('sourceMappingURL'), 'dist/extension.js links a source map');
  });

  test('it is under 1 MB', () => {
    const size = fs.statSync(file).size;
    assert.ok(size < MAX_BYTES, `${file} is ${(size / 1024).toFixed(0)} KB`);
  });
});
