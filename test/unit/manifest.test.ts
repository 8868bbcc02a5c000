/** package.json and package.nls.json: contributions, localisation keys, engine, entry points and l10n strings. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest is free-form JSON
const pkg: any = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

const NLS_REF = /^%([^%]+)%$/;

/** Every string value in a JSON value, with its path. */
function strings(value: unknown, at = '$'): Array<{ at: string; value: string }> {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

/** The text a manifest string resolves to: the nls value for `%key%`, else the string itself. */
function resolve(value: string): string | undefined {
  const m = NLS_REF.exec(value);
  return m ? nls[m[1]] : value;
}

suite('manifest: commands', () => {
  const commands: Array<{ command: string; title: string; category?: string }> = pkg.contributes.commands;

  test('there are contributed commands, all frameworkGuide.*', () => {
    assert.ok(commands.length >= 4);
    for (const c of commands) assert.match(c.command, /^frameworkGuide\.\w+$/);
  });

  for (const c of pkg.contributes.commands as Array<{ command: string; title: string; category?: string }>) {
    test(`${c.command}: title and category are %key% references that resolve`, () => {
      assert.ok(c.category, `${c.command} has no category`);
      for (const field of [c.title, c.category]) {
        const m = NLS_REF.exec(field);
        assert.ok(m, `${c.command}: ${field} is not a %key% reference`);
        assert.ok(nls[m[1]]?.trim(), `${c.command}: ${m[1]} missing or empty in package.nls.json`);
      }
    });
  }

  test('command ids are unique', () => {
    const ids = commands.map((c) => c.command);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  test('every command a menu refers to is contributed', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {}) as Array<[string, Array<{ command: string }>]>) {
      for (const item of items) assert.ok(ids.has(item.command), `${menu} refers to ${item.command}`);
    }
  });
});

suite('manifest: configuration', () => {
  const properties: Record<string, { description?: string; markdownDescription?: string; enum?: unknown[]; enumDescriptions?: string[] }> = pkg.contributes.configuration.properties;

  test('there are settings, all named frameworkGuide.<feature>.<option>', () => {
    assert.ok(Object.keys(properties).length >= 5);
    for (const name of Object.keys(properties)) assert.match(name, /^frameworkGuide\.[a-z]+\.[a-zA-Z]+$/, name);
  });

  for (const [name, p] of Object.entries(pkg.contributes.configuration.properties as typeof properties)) {
    test(`${name} has a description that resolves`, () => {
      const description = p.description ?? p.markdownDescription;
      assert.ok(description, `${name} has no description`);
      assert.ok(resolve(description)?.trim(), `${name}: ${description} does not resolve`);
      if (p.enumDescriptions) assert.strictEqual(p.enumDescriptions.length, p.enum?.length, `${name}: enumDescriptions and enum differ in length`);
    });
  }
});

suite('manifest: localisation keys', () => {
  const refs = strings(pkg).flatMap(({ at, value }) => {
    const m = NLS_REF.exec(value);
    return m ? [{ at, key: m[1] }] : [];
  });

  test('package.json uses nls keys', () => assert.ok(refs.length >= 10, `${refs.length} references`));

  test('every %key% in package.json resolves to a non-empty string', () => {
    const missing = refs.filter((r) => typeof nls[r.key] !== 'string' || !nls[r.key].trim()).map((r) => `${r.at}: %${r.key}%`);
    assert.deepStrictEqual(missing, []);
  });

  test('every key in package.nls.json is used', () => {
    const used = new Set(refs.map((r) => r.key));
    assert.deepStrictEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  test('no %…% that is not a whole-string reference (a typo would show raw to users)', () => {
    const partial = strings(pkg).filter(({ value }) => /%[\w.]+%/.test(value) && !NLS_REF.test(value));
    assert.deepStrictEqual(partial, []);
  });
});

suite('manifest: engine, activation and entry points', () => {
  test('engines.vscode matches the @types/vscode devDependency', () => {
    const engine: string = pkg.engines.vscode;
    const types: string = pkg.devDependencies['@types/vscode'];
    const version = (s: string) => /(\d+\.\d+\.\d+)/.exec(s)?.[1];
    assert.ok(version(engine), `engines.vscode ${engine} has no version`);
    assert.strictEqual(version(engine), version(types), `engines.vscode ${engine} vs @types/vscode ${types}`);
    assert.match(engine, /^\^\d+\.\d+\.\d+$/);
  });

  test('activationEvents contain no *', () => {
    const events: string[] = pkg.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activates on startup');
    assert.ok(!events.some((e) => e.includes('*')), events.join(', '));
  });

  test('the icon is a 128x128 PNG with real artwork (not a placeholder), rendered from media/icon.svg', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
    assert.ok(png.length > 2000, `${png.length} bytes: a flat placeholder compresses to a few hundred`);
    assert.ok(fs.existsSync(path.join(root, 'media', 'icon.svg')), 'the 256x256 source is kept beside it');
  });

  test('main and browser point into dist/', () => {
    assert.match(pkg.main, /^(\.\/)?dist\/[\w/.-]+\.js$/);
    assert.match(pkg.browser, /^(\.\/)?dist\/[\w/.-]+\.js$/);
    assert.notStrictEqual(path.normalize(pkg.main), path.normalize(pkg.browser));
  });

  test('contributes.snippets is the generated dist/snippets/python.json', () => {
    const snippets: Array<{ language: string; path: string }> = pkg.contributes.snippets;
    assert.deepStrictEqual(
      snippets.map((s) => [s.language, path.posix.normalize(s.path)]),
      [['python', 'dist/snippets/python.json']],
    );
  });
});

suite('manifest: vscode.l10n.t strings in src/extension', () => {
  const dir = path.join(root, 'src', 'extension');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const calls = files.flatMap((file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    return [...source.matchAll(/\bl10n\.t\(\s*/g)].map((m) => ({ file, rest: source.slice((m.index ?? 0) + m[0].length) }));
  });

  test('the adapters use vscode.l10n.t', () => assert.ok(calls.length >= 10, `${calls.length} calls`));

  test('every l10n.t call starts with a non-empty string literal', () => {
    const bad: string[] = [];
    for (const { file, rest } of calls) {
      const literal = /^(['"`])((?:\\.|(?!\1)[^\\])*)\1/.exec(rest);
      if (!literal) bad.push(`${file}: first argument is not a string literal: ${rest.slice(0, 40)}`);
      else if (!literal[2].trim()) bad.push(`${file}: empty message`);
      else if (literal[1] === '`' && literal[2].includes('${')) bad.push(`${file}: template with interpolation: ${literal[2]}`);
    }
    assert.deepStrictEqual(bad, []);
  });
});
