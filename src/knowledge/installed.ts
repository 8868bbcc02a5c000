/**
 * Whether a dotted name exists in the installed TensorFlow, Keras and PyTorch, decided from the tree of their names that
 * scripts/truth/installed_names.py writes (src/knowledge/data/generated/installed-names.json): under a module or class
 * whose names are all listed, a name that is not among them is absent; names that exist only to raise (torch.solve,
 * tf.compat.v1.layers.*) count as absent too. Names under a function, a constant or a module whose names are not known
 * are not judged.
 */
import type { Framework } from './types';

export interface InstalledData {
  meta: { versions: { tensorflow: string; keras: string; torch: string } };
  /**
   * Names that raise when used, with the first line of the error: functions and classes whose call raises before doing
   * anything else, and modules whose every attribute read raises (`<name>` stands for the attribute).
   */
  raises: Record<string, string>;
  /** A module reached again under another path -> its first path. */
  aliases: Record<string, string>;
  /** Names the installed release lacks -> the name TensorFlow's upgrade tables lead to, checked to exist. */
  successors?: Record<string, string>;
  /**
   * Module or class path -> a flag and its public names, space-separated. Flags: `m` a module with every name listed,
   * `d` a module that answers reads itself (names not judged), `r` a module whose reads raise, `p` a package listed by
   * its submodules only, `c` or `c:<base>` a class: its methods, then ` | ` and its properties, then ` | ` and its data
   * attributes (members of `base` are not repeated).
   */
  nodes: Record<string, string>;
}

/** `present`: the name resolves; `absent`: `missing` (the name or a prefix) does not, or only raises; `unknown`: not judged. */
export type Resolution = { state: 'present' } | { state: 'unknown' } | { state: 'absent'; missing: string; parent: string; raises?: string };

export type MemberKind = 'method' | 'property' | 'data';

interface Node {
  flag: 'm' | 'd' | 'r' | 'p' | 'c';
  base?: string;
  names: Set<string>;
  properties?: Set<string>;
  data?: Set<string>;
}

const ROOTS: Record<string, Framework> = { tensorflow: 'tensorflow', keras: 'keras', torch: 'pytorch' };
const PRESENT: Resolution = { state: 'present' };
const UNKNOWN: Resolution = { state: 'unknown' };
/** More hops than any real alias chain or class hierarchy: a cycle in the data cannot hang a lookup. */
const MAX_HOPS = 32;

/** The framework a dotted name belongs to, when it is one the tree covers. */
export function installedFramework(name: string): Framework | undefined {
  const dot = name.indexOf('.');
  return ROOTS[dot < 0 ? name : name.slice(0, dot)];
}

/** Lookups into the tree; each node's names are split into a set on first use. */
export class InstalledNames {
  private readonly parsed = new Map<string, Node | null>();

  constructor(readonly data: InstalledData) {}

  /** "TensorFlow 2.21", "Keras 3.15", "PyTorch 2.13": the release a name is judged against. */
  release(framework: Framework): string {
    const version = framework === 'pytorch' ? this.data.meta.versions.torch : this.data.meta.versions[framework];
    const label = framework === 'pytorch' ? 'PyTorch' : framework === 'keras' ? 'Keras' : 'TensorFlow';
    return `${label} ${version.split('.').slice(0, 2).join('.')}`;
  }

  /** True when `name` resolves and using it does not raise. */
  usable(name: string): boolean {
    return this.resolve(name).state === 'present';
  }

  /** Whether `name` resolves in the installed release, walking the tree from its root. */
  resolve(name: string): Resolution {
    const parts = name.split('.');
    if (!installedFramework(parts[0])) return UNKNOWN;
    let at = parts[0];
    let written = parts[0];
    for (let i = 1; i < parts.length; i++) {
      at = this.dealias(at);
      const node = this.node(at);
      const raised = this.data.raises[at];
      // A function or class that raises when used: anything read from it is no better.
      if (raised !== undefined && node?.flag !== 'r') return { state: 'absent', missing: written, parent: parentOf(written), raises: raised };
      const segment = parts[i];
      // Private and dunder names are left out of the tree, so nothing is said about them.
      if (segment.startsWith('_')) return UNKNOWN;
      if (!node) return UNKNOWN;
      const child = `${written}.${segment}`;
      if (node.flag === 'r') return { state: 'absent', missing: child, parent: written, raises: (raised ?? '').split('<name>').join(segment) };
      if (node.names.has(segment) || (node.flag === 'c' && this.memberKind(at, segment) !== undefined)) {
        at = `${at}.${segment}`;
        written = child;
        continue;
      }
      if (node.flag !== 'm' && node.flag !== 'c') return UNKNOWN;
      return { state: 'absent', missing: child, parent: written };
    }
    at = this.dealias(at);
    const raised = this.data.raises[at];
    if (raised !== undefined && this.node(at)?.flag !== 'r') return { state: 'absent', missing: written, parent: parentOf(written), raises: raised };
    return PRESENT;
  }

  /** Whether a class member is a method, a property or a data attribute (through its base classes); undefined if absent. */
  memberKind(classPath: string, member: string): MemberKind | undefined {
    let at: string | undefined = this.dealias(classPath);
    for (let hops = 0; at !== undefined && hops < MAX_HOPS; hops++) {
      const node = this.node(at);
      if (!node || node.flag !== 'c') return undefined;
      if (node.properties?.has(member)) return 'property';
      if (node.data?.has(member)) return 'data';
      if (node.names.has(member)) return 'method';
      at = node.base;
    }
    return undefined;
  }

  /** The successor the upgrade tables give for a name the release lacks, if the data has one. */
  successor(name: string): string | undefined {
    return this.data.successors?.[name];
  }

  /** The path a module alias (tf.compat.v1.keras) stands for, followed through chains. */
  private dealias(path: string): string {
    let at = path;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      const exact = this.data.aliases[at];
      if (exact !== undefined) {
        at = exact;
        continue;
      }
      // An alias of a prefix: tensorflow.compat.v1.keras.layers is tensorflow.keras.layers.
      let cut = at.lastIndexOf('.');
      let rewritten: string | undefined;
      while (cut > 0 && rewritten === undefined) {
        const target = this.data.aliases[at.slice(0, cut)];
        if (target !== undefined) rewritten = target + at.slice(cut);
        cut = at.lastIndexOf('.', cut - 1);
      }
      if (rewritten === undefined) return at;
      at = rewritten;
    }
    return at;
  }

  private node(path: string): Node | undefined {
    const cached = this.parsed.get(path);
    if (cached !== undefined) return cached ?? undefined;
    const text = Object.prototype.hasOwnProperty.call(this.data.nodes, path) ? this.data.nodes[path] : undefined;
    const node = text === undefined ? null : parseNode(text);
    this.parsed.set(path, node);
    return node ?? undefined;
  }
}

function parentOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

function parseNode(text: string): Node {
  const [head, properties, data] = text.split(' | ');
  const words = head.split(' ');
  const [flagText, base] = words[0].split(':');
  const set = (list: string | undefined) => (list ? new Set(list.split(' ')) : undefined);
  return { flag: flagText as Node['flag'], base, names: new Set(words.slice(1)), properties: set(properties), data: set(data) };
}
