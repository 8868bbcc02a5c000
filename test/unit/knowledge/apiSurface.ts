/** Reads the API dumps of the installed frameworks (test/fixtures/truth, made by scripts/truth/dump_api.py) and answers "does this name exist, with what signature". */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { DumpRecord } from '../../../src/knowledge/baseline';

export type DumpName = 'tensorflow' | 'keras' | 'torch';

/** One dumped name, as scripts/truth/dump_api.py writes it. */
export interface DumpedName {
  kind: 'module' | 'class' | 'function' | 'constant';
  /** `str(inspect.signature(obj))`; null where Python has none (C builtins). */
  signature?: string | null;
  /** Signature lines from the docstring of a builtin (`argmax(input, dim, keepdim=False) -> LongTensor`). */
  docSignatures?: string[];
  /** Public members of a class, minus those of `base`. */
  members?: string[];
  /** The nearest dumped base class. */
  base?: string;
  /** The same object, dumped under this first path. */
  sameAs?: string;
  /** A module reached again under another path. */
  aliasOf?: string;
  deprecation?: DeprecationMarker[];
  type?: string;
  value?: string;
  /** What a call raises (stubs that raise before doing anything else), or what reading any attribute of a module raises. */
  raises?: string;
  /** Class members computed on read, and plain data members (the other members are methods). */
  properties?: string[];
  data?: string[];
  /** Modules: public names the walk did not describe, and importable submodules it did not enter. */
  others?: string[];
  submodules?: string[];
  /** A module or class whose type answers attribute reads itself: names beyond its listing may exist. */
  dynamic?: boolean;
}

export interface DeprecationMarker {
  source: 'tf-deprecation' | 'tf-deprecated-args' | 'directive' | 'typing-deprecated' | 'warnings-warn';
  date?: string | null;
  version?: string | null;
  instructions?: string | null;
  text?: string | null;
  args?: string | null;
  what?: string;
  /** `argument` when a directive sits under one argument's description rather than on the API. */
  scope?: 'argument';
}

export interface DumpMeta {
  framework: DumpName;
  versions: Record<string, string | null>;
  python: string;
  generated: string;
  command: string;
  count: number;
  views?: Record<string, string>;
}

/** A found name: the record with `sameAs` followed, and the path the record was found under. */
export interface Found {
  path: string;
  record: DumpedName;
  /** Set when the name is a class member; only its existence is known. */
  memberOf?: string;
}

/** The fixture folder, found upwards from this file so the test runs from source or from the bundle in out/. */
export function truthDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'truth');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('test/fixtures/truth not found above ' + __dirname);
}

export class ApiSurface {
  constructor(
    readonly meta: DumpMeta,
    readonly names: ReadonlyMap<string, DumpedName>,
  ) {}

  static load(dump: DumpName, dir = truthDir()): ApiSurface {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, `${dump}.json.gz`))).toString('utf8');
    const parsed = JSON.parse(text) as { meta: DumpMeta; names: Record<string, DumpedName> };
    return new ApiSurface(parsed.meta, new Map(Object.entries(parsed.names)));
  }

  /** The record for `name`: directly, through a module alias of one of its prefixes, or as a class member. */
  find(name: string): Found | undefined {
    return this.findIn(name, 0);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  private findIn(name: string, depth: number): Found | undefined {
    if (depth > 8) return undefined;
    const direct = this.names.get(name);
    if (direct) return this.follow(name, direct);
    const parts = name.split('.');
    for (let cut = parts.length - 1; cut > 0; cut--) {
      const prefix = parts.slice(0, cut).join('.');
      const rest = parts.slice(cut);
      const record = this.names.get(prefix);
      if (!record) continue;
      if (record.kind === 'module' && record.aliasOf) return this.findIn([record.aliasOf, ...rest].join('.'), depth + 1);
      const resolved = this.follow(prefix, record);
      if (resolved?.record.kind === 'class' && rest.length === 1 && this.classHas(resolved.path, rest[0])) {
        return { path: name, record: { kind: 'function' }, memberOf: resolved.path };
      }
      return undefined;
    }
    return undefined;
  }

  private follow(name: string, record: DumpedName): Found | undefined {
    if (record.kind === 'module' && record.aliasOf) {
      const target = this.names.get(record.aliasOf);
      return target ? { path: record.aliasOf, record: target } : undefined;
    }
    if (record.sameAs) {
      const target = this.names.get(record.sameAs);
      return target ? { path: record.sameAs, record: target } : undefined;
    }
    return { path: name, record };
  }

  private classHas(classPath: string, member: string): boolean {
    for (let at: string | undefined = classPath, hops = 0; at && hops < 20; hops++) {
      const record = this.names.get(at);
      if (!record) return false;
      if (record.members?.includes(member)) return true;
      at = record.base;
    }
    return false;
  }
}

/** The dump that holds a qualified name, or undefined for names outside the dumped packages. */
export function dumpFor(name: string): DumpName | undefined {
  const root = name.split('.')[0];
  if (root === 'tensorflow') return 'tensorflow';
  if (root === 'keras') return 'keras';
  if (root === 'torch') return 'torch';
  return undefined;
}

/** Every dump, loaded once per test run. */
export class Surfaces {
  private readonly loaded = new Map<DumpName, ApiSurface>();

  get(dump: DumpName): ApiSurface {
    let surface = this.loaded.get(dump);
    if (!surface) {
      surface = ApiSurface.load(dump);
      this.loaded.set(dump, surface);
    }
    return surface;
  }

  /** The three dumps as buildBaseline takes them (framework, its installed version, every name's record). */
  baselineInputs(): Array<{ framework: 'tensorflow' | 'keras' | 'pytorch'; version: string; names: Record<string, DumpRecord> }> {
    const dumps = [
      ['tensorflow', 'tensorflow', 'tensorflow'],
      ['keras', 'keras', 'keras'],
      ['pytorch', 'torch', 'torch'],
    ] as const;
    return dumps.map(([framework, dump, key]) => ({ framework, version: this.get(dump).meta.versions[key] ?? '', names: Object.fromEntries(this.get(dump).names) as Record<string, DumpRecord> }));
  }

  /** The record of a qualified name in the dump of its package; undefined when absent or not dumped. */
  find(name: string): Found | undefined {
    const dump = dumpFor(name);
    return dump ? this.get(dump).find(name) : undefined;
  }

  /**
   * The parameters of a callable. A class whose own signature only forwards `(*args, **kwargs)` to its base
   * (torch.nn.LSTM to RNNBase) takes the base's parameters.
   */
  parameters(name: string): Parameter[] | undefined {
    let found = this.find(name);
    for (let hops = 0; found && found.record.signature === '(*args, **kwargs)' && found.record.base && hops < 5; hops++) found = this.find(found.record.base);
    const params = parametersOf(found);
    // Only *args/**kwargs (a dispatcher such as torch.unique) says nothing about the real arguments.
    return params && params.every((p) => p.name.startsWith('*')) ? undefined : params;
  }
}

export interface Parameter {
  name: string;
  /** The default as Python prints it (`0.25`, `'glorot_uniform'`, `None`); undefined when required. */
  default?: string;
}

/**
 * Splits a Python signature string into parameters: `(a, b=1, *args, c: int = 2, **kw) -> T`. Annotations are
 * dropped; brackets and quotes inside defaults and annotations are respected.
 */
export function parseSignature(signature: string): Parameter[] {
  const open = signature.indexOf('(');
  if (open < 0) return [];
  let depth = 0;
  let quote: string | undefined;
  let close = -1;
  for (let i = open; i < signature.length; i++) {
    const c = signature[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  const inner = signature.slice(open + 1, close < 0 ? undefined : close);
  const pieces: string[] = [];
  let current = '';
  depth = 0;
  quote = undefined;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) {
      if (c === '\\') current += c + (inner[++i] ?? '');
      else {
        if (c === quote) quote = undefined;
        current += c;
      }
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      pieces.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) pieces.push(current);
  const params: Parameter[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece || piece === '*' || piece === '/') continue;
    const name = piece.match(/^\*{0,2}[A-Za-z_][A-Za-z0-9_]*/)?.[0] ?? piece;
    const eq = topLevelEquals(piece);
    params.push(eq < 0 ? { name } : { name, default: piece.slice(eq + 1).trim() });
  }
  return params;
}

/** Index of the `=` that starts a default (not one inside an annotation's brackets or a string). */
function topLevelEquals(piece: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === '=' && depth === 0 && piece[i + 1] !== '=' && piece[i - 1] !== '=' && piece[i - 1] !== '!' && piece[i - 1] !== '<' && piece[i - 1] !== '>') return i;
  }
  return -1;
}

/** The parameters of a dumped callable, from its signature or, for builtins, its longest docstring signature. */
export function parametersOf(found: Found | undefined): Parameter[] | undefined {
  if (!found) return undefined;
  const { record } = found;
  if (record.signature) return parseSignature(record.signature);
  const lines = record.docSignatures ?? [];
  if (lines.length === 0) return undefined;
  const parsed = lines.map(parseSignature);
  return parsed.reduce((a, b) => (b.length > a.length ? b : a));
}
