/** Looks up framework APIs in the knowledge base, through namespace aliases and a longest-prefix module fallback. */
import { absentEntry, type Absence } from './absence';
import type { Baseline } from './baseline';
import type { InstalledNames } from './installed';
import { checkedAbsence, publicTwinOf } from './privatePaths';
import type { Framework, KnowledgeEntry } from './types';

export type { KnowledgeEntry, Framework, Lifecycle, Status, ApiRef, Replacement, SymbolKind } from './types';

export type MatchKind = 'exact' | 'alias' | 'module';

export interface LookupResult {
  entry: KnowledgeEntry;
  /** The name that was asked for, after import resolution (`tensorflow.keras.layers.Dense`). */
  query: string;
  /** `exact`: the entry is the name; `alias`: reached through a namespace alias; `module`: the nearest known parent module (or removed class). */
  match: MatchKind;
  /** The namespace alias used, for display: "tensorflow.keras is Keras 3 since TensorFlow 2.16". */
  aliasNote?: string;
  /** Through the alias the code reaches the very API of the entry (same object, same signature). */
  aliasSameApi?: boolean;
  /** The name was reached through `tensorflow.compat.v1`, where TF1 APIs still exist in TF 2.x. */
  compatV1?: boolean;
  /** The installed release lacks the name, or has it only as a stub that raises (src/knowledge/absence.ts). */
  absent?: Absence;
}

/**
 * Namespaces that reach the same API. Keys are prefixes as code writes them, values the canonical prefix
 * used by the base. Ordered: the longest matching prefix wins. `sameApi` holds when the object under the alias is
 * the canonical one with the same signature (checked against the installed frameworks in truth.test.ts); where it
 * does not (TF1 signatures in tf.compat.v1, Keras 2 in tf_keras) the hover says whose note it shows instead.
 */
export interface NamespaceAlias {
  from: string;
  to: string;
  note: string;
  sameApi: boolean;
  /**
   * The alias names an older major release of the canonical framework (tf_keras is Keras 2): statuses that began in
   * a later major release (Keras 3 removed keras.backend.mean) do not hold for names reached through it.
   */
  release?: { framework: Framework; major: number };
}

export const NAMESPACE_ALIASES: ReadonlyArray<NamespaceAlias> = [
  { from: 'tensorflow.compat.v1.', to: 'tensorflow.', note: 'tf.compat.v1 keeps TF1 APIs callable in TensorFlow 2.x (legacy mode); their TF1 arguments can differ', sameApi: false },
  { from: 'tensorflow.compat.v2.', to: 'tensorflow.', note: 'tf.compat.v2 is the TF2 API under another name', sameApi: true },
  { from: 'tensorflow.keras.', to: 'keras.', note: 'tf.keras is Keras 3 since TensorFlow 2.16 (Keras 2 before)', sameApi: true },
  { from: 'tensorflow.optimizers.', to: 'keras.optimizers.', note: 'tf.optimizers is the optimizers module of tf.keras, Keras 3 since TensorFlow 2.16', sameApi: true },
  { from: 'tensorflow.python.keras.', to: 'keras.', note: 'tensorflow.python.keras is a private path; use keras or tf.keras', sameApi: false, release: { framework: 'keras', major: 2 } },
  { from: 'tf_keras.', to: 'keras.', note: 'tf_keras is the Keras 2 package kept for legacy code (TF_USE_LEGACY_KERAS=1)', sameApi: false, release: { framework: 'keras', major: 2 } },
];

const shortName = (name: string) => name.replace(/^tensorflow\b/, 'tf');

/**
 * False when the entry's non-current status began in a later major release than the one the alias names, or names no
 * release at all (absent from the installed Keras 3 says nothing of the Keras 2 copy that tensorflow.python.keras is).
 */
function statusHoldsThrough(entry: KnowledgeEntry, alias: NamespaceAlias | undefined): boolean {
  if (!alias?.release || entry.framework !== alias.release.framework || entry.status.state === 'current') return true;
  const major = parseInt(entry.status.since ?? '', 10);
  return !Number.isNaN(major) && major <= alias.release.major;
}

/** An in-memory base built once from its entries; lookups are map reads. */
export class KnowledgeBase {
  private readonly byName = new Map<string, KnowledgeEntry>();
  private baseline?: Baseline;
  private readonly absentResults = new Map<string, LookupResult>();

  /**
   * `installed`: what the installed releases have (src/knowledge/installed.ts). With it, a name without an entry that
   * they lack gets a note and a finding of its own; without it, such names fall back to their module's note.
   */
  constructor(
    entries: readonly KnowledgeEntry[],
    readonly installed?: InstalledNames,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Adds the fact-only baseline (src/knowledge/baseline.ts): consulted only for names no entry covers. */
  attachBaseline(baseline: Baseline): void {
    this.baseline = baseline;
  }

  get hasBaseline(): boolean {
    return this.baseline !== undefined;
  }

  get size(): number {
    return this.byName.size;
  }

  /** The entry of that name, or the note made for a name the installed release lacks once a lookup has met it. */
  get(name: string): KnowledgeEntry | undefined {
    return this.byName.get(name) ?? this.absentResults.get(name)?.entry;
  }

  entries(): IterableIterator<KnowledgeEntry> {
    return this.byName.values();
  }

  /** The entry `name` denotes, exactly or through a namespace alias; never a parent module's note. */
  resolve(name: string): KnowledgeEntry | undefined {
    const found = this.lookup(name);
    return found && found.match !== 'module' ? found.entry : undefined;
  }

  /** The entry for `name`, else through an alias, else the nearest parent module's entry (marked `module`). */
  lookup(name: string): LookupResult | undefined {
    const compatV1 = name === 'tensorflow.compat.v1' || name.startsWith('tensorflow.compat.v1.') ? true : undefined;
    const exact = this.byName.get(name);
    if (exact) return { entry: exact, query: name, match: 'exact', compatV1 };
    // What the installed release says comes before any alias: tf.compat.v1.layers.conv1d reaches the TF1 entry of
    // tf.layers.conv1d, yet under Keras 3 it only raises.
    const judged = this.installed?.resolve(name);
    // Outside the tree (private modules), what importing the names public code uses found (private-paths.json).
    const resolution = judged?.state === 'unknown' ? (checkedAbsence(name) ?? judged) : judged;
    if (resolution?.state === 'absent') return this.absent(name, resolution);
    const twin = publicTwinOf(name);
    // One step only: a twin is a public name, never another private path (the data could otherwise loop).
    if (twin !== undefined && twin !== name && publicTwinOf(twin) === undefined) {
      const found = this.lookup(twin);
      const note = `${shortName(name)} is a private path to the same object in the installed release`;
      if (found && found.match !== 'module') return { ...found, query: name, match: 'alias', aliasNote: note, aliasSameApi: true };
    }
    const alias = NAMESPACE_ALIASES.find((a) => name.startsWith(a.from));
    const canonical = alias ? alias.to + name.slice(alias.from.length) : undefined;
    const found = canonical !== undefined ? this.byName.get(canonical) : undefined;
    // A removed entry does not hold for a name the installed release has under the alias (tf.compat.v2 has
    // enable_v2_behavior, which the TF2 namespace dropped); tf.compat.v1 is the one alias that keeps TF1 names on purpose.
    const livesOn = found?.status.state === 'removed' && !compatV1 && resolution?.state === 'present';
    const viaAlias = found && alias && (!statusHoldsThrough(found, alias) || livesOn) ? undefined : found;
    if (alias && viaAlias) return { entry: viaAlias, query: name, match: 'alias', aliasNote: alias.note, aliasSameApi: alias.sameApi, compatV1 };
    // One alias can lead to another: tf.compat.v2.keras.X is tf.keras.X, which is keras.X.
    if (alias && canonical !== undefined && NAMESPACE_ALIASES.some((a) => canonical.startsWith(a.from))) {
      const inner = this.lookup(canonical);
      if (inner && inner.match !== 'module') {
        return { ...inner, query: name, match: 'alias', aliasNote: alias.note, aliasSameApi: alias.sameApi && inner.aliasSameApi !== false, compatV1: compatV1 ?? inner.compatV1 };
      }
    }
    let parent = this.parentOf(name, canonical, alias);
    // As for entries: a removed module reached through an alias does not hold for a name the installed release has
    // (TensorFlow 2.21 still ships tensorflow.python.keras.utils.vis_utils, though Keras 3 has no keras.utils.vis_utils).
    if (parent?.aliasNote !== undefined && parent.entry.status.state === 'removed' && !compatV1 && resolution?.state === 'present') parent = this.parentOf(name, undefined, undefined);
    // A deprecated or removed module's note is the news for every name under it, baseline or not: findings must not
    // depend on whether the baseline has been loaded.
    if (parent && parent.entry.status.state !== 'current') return parent;
    const basic = this.baseline?.get(name);
    if (basic) return { entry: basic, query: name, match: 'exact', compatV1 };
    const basicViaAlias = alias && canonical !== undefined ? this.baseline?.get(canonical) : undefined;
    if (alias && basicViaAlias) return { entry: basicViaAlias, query: name, match: 'alias', aliasNote: alias.note, aliasSameApi: alias.sameApi, compatV1 };
    return parent;
  }

  /** The note of a name the installed release lacks, made once per name. */
  private absent(name: string, resolution: Parameters<typeof absentEntry>[1]): LookupResult {
    const cached = this.absentResults.get(name);
    if (cached) return cached;
    const alias = NAMESPACE_ALIASES.find((a) => name.startsWith(a.from));
    const canonical = alias ? alias.to + name.slice(alias.from.length) : undefined;
    const aliased = canonical !== undefined ? this.byName.get(canonical) : undefined;
    const parent = this.parentOf(name, canonical, alias);
    const module = parent && parent.entry.status.state !== 'current' ? parent.entry : undefined;
    const made = absentEntry(name, resolution, this.installed as InstalledNames, { aliased, module, entry: (n) => this.byName.get(n) });
    const result: LookupResult = { entry: made.entry, query: name, match: 'exact', absent: made.absence };
    this.absentResults.set(name, result);
    return result;
  }

  /** The nearest parent module entry (or removed class), trying the canonical name first. */
  private parentOf(name: string, canonical: string | undefined, alias: NamespaceAlias | undefined): LookupResult | undefined {
    const compatV1 = name === 'tensorflow.compat.v1' || name.startsWith('tensorflow.compat.v1.') ? true : undefined;
    // The canonical name first: `tensorflow.keras.layers.X` falls back to `keras.layers`, not `tensorflow.keras`.
    for (const candidate of canonical !== undefined ? [canonical, name] : [name]) {
      for (let cut = candidate.lastIndexOf('.'); cut > 0; cut = candidate.lastIndexOf('.', cut - 1)) {
        const parent = this.byName.get(candidate.slice(0, cut));
        if (parent && candidate !== name && !statusHoldsThrough(parent, alias)) continue;
        // A removed class answers for its members too (`tf.GraphKeys.TRAINABLE_VARIABLES`): they went with it.
        if (parent && (parent.kind === 'module' || (parent.kind === 'class' && parent.status.state === 'removed'))) return { entry: parent, query: name, match: 'module', aliasNote: candidate === name ? undefined : alias?.note, compatV1 };
      }
    }
    return undefined;
  }
}
