/**
 * The baseline: one compact record per public name in the API dumps of the installed frameworks, so every real API
 * gets a short hover built from facts only (kind, signature, release, docs link). Built at build time into
 * dist/baseline.json.gz and loaded only when a name is not in the hand-written base.
 */
import { docsUrl } from './define';
import type { Framework, KnowledgeEntry, SymbolKind } from './types';

/** One dumped name as scripts/truth/dump_api.py writes it (the fields the baseline reads). */
export interface DumpRecord {
  kind: 'module' | 'class' | 'function' | 'constant';
  signature?: string | null;
  docSignatures?: string[];
  sameAs?: string;
  aliasOf?: string;
  /** Public members of a class, minus those of its dumped base. */
  members?: string[];
  /** The members computed on read (properties, descriptors) and the plain data attributes; the others are methods. */
  properties?: string[];
  data?: string[];
}

export interface BaselineData {
  /** Release per framework, from the dumps' stamps: `{"tensorflow": "2.21.0", "keras": "3.15.1", "pytorch": "2.13.0+cpu"}`. */
  versions: Record<Framework, string>;
  /** Name -> kind letter (m, c, f, k; for class members a method, p property, d data attribute) then the signature, if any. */
  names: Record<string, string>;
  /**
   * A class dumped again under another path -> its first path, for classes with members: the members are named once,
   * under the first path, and found from the other (`fully_sharded_data_parallel.StateDictType.FULL_STATE_DICT`).
   */
  classAliases?: Record<string, string>;
}

const KINDS: Record<string, SymbolKind> = { m: 'module', c: 'class', f: 'function', k: 'constant', a: 'function', p: 'property', d: 'attribute' };
/** What a member letter says in a summary. */
const MEMBER_WORDS: Record<string, string> = { a: 'a method', p: 'a property', d: 'a data attribute' };
const LABEL: Record<Framework, string> = { tensorflow: 'TensorFlow', keras: 'Keras', pytorch: 'PyTorch' };
/** Long signatures (torch.load's is 300+ characters) are cut: the hover shows a line, the docs the rest. */
const MAX_SIGNATURE = 240;

function frameworkOf(name: string): Framework | undefined {
  const root = name.split('.')[0];
  if (root === 'tensorflow') return 'tensorflow';
  if (root === 'keras') return 'keras';
  if (root === 'torch') return 'pytorch';
  return undefined;
}

/**
 * Names the baseline leaves out: tf.compat.v1.*, tf.compat.v2.* and tf.keras.* reach the TF2 and Keras names through
 * the base's aliases (tf.compat's own helpers, tf.compat.as_bytes, are kept).
 */
function covered(name: string): boolean {
  return !/^tensorflow\.(compat\.v[12]|keras)(\.|$)/.test(name);
}

/**
 * The baseline of a set of dumps (build time), plus `present`: names outside the dumps that the installed releases
 * have (private helpers, module flags; scripts/truth/private_paths.py), with their kind letter and no signature.
 */
export function buildBaseline(dumps: ReadonlyArray<{ framework: Framework; version: string; names: Record<string, DumpRecord> }>, present: Readonly<Record<string, string>> = {}): BaselineData {
  const versions = {} as Record<Framework, string>;
  const names: Record<string, string> = {};
  const classAliases: Record<string, string> = {};
  for (const dump of dumps) {
    versions[dump.framework] = dump.version;
    for (const [name, record] of Object.entries(dump.names)) {
      if (!covered(name)) continue;
      const target = (record.sameAs && dump.names[record.sameAs]) || record;
      let signature = withoutParamSpec(target.signature ?? target.docSignatures?.[0]?.replace(/^[\w.]+(?=\()/, '') ?? '');
      if (!signature.startsWith('(')) signature = '';
      if (signature.length > MAX_SIGNATURE) signature = signature.slice(0, MAX_SIGNATURE - 1) + '…';
      names[name] = record.kind[0] + (record.kind === 'function' || record.kind === 'class' ? signature : '');
      // Members (`tf.data.Dataset.from_tensor_slices`, `torch.Tensor.view`) are named only; the dump has no signature for them.
      if (record.kind === 'class' && !record.sameAs && !LEGACY_TENSOR_TYPE.test(name)) {
        const properties = new Set(record.properties ?? []);
        const data = new Set(record.data ?? []);
        for (const member of record.members ?? []) names[`${name}.${member}`] ??= properties.has(member) ? 'p' : data.has(member) ? 'd' : 'a';
      }
      if (record.kind === 'class' && record.sameAs && target.members?.length && !LEGACY_TENSOR_TYPE.test(name)) classAliases[name] = record.sameAs;
    }
  }
  for (const [name, kind] of Object.entries(present)) if (frameworkOf(name) && covered(name)) names[name] ??= kind;
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { versions, names: sorted(names), classAliases: sorted(classAliases) };
}

/** torch.FloatTensor, torch.cuda.LongTensor, torch.cuda.sparse.FloatTensor...: each repeats torch.Tensor's 600 methods; their members are left out. */
const LEGACY_TENSOR_TYPE = /^torch\.(cuda\.)?(sparse\.)?[A-Z]\w*Tensor$/;

/** A ParamSpec placeholder (`*args: _P.args`, `**kwargs: '_P.kwargs'`, quoted under postponed annotations): the wrapped function's arguments, unnamed. */
const PARAM_SPEC = /(\*{0,2}\w+): (['"]?)~?[\w.]+\.(?:args|kwargs)\2/g;

/**
 * A signature as a hover can show it: a wrapper typed with a ParamSpec says nothing about its arguments, so one made only
 * of placeholders (`(*args: _P.args, **kwargs: _P.kwargs) -> ~_T`) is dropped, and elsewhere the placeholder types are.
 */
export function withoutParamSpec(signature: string): string {
  if (!PARAM_SPEC.test(signature)) return signature;
  PARAM_SPEC.lastIndex = 0;
  const bare = signature.replace(PARAM_SPEC, '$1');
  return /^\(\*\w+, \*\*\w+\)( -> .*)?$/.test(bare) ? '' : bare;
}

const shortName = (name: string) => name.replace(/^tensorflow\b/, 'tf');

/** `torch._foreach_add_`, `tensorflow.python.ops.resources`: an underscore segment or TensorFlow's implementation package. */
function isPrivatePath(name: string): boolean {
  return name.startsWith('tensorflow.python.') || name.split('.').some((segment) => segment.startsWith('_') && !segment.startsWith('__'));
}

function docsFor(name: string, framework: Framework): string {
  if (framework === 'pytorch') return docsUrl.torch(name);
  // keras.io has no per-name URL scheme; the tf.keras pages on tensorflow.org document the same Keras 3 API.
  return docsUrl.tf(framework === 'keras' ? name.replace(/^keras\./, 'tensorflow.keras.') : name);
}

/** Lookups into loaded baseline data; entries are made on first use and kept. */
export class Baseline {
  private readonly made = new Map<string, KnowledgeEntry>();

  constructor(private readonly data: BaselineData) {}

  get size(): number {
    return Object.keys(this.data.names).length;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data.names, name);
  }

  /** The signature Python prints for a function or class `name` (`(in_features, out_features, ...)`), if it has one. */
  signature(name: string): string | undefined {
    const record = this.has(name) ? this.data.names[name] : undefined;
    return record && record.length > 1 && (record[0] === 'f' || record[0] === 'c') ? record.slice(1) : undefined;
  }

  /** `Alias.member` of a class dumped under another first path: the member's entry under that path. */
  private memberThroughAlias(name: string): KnowledgeEntry | undefined {
    const dot = name.lastIndexOf('.');
    const target = dot > 0 ? this.data.classAliases?.[name.slice(0, dot)] : undefined;
    const member = target !== undefined ? `${target}${name.slice(dot)}` : undefined;
    return member !== undefined && this.has(member) ? this.get(member) : undefined;
  }

  /** A fact-only entry for `name`: "TensorFlow 2.21 function tf.group(*inputs, **kwargs)." */
  get(name: string): KnowledgeEntry | undefined {
    const cached = this.made.get(name);
    if (cached) return cached;
    if (!this.has(name)) return this.memberThroughAlias(name);
    const framework = frameworkOf(name);
    if (!framework) return undefined;
    const record = this.data.names[name];
    const kind = KINDS[record[0]] ?? 'function';
    const version = this.data.versions[framework] ?? '';
    const release = `${LABEL[framework]} ${version.split('.').slice(0, 2).join('.')}`;
    const owner = name.slice(0, name.lastIndexOf('.'));
    // Plain text: hover notes escape summaries, so code spans would show their backticks.
    const member = MEMBER_WORDS[record[0]];
    const plain = member ? `${release}: ${shortName(name)}, ${member} of class ${shortName(owner)}.` : `${release} ${kind} ${shortName(name)}${record.slice(1)}.`;
    const summary = isPrivatePath(name) ? `${plain} A private path, outside the documented API: it can change without notice.` : plain;
    const entry: KnowledgeEntry = {
      name,
      framework,
      kind,
      summary,
      status: { state: 'current' },
      verified: `${LABEL[framework]} ${version} API dump`,
      docs: docsFor(member ? owner : name, framework),
      sources: [],
    };
    this.made.set(name, entry);
    return entry;
  }
}
