/** The shape of the knowledge base: one typed entry per framework API, keyed by canonical qualified name. */

export type Framework = 'pytorch' | 'tensorflow' | 'keras';

/** `property` and `attribute` (a plain data attribute) describe class members, as the installed classes define them. */
export type SymbolKind = 'module' | 'class' | 'function' | 'decorator' | 'constant' | 'context-manager' | 'property' | 'attribute';

export type Lifecycle = 'current' | 'deprecated' | 'removed';

/** Where an API stands, and since when. Every non-current status names the version it holds for. */
export interface Status {
  state: Lifecycle;
  /** Version the state began with, e.g. "2.0" for TensorFlow 2.0 or "2.4" for PyTorch 2.4. Required unless current. */
  since?: string;
  /** Release date of `since`, as YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** For deprecated APIs: the version that removed it, when that has happened. */
  removedIn?: string;
  /** One sentence in our words on what the status means in practice. */
  note?: string;
}

/**
 * One argument matched between an API and its equivalent. Defaults are written as Python prints them in the
 * installed signature (`0.99`, `'glorot_uniform'`, `None`); an omitted default means the argument is required.
 * Unit tests hold every mapping against the signatures dumped from the real frameworks.
 */
export interface ParamMapping {
  /** Argument of the entry's own API. */
  ours: string;
  ourDefault?: string;
  /** The matching argument of the equivalent; omitted when it has none. */
  theirs?: string;
  theirDefault?: string;
  /** How a value converts between the two (`theirs = 1 - ours`), in our words. */
  note?: string;
}

/** What a tensor layout or an output means on each side of an equivalence, when they differ. */
export interface SideBySide {
  ours: string;
  theirs: string;
}

/** A pointer to another API, with what a user must know when switching to it. */
export interface ApiRef {
  /** Canonical qualified name; must be a key of the base unless `external` is set. */
  name: string;
  note?: string;
  /** The target lives outside the base (another library such as `ai_edge_litert`). */
  external?: boolean;
  /** Equivalents only: arguments that correspond, with both real defaults. */
  params?: ParamMapping[];
  /** Equivalents only: the input layout each side expects (`channels last (N, L, C)` vs `(N, C, L)`). */
  layout?: SideBySide;
  /** Equivalents only: what the result means on each side (indices into the flattened tensor, logits...). */
  output?: SideBySide;
  /**
   * Equivalents only, never written by hand: set from checked-equivalences.json when the `equivalence` test layer
   * runs both sides of this pair (`equal` outputs, or a `documented-difference` it asserts).
   */
  checked?: 'equal' | 'documented-difference';
}

export interface Replacement extends ApiRef {
  /**
   * True only when renaming the reference is enough and behaviour stays the same, so a quick fix may
   * rewrite it. Anything else (different arguments, defaults or semantics) gets an explanation only.
   */
  dropIn?: boolean;
  /** The call to write when the name alone is not enough (`torch.amp.autocast("cuda", ...)`); scanner messages show it. */
  usage?: string;
  /**
   * Python source of a positional argument the replacement takes first, e.g. `"cuda"` for
   * `torch.cuda.amp.autocast(...)` → `torch.amp.autocast("cuda", ...)`. A quick fix renames and adds it, but
   * only to a call whose other arguments are all keywords: the positional order of old and new APIs differs.
   */
  leadingArgument?: string;
}

/** A keyword argument's lifecycle; `renamedTo` names the keyword that took its place, when renaming it is the whole fix. */
export interface KeywordRule {
  status: Status;
  note: string;
  renamedTo?: string;
}

/**
 * A TF1 function whose positional order TensorFlow 2 changed (tf_upgrade_v2's reorder table, joined with the TF 2.21
 * signatures by scripts/truth/generate_migrations.py): a call passing more than `agree` positional arguments means
 * something else in TF 2.
 */
export interface PositionalOrder {
  /** The TF1 parameter names, in positional order. */
  tf1: string[];
  /** How many leading positions mean the same in TF1 and in `target` (after keyword renames). */
  agree: number;
  /** The TF 2.21 function such a call should end up calling: the same name, or the successor of a removed one. */
  target: string;
  /** The keywords `target` accepts; a fix writes no other. */
  keywords: string[];
  /** TF1 keyword -> its TF 2 name, or null where TF 2 dropped it. */
  renames: Record<string, string | null>;
  /** TF1 keywords whose TF 2 name takes another form of value (a rename alone breaks the call), with the difference. */
  valueChanges?: Record<string, string>;
}

export interface KnowledgeEntry {
  /** Canonical fully qualified name: `torch.nn.Linear`, `keras.layers.Dense`, `tensorflow.Session`. */
  name: string;
  framework: Framework;
  kind: SymbolKind;
  /** One or two sentences written by us. */
  summary: string;
  status: Status;
  /** The release or date the entry was checked against, e.g. "PyTorch 2.12 docs, 2026-05". */
  verified: string;
  replacement?: Replacement;
  /** The nearest API(s) in the other framework, with the real differences (defaults, layouts, logits...). */
  equivalents?: ApiRef[];
  /** Official docs URL (docs.pytorch.org, pytorch.org, tensorflow.org, keras.io, ai.google.dev). */
  docs: string;
  /** Snippet task ids this API belongs to (see src/core/snippets). */
  tags?: string[];
  /** Where the facts were checked: URLs of release notes, docs pages, source files. */
  sources: string[];
  /** Comparison panel section that discusses this API (heading id in the content markdown). */
  section?: string;
  /**
   * Keyword arguments whose meaning was deprecated or removed while the API itself lives on; a call that
   * passes one gets its own finding (`Variable(x, volatile=True)`).
   */
  keywords?: Record<string, KeywordRule>;
  /**
   * Keywords a call should pass explicitly because the default changed or is unsafe on older releases
   * (`torch.load` without `weights_only=`); a call that omits one gets an advisory finding.
   */
  omittedKeywords?: Record<string, { note: string; since?: string }>;
  /** The TF1 positional order, when TensorFlow 2 changed it; a call relying on it gets its own finding. */
  positionalOrder?: PositionalOrder;
  /**
   * TF1 APIs whose tf.compat.v1 copy needs graph mode (src/knowledge/data/tensorflow/graph-mode.json, run both ways in
   * the real layer): the call that raises under TensorFlow's default eager execution, and the first line of the error.
   */
  graphMode?: GraphMode;
}

/** What a graph-mode TF1 call raises under eager execution; `tf.compat.v1.disable_v2_behavior()` first makes it run. */
export interface GraphMode {
  call: string;
  raises: string;
}
