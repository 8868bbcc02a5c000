/** Plain data types the Python analysis hands to its users (adapters, CLI, rules). No vscode types here. */

/** A half-open range of UTF-16 code-unit offsets into the analysed text (JS string indices, VS Code offsetAt). */
export interface Span {
  from: number;
  to: number;
}

/** The frameworks the analysis recognises, by their top-level package. */
export type FrameworkRoot = 'tensorflow' | 'keras' | 'tf_keras' | 'torch' | 'torchvision' | 'torchaudio';

/** One name bound by an import statement. */
export interface ImportBinding {
  /** Local name bound in its scope: `tf`, `nn`, `Dense`; `*` for a star import. */
  local: string;
  /** Fully qualified name the local refers to: `tensorflow`, `torch.nn`, `keras.layers.Dense`. */
  target: string;
  /** Span of the imported dotted name in the statement (the part a hover explains). */
  span: Span;
  /** Span of the `as x` alias name, if any. */
  aliasSpan?: Span;
}

export interface ImportStatement {
  /** The whole statement. */
  span: Span;
  /** `import a.b` → 'a.b' for each name; `from a.b import c` → 'a.b'. Relative imports keep their dots. */
  module: string;
  kind: 'import' | 'from';
  relative: boolean;
  bindings: ImportBinding[];
  /** Nesting: 'module' when at top level, else the enclosing def/class/try/if kind. */
  scope: 'module' | 'function' | 'class';
  /** Inside `try:` … `except ImportError` or `if TYPE_CHECKING:`. */
  conditional: boolean;
}

/** A framework API reference found in code (an attribute chain or a name resolved through imports). */
export interface FrameworkReference {
  /** Resolved qualified name, e.g. `torch.nn.Linear` for `nn.Linear` after `from torch import nn`. */
  qualifiedName: string;
  /** The dotted chain as written, e.g. `nn.Linear`. */
  written: string;
  /** Span of the whole chain as written. */
  span: Span;
  /** Span of the last segment (`Linear`), for precise rename edits. */
  lastSegment: Span;
  /** True for the dotted names inside import statements. */
  inImport: boolean;
  /** Keyword argument names when the chain is called directly: `Variable(x, volatile=True)` → [{name:'volatile',...}]; `**` stands for a `**mapping` argument. */
  callKeywords?: Array<{ name: string; span: Span }>;
  /** When the chain is called directly: the argument list's span (with parentheses), its non-keyword count and its arguments. */
  callArguments?: CallArguments;
}

/** One argument of a call, in source order; `generator` is the bare `f(x for x in y)` form. */
export interface CallArgument {
  kind: 'positional' | 'keyword' | 'star' | 'doubleStar' | 'generator';
  /**
   * The whole argument (`d=1`, `*c`, `b[0]`), relative to the start of the argument list (CallArguments.span.from):
   * an edit elsewhere moves the list, and the items are shared, not copied (see argumentSpan).
   */
  at: Span;
  /** The keyword's name, for `keyword` arguments. */
  name?: string;
}

export interface CallArguments {
  span: Span;
  /** Arguments that are not `name=value` keywords (positional ones, `*args` and `**kwargs` count). */
  positional: number;
  items: CallArgument[];
}

/** An argument's span in the text. */
export function argumentSpan(call: CallArguments, argument: CallArgument): Span {
  return { from: call.span.from + argument.at.from, to: call.span.from + argument.at.to };
}

/** The framework symbol under a position. */
export interface SymbolAtPosition {
  /** Qualified name of the chain up to and including the hovered segment (`tensorflow.keras.layers`). */
  qualifiedName: string;
  /** Text as written up to that segment (`tf.keras.layers`). */
  written: string;
  /** Span from the start of the chain to the end of the hovered segment. */
  span: Span;
  inImport: boolean;
}

export interface PythonAnalysis {
  readonly text: string;
  readonly imports: readonly ImportStatement[];
  /** Every framework reference in document order (whole chains, not each segment). */
  readonly references: readonly FrameworkReference[];
  /** Frameworks imported anywhere in the file. */
  readonly frameworks: ReadonlySet<FrameworkRoot>;
  /** The parser met errors and recovered; results are best-effort. */
  readonly hasSyntaxErrors: boolean;
  /**
   * Set when the text was not analysed and every list is empty: `too-large` above `maxBytes`, `error` when the
   * analysis failed on some input it could not handle (a last resort; it should not happen).
   */
  readonly skipped?: 'too-large' | 'error';
  /** The framework symbol at `offset`, or undefined (strings, comments, ordinary names). */
  symbolAt(offset: number): SymbolAtPosition | undefined;
}
