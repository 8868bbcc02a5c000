/** Walks a lezer Python tree once and collects scopes, name bindings, name loads, import statements and import chains. */
import type { SyntaxNode, Tree, TreeCursor } from '@lezer/common';
import { NodeKind as T, kindOf, nodeKind } from './nodeTypes';
import type { CallArguments, FrameworkRoot, ImportBinding, ImportStatement, Span } from './types';

export const FRAMEWORK_ROOTS: readonly FrameworkRoot[] = ['tensorflow', 'keras', 'tf_keras', 'torch', 'torchvision', 'torchaudio'];
const frameworkRootSet = new Set<string>(FRAMEWORK_ROOTS);

/** The framework root of a qualified name, or undefined for anything else (`numpy`, `tensorflowx`). */
export function frameworkRootOf(qualifiedName: string): FrameworkRoot | undefined {
  const dot = qualifiedName.indexOf('.');
  const root = dot < 0 ? qualifiedName : qualifiedName.slice(0, dot);
  return frameworkRootSet.has(root) ? (root as FrameworkRoot) : undefined;
}

/** One binding of a name in a scope. `target` is set only for imports of framework modules. */
export interface BindingEvent {
  /** The binding holds for uses at or after this offset (the end of an assignment, so `tf = tf.x` reads the old `tf`). */
  effectiveFrom: number;
  isImport: boolean;
  target: string | undefined;
  /** A plain assignment inside an `except` handler, the `tf = None` fallback of an optional import. */
  fallback: boolean;
}

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension';

const NO_BINDINGS: ReadonlyMap<string, BindingEvent[]> = new Map();
const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * A Python scope; names used inside [evalFrom, evalTo) are looked up here first. Its map and set are made on first
 * use: most scopes (comprehensions, lambdas, small functions) bind few names and import none, and a 10,000-line file
 * has thousands of scopes, all alive until the walk ends.
 */
export class Scope {
  private bindingMap: Map<string, BindingEvent[]> | undefined;
  private importedSet: Set<string> | undefined;
  /** Names declared `global` (look in the module) or `nonlocal` (look in the enclosing function). */
  passthrough: Map<string, 'global' | 'nonlocal'> | undefined;

  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | undefined,
    readonly evalFrom: number,
    readonly evalTo: number,
  ) {}

  /** Each bound name's binding events. */
  get bindings(): ReadonlyMap<string, BindingEvent[]> {
    return this.bindingMap ?? NO_BINDINGS;
  }

  /** Names with at least one import binding here (filled by `seal`); any other bound name is simply local. */
  get importedNames(): ReadonlySet<string> {
    return this.importedSet ?? NO_NAMES;
  }

  bind(name: string, event: BindingEvent): void {
    this.bindingMap ??= new Map();
    const events = this.bindingMap.get(name);
    if (events) events.push(event);
    else this.bindingMap.set(name, [event]);
  }

  /**
   * Called once every binding is known: sorts each name's events by position and, for names that are imported,
   * drops the `except`-handler fallbacks, which never hide an import.
   */
  seal(): void {
    if (!this.bindingMap) return;
    for (const [name, events] of this.bindingMap) {
      if (events.length > 1) events.sort((a, b) => a.effectiveFrom - b.effectiveFrom);
      if (!events.some((e) => e.isImport)) continue;
      (this.importedSet ??= new Set()).add(name);
      if (events.some((e) => e.fallback)) this.bindingMap.set(name, events.filter((e) => !e.fallback));
    }
  }
}

/** A name read somewhere in an expression; resolved once every binding of the file is known. */
export interface NameLoad {
  from: number;
  to: number;
  scope: Scope;
  /** Decorators are flat dotted names in lezer, not member expressions, so their chain is recorded here. */
  decoratorChain?: { names: string[]; spans: Span[]; argList: SyntaxNode | undefined };
}

/** A dotted name whose every segment can be hovered; qualified(k) = baseQualified + names[1..k]. */
export interface Chain {
  baseQualified: string;
  names: string[];
  spans: Span[];
  inImport: boolean;
  /** False for alias names (`tf` in `import tensorflow as tf`): hoverable but not a reference of its own. */
  isReference: boolean;
  callKeywords?: Array<{ name: string; span: Span }>;
  callArguments?: CallArguments;
}

/** `tf.model = …`: an attribute the file sets on a name, resolved once every binding is known. */
export interface AttributeAssignment {
  /** The VariableName the attribute is set on (`tf`). */
  from: number;
  to: number;
  scope: Scope;
  /** The attribute set (`model`). */
  attribute: string;
}

export interface StarImport {
  effectiveFrom: number;
  module: string;
  /** Start of the top-level statement holding the import (see TopLevelUnit). */
  unitFrom: number;
}

/**
 * A top-level statement (a child of the module): what an analysis after an edit reuses unchanged or walks again.
 * Nothing a statement contributes to the walk depends on other statements, except the module's bindings.
 */
export interface TopLevelUnit {
  from: number;
  to: number;
  type: number;
  hasErrors: boolean;
}

/** A binding made in the module scope, with the top-level statement that made it. */
export interface ModuleBinding {
  name: string;
  event: BindingEvent;
  unitFrom: number;
}

/** Everything one walk of the tree yields. */
export class CollectedFile {
  /** The tree walked (the last one, when an incremental walk collects a part of it). */
  tree: Tree | undefined;
  readonly moduleScope = new Scope('module', undefined, 0, Number.MAX_SAFE_INTEGER);
  readonly imports: ImportStatement[] = [];
  readonly importChains: Chain[] = [];
  readonly loads: NameLoad[] = [];
  readonly stars: StarImport[] = [];
  readonly attributeAssignments: AttributeAssignment[] = [];
  readonly frameworks = new Set<FrameworkRoot>();
  /** The top-level statements walked, in order. */
  readonly units: TopLevelUnit[] = [];
  /** Every binding made in the module scope, in walk order. */
  readonly moduleBindings: ModuleBinding[] = [];
  hasSyntaxErrors = false;
}

const NODES_PER_SLICE_CHECK = 256;
const SCOPES_PER_STEP = 256;

/**
 * Walks `tree` iteratively (deeply nested code must not overflow the stack) and yields every few thousand
 * nodes so an async caller can stop and give the thread back; a sync caller just drains the generator.
 */
export function* collectFile(tree: Tree, text: string, out: CollectedFile): Generator<void, void, void> {
  out.tree = tree;
  const walker = new FileWalker(text, out);
  const cursor = tree.cursor();
  walker.enter(cursor);
  if (cursor.firstChild()) {
    do yield* walker.walkUnit(cursor);
    while (cursor.nextSibling());
    cursor.parent();
  }
  walker.leave(cursor);
  yield* walker.sealInSteps();
}

/**
 * Walks only the top-level statements number `first` to `end` (exclusive) of `tree` into `out`, whose module scope
 * already holds the bindings of the other statements; `afterWalk` adds bindings before the scopes are sealed.
 */
export function* collectUnits(tree: Tree, text: string, out: CollectedFile, first: number, end: number, afterWalk: () => void): Generator<void, void, void> {
  out.tree = tree;
  const walker = new FileWalker(text, out);
  const cursor = tree.cursor();
  if (first < end && cursor.firstChild()) {
    // Counted, not matched by position: an empty error node can start where the next statement starts.
    let index = 0;
    do {
      if (index >= first) yield* walker.walkUnit(cursor);
    } while (++index < end && cursor.nextSibling());
  }
  afterWalk();
  walker.seal();
}

/** The top-level statements of `tree` (the children of its top node). */
export function topLevelUnits(tree: Tree): Array<{ from: number; to: number; type: number }> {
  const units: Array<{ from: number; to: number; type: number }> = [];
  const cursor = tree.cursor();
  if (cursor.firstChild()) {
    do units.push({ from: cursor.from, to: cursor.to, type: cursor.type.id });
    while (cursor.nextSibling());
  }
  return units;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

class FileWalker {
  private readonly scopeStack: Scope[];
  private readonly allScopes: Scope[];
  /** The top-level statement being walked. */
  private unit: TopLevelUnit | undefined;
  private visited = 0;
  /** Offsets of VariableNames that are not reads: binding targets, keyword-argument names, import names. */
  private readonly notLoads = new Set<number>();
  /** Ranges of `except` handler bodies currently open, to mark fallback assignments. */
  private readonly exceptBodies: Span[] = [];
  /** Ranges of `try … except ImportError` and `if TYPE_CHECKING` statements currently open. */
  private readonly importGuards: Array<Span & { node: number }> = [];

  constructor(
    private readonly text: string,
    private readonly out: CollectedFile,
  ) {
    this.scopeStack = [out.moduleScope];
    this.allScopes = [out.moduleScope];
  }

  /** Walks the subtree at `cursor` (a top-level statement) and leaves the cursor on it; yields every few thousand nodes. */
  *walkUnit(cursor: TreeCursor): Generator<void, void, void> {
    const unit: TopLevelUnit = { from: cursor.from, to: cursor.to, type: cursor.type.id, hasErrors: false };
    this.out.units.push(unit);
    this.unit = unit;
    let depth = 0;
    for (;;) {
      const descend = this.enter(cursor);
      if (++this.visited % NODES_PER_SLICE_CHECK === 0) yield;
      if (descend && cursor.firstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        this.leave(cursor);
        if (depth === 0) {
          this.unit = undefined;
          return;
        }
        if (cursor.nextSibling()) break;
        cursor.parent();
        depth--;
      }
    }
  }

  /** Called once every binding is known. */
  seal(): void {
    for (const scope of this.allScopes) scope.seal();
  }

  /** `seal` in steps: a 50,000-line file has tens of thousands of scopes (about 6 ms in one piece). */
  *sealInSteps(): Generator<void, void, void> {
    for (let i = 0; i < this.allScopes.length; i++) {
      if (i > 0 && i % SCOPES_PER_STEP === 0) yield;
      this.allScopes[i].seal();
    }
  }

  /** Handles a node on the way down; returns false to skip its children. */
  enter(cursor: TreeCursor): boolean {
    const id = kindOf(cursor.type.id);
    if (id === T.VariableName) {
      if (!this.notLoads.has(cursor.from)) // No syntax node kept: most names are not framework names, and a node per name, alive until the walk ends, was
      // the walk's largest allocation to survive a young-generation collection; resolution finds the few it needs.
      this.out.loads.push({ from: cursor.from, to: cursor.to, scope: this.scopeAt(cursor.from) });
      return false;
    }
    if (cursor.type.isError) {
      this.out.hasSyntaxErrors = true;
      if (this.unit) this.unit.hasErrors = true;
    }
    switch (id) {
      case T.ImportStatement:
        this.enterImport(cursor.node);
        return false;
      case T.AssignStatement:
        this.bindTargetsBefore(cursor.node, [T.AssignOp], [T.TypeDef], true);
        break;
      case T.UpdateStatement:
        this.bindTargetsBefore(cursor.node, [T.UpdateOp], []);
        break;
      case T.ForStatement:
        this.bindForTargets(cursor.node, this.scopeAt(cursor.from));
        break;
      case T.WithStatement:
      case T.TryStatement:
        this.enterWithOrTry(cursor.node, id === T.TryStatement);
        break;
      case T.IfStatement:
        this.enterIf(cursor.node);
        break;
      case T.FunctionDefinition:
      case T.ClassDefinition:
        this.enterDefinition(cursor.node, id === T.FunctionDefinition ? 'function' : 'class');
        break;
      case T.LambdaExpression:
        this.enterLambda(cursor.node);
        break;
      case T.ComprehensionExpression:
      case T.ArrayComprehensionExpression:
      case T.SetComprehensionExpression:
      case T.DictionaryComprehensionExpression:
        this.enterComprehension(cursor.node);
        break;
      case T.ArgList:
        this.enterArgList(cursor.node);
        break;
      case T.NamedExpression:
        this.enterNamedExpression(cursor.node);
        break;
      case T.ScopeStatement:
        this.enterScopeStatement(cursor.node);
        return false;
      case T.Decorator:
        this.enterDecorator(cursor.node);
        break;
      case T.CapturePattern:
      case T.AsPattern: {
        const name = cursor.node.lastChild;
        if (name && kindOf(name.type.id) === T.VariableName) this.bindLocal(name, this.scopeAt(name.from), name.from);
        break;
      }
      case T.KeywordPattern:
      case T.TypeParam: {
        const name = cursor.node.firstChild;
        if (name && kindOf(name.type.id) === T.VariableName) this.notLoads.add(name.from);
        break;
      }
    }
    return true;
  }

  leave(cursor: TreeCursor): void {
    const id = kindOf(cursor.type.id);
    if (
      id === T.FunctionDefinition ||
      id === T.ClassDefinition ||
      id === T.LambdaExpression ||
      id === T.ComprehensionExpression ||
      id === T.ArrayComprehensionExpression ||
      id === T.SetComprehensionExpression ||
      id === T.DictionaryComprehensionExpression
    ) {
      if (this.scopeStack.length > 1) this.scopeStack.pop();
    } else if (id === T.TryStatement) {
      while (this.exceptBodies.length && this.exceptBodies[this.exceptBodies.length - 1].from >= cursor.from) this.exceptBodies.pop();
    }
    if (this.importGuards.length && this.importGuards[this.importGuards.length - 1].node === cursor.from && (id === T.TryStatement || id === T.IfStatement)) {
      this.importGuards.pop();
    }
  }

  /** The innermost open scope whose evaluated range holds `pos` (parameter defaults evaluate outside the function). */
  private scopeAt(pos: number): Scope {
    for (let i = this.scopeStack.length - 1; i > 0; i--) {
      const scope = this.scopeStack[i];
      if (pos >= scope.evalFrom && pos < scope.evalTo) return scope;
    }
    return this.scopeStack[0];
  }

  private pushScope(kind: ScopeKind, evalFrom: number, evalTo: number): Scope {
    const scope = new Scope(kind, this.scopeAt(evalFrom), evalFrom, evalTo);
    this.scopeStack.push(scope);
    this.allScopes.push(scope);
    return scope;
  }

  private name(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private bindLocal(nameNode: SyntaxNode, scope: Scope, effectiveFrom: number): void {
    this.notLoads.add(nameNode.from);
    const fallback = this.exceptBodies.some((b) => nameNode.from >= b.from && nameNode.from < b.to);
    this.bindIn(scope, this.name(nameNode), { effectiveFrom, isImport: false, target: undefined, fallback });
  }

  /** Binds `name` in `scope`, recording module bindings with their top-level statement. */
  private bindIn(scope: Scope, name: string, event: BindingEvent): void {
    scope.bind(name, event);
    if (scope === this.out.moduleScope) this.out.moduleBindings.push({ name, event, unitFrom: this.unit?.from ?? -1 });
  }

  /**
   * Binds the plain names of an assignment target: `a`, `a, (b, *c)`, `[a, b]`; attributes and subscripts bind
   * nothing, but with `recordAttributes` an attribute set on a plain name (`tf.model = …`) is recorded.
   */
  private bindTarget(node: SyntaxNode, scope: Scope, effectiveFrom: number, recordAttributes = false): void {
    const id = kindOf(node.type.id);
    if (id === T.VariableName) this.bindLocal(node, scope, effectiveFrom);
    else if (id === T.TupleExpression || id === T.ArrayExpression || id === T.ParenthesizedExpression) {
      for (const child of children(node)) this.bindTarget(child, scope, effectiveFrom, recordAttributes);
    } else if (id === T.MemberExpression && recordAttributes) this.recordAttributeAssignment(node, scope);
  }

  /** `name.attribute = …` with a plain name and a plain attribute (not `a.b.c = …`, not `a[0] = …`). */
  private recordAttributeAssignment(node: SyntaxNode, scope: Scope): void {
    const object = node.firstChild;
    const property = node.lastChild;
    if (nodeKind(object) !== T.VariableName || nodeKind(property) !== T.PropertyName || nodeKind(property?.prevSibling) === T.BracketOpen) return;
    if (!object || !property) return;
    this.out.attributeAssignments.push({ from: object.from, to: object.to, scope, attribute: this.name(property) });
  }

  /** Targets are the children before the last of `separators` (or, without one, before the first of `orBefore`). */
  private bindTargetsBefore(statement: SyntaxNode, separators: number[], orBefore: number[], recordAttributes = false): void {
    const parts = children(statement);
    let end = -1;
    for (let i = parts.length - 1; i >= 0 && end < 0; i--) if (separators.includes(kindOf(parts[i].type.id))) end = i;
    if (end < 0) end = parts.findIndex((p) => orBefore.includes(kindOf(p.type.id)));
    if (end < 0) return;
    const scope = this.scopeAt(statement.from);
    for (let i = 0; i < end; i++) this.bindTarget(parts[i], scope, statement.to, recordAttributes);
  }

  /** `for a, b in …` in statements and comprehensions: the names between `for` and `in`. */
  private bindForTargets(node: SyntaxNode, scope: Scope): void {
    let inTargets = false;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const id = kindOf(child.type.id);
      if (id === T.kwFor) inTargets = true;
      else if (id === T.kwIn) inTargets = false;
      else if (inTargets) this.bindTarget(child, scope, child.from);
      else if (id === T.Body) break;
    }
  }

  private enterWithOrTry(node: SyntaxNode, isTry: boolean): void {
    const scope = this.scopeAt(node.from);
    let afterExcept = false;
    let guardsImports = false;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const id = kindOf(child.type.id);
      // `with … as (a, b)` binds every name of its target; `as self.x` binds none.
      if (nodeKind(child.prevSibling) === T.kwAs) this.bindTarget(child, scope, child.from);
      if (!isTry) continue;
      if (id === T.kwExcept) {
        afterExcept = true;
        const caught = child.nextSibling;
        // A bare `except:` also catches ImportError.
        if (!caught || kindOf(caught.type.id) === T.Body || this.mentionsImportError(caught)) guardsImports = true;
      } else if (id === T.Body && afterExcept) {
        this.exceptBodies.push({ from: child.from, to: child.to });
        afterExcept = false;
      }
    }
    if (guardsImports) this.importGuards.push({ from: node.from, to: node.to, node: node.from });
  }

  /** True when an `except` clause's expression names ImportError or ModuleNotFoundError (alone, in a tuple, as `builtins.X`). */
  private mentionsImportError(caught: SyntaxNode): boolean {
    const cursor = caught.cursor();
    do {
      if (kindOf(cursor.type.id) === T.VariableName || kindOf(cursor.type.id) === T.PropertyName) {
        const name = this.text.slice(cursor.from, cursor.to);
        if (name === 'ImportError' || name === 'ModuleNotFoundError') return true;
      }
    } while (cursor.next() && cursor.from < caught.to);
    return false;
  }

  private enterIf(node: SyntaxNode): void {
    const condition = node.firstChild?.nextSibling;
    if (!condition) return;
    const conditionText = this.name(condition);
    if (conditionText === 'TYPE_CHECKING' || conditionText.endsWith('.TYPE_CHECKING')) this.importGuards.push({ from: node.from, to: node.to, node: node.from });
  }

  private enterDefinition(node: SyntaxNode, kind: 'function' | 'class'): void {
    const outer = this.scopeAt(node.from);
    let body: SyntaxNode | undefined;
    let params: SyntaxNode | undefined;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const id = kindOf(child.type.id);
      if (id === T.VariableName && !body && !params) this.bindLocal(child, outer, node.from);
      else if (id === T.ParamList) params = child;
      else if (id === T.Body) body = child;
    }
    const scope = this.pushScope(kind, body ? body.from : node.to, body ? body.to : node.to);
    if (params) this.bindParams(params, scope);
  }

  /** Parameter names are those right after `(`, `,`, `*`, `**` (or first); defaults and annotations are reads. */
  private bindParams(params: SyntaxNode, scope: Scope): void {
    let expectName = true;
    for (let child = params.firstChild; child; child = child.nextSibling) {
      const id = kindOf(child.type.id);
      if (id === T.VariableName && expectName) this.bindLocal(child, scope, child.from);
      expectName = id === T.parenOpen || id === T.comma || id === T.star || id === T.starStar;
    }
  }

  private enterLambda(node: SyntaxNode): void {
    let params: SyntaxNode | undefined;
    let bodyFrom = node.to;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (kindOf(child.type.id) === T.ParamList) params = child;
      else if (kindOf(child.type.id) === T.colon) {
        bodyFrom = child.from;
        break;
      }
    }
    const scope = this.pushScope('lambda', bodyFrom, node.to);
    if (params) this.bindParams(params, scope);
  }

  private enterComprehension(node: SyntaxNode): void {
    const scope = this.pushScope('comprehension', node.from, node.to);
    this.bindForTargets(node, scope);
  }

  /** `f(tf=1)`: the keyword is not a read of `tf`. `f(x := 1)` binds `x`. */
  private enterArgList(node: SyntaxNode): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (kindOf(child.type.id) !== T.VariableName) continue;
      const next = child.nextSibling;
      if (!next || nodeKind(next) !== T.AssignOp) continue;
      if (this.text.charCodeAt(next.from) === 0x3a /* ':' of := */) this.bindLocal(child, this.walrusScope(child.from), next.to);
      else this.notLoads.add(child.from);
    }
  }

  private enterNamedExpression(node: SyntaxNode): void {
    const name = node.firstChild;
    if (name && nodeKind(name) === T.VariableName) this.bindLocal(name, this.walrusScope(name.from), node.to);
  }

  /** An assignment expression inside a comprehension binds in the enclosing function or module (PEP 572). */
  private walrusScope(pos: number): Scope {
    let scope: Scope | undefined = this.scopeAt(pos);
    while (scope.kind === 'comprehension' && scope.parent) scope = scope.parent;
    return scope ?? this.out.moduleScope;
  }

  private enterScopeStatement(node: SyntaxNode): void {
    const keyword = node.firstChild;
    const kind = nodeKind(keyword) === T.kwGlobal ? 'global' : 'nonlocal';
    const scope = this.scopeAt(node.from);
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (kindOf(child.type.id) !== T.VariableName) continue;
      this.notLoads.add(child.from);
      if (scope.kind === 'module') continue;
      (scope.passthrough ??= new Map()).set(this.name(child), kind);
    }
  }

  /** `@tf.function(jit_compile=True)`: lezer gives VariableName "." VariableName … ArgList, recorded as one load. */
  private enterDecorator(node: SyntaxNode): void {
    const names: string[] = [];
    const spans: Span[] = [];
    let argList: SyntaxNode | undefined;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (kindOf(child.type.id) === T.VariableName) {
        this.notLoads.add(child.from);
        names.push(this.name(child));
        spans.push({ from: child.from, to: child.to });
      } else if (kindOf(child.type.id) === T.ArgList) argList = child;
    }
    if (names.length) this.out.loads.push({ from: spans[0].from, to: spans[0].to, scope: this.scopeAt(node.from), decoratorChain: { names, spans, argList } });
  }

  private enterImport(node: SyntaxNode): void {
    const parts = children(node);
    if (parts.length === 0) return;
    const scope = this.scopeAt(node.from);
    const fromImport = kindOf(parts[0].type.id) === T.kwFrom ? this.readFromImport(node, parts) : undefined;
    const statements = fromImport ? [fromImport] : kindOf(parts[0].type.id) === T.kwFrom ? [] : this.readPlainImport(node, parts);
    const scopeKind = this.enclosingDefinitionKind();
    const conditional = this.importGuards.some((g) => node.from >= g.from && node.from < g.to);
    for (const statement of statements) this.bindImport(node, statement, scope, scopeKind, conditional);
  }

  private bindImport(node: SyntaxNode, statement: ImportStatement, scope: Scope, scopeKind: ImportStatement['scope'], conditional: boolean): void {
    statement.scope = scopeKind;
    statement.conditional = conditional;
    this.out.imports.push(statement);
    for (const binding of statement.bindings) {
      if (binding.local === '*') {
        if (!statement.relative && scope.kind === 'module') this.out.stars.push({ effectiveFrom: node.to, module: statement.module, unitFrom: this.unit?.from ?? -1 });
        continue;
      }
      const isFramework = !statement.relative && frameworkRootOf(binding.target) !== undefined;
      this.bindIn(scope, binding.local, { effectiveFrom: node.to, isImport: true, target: isFramework ? binding.target : undefined, fallback: false });
    }
    if (!statement.relative) {
      const root = frameworkRootOf(statement.module);
      if (root) this.out.frameworks.add(root);
      for (const b of statement.bindings) {
        const bindingRoot = frameworkRootOf(b.target);
        if (bindingRoot) this.out.frameworks.add(bindingRoot);
      }
    }
  }

  private enclosingDefinitionKind(): ImportStatement['scope'] {
    for (let i = this.scopeStack.length - 1; i > 0; i--) {
      const kind = this.scopeStack[i].kind;
      if (kind === 'class') return 'class';
      if (kind === 'function' || kind === 'lambda') return 'function';
    }
    return 'module';
  }

  /** Reads `a.b.c` starting at parts[start]; returns the names, their spans and the index after the name. */
  private readDottedName(parts: SyntaxNode[], start: number): { names: string[]; spans: Span[]; next: number } {
    const names: string[] = [];
    const spans: Span[] = [];
    let i = start;
    while (i < parts.length && kindOf(parts[i].type.id) === T.VariableName) {
      names.push(this.name(parts[i]));
      spans.push({ from: parts[i].from, to: parts[i].to });
      i++;
      if (i < parts.length && kindOf(parts[i].type.id) === T.dot && nodeKind(parts[i + 1]) === T.VariableName) i++;
      else break;
    }
    return { names, spans, next: i };
  }

  /** Reads an optional `as name` at parts[i]. */
  private readAlias(parts: SyntaxNode[], i: number): { alias?: SyntaxNode; next: number } {
    if (nodeKind(parts[i]) === T.kwAs && nodeKind(parts[i + 1]) === T.VariableName) return { alias: parts[i + 1], next: i + 2 };
    return { next: i };
  }

  private addChain(baseQualified: string, names: string[], spans: Span[], isReference: boolean): void {
    if (!frameworkRootOf(baseQualified) || names.length === 0) return;
    this.out.importChains.push({ baseQualified, names, spans, inImport: true, isReference });
  }

  /** `import a.b.c`, `import a.b as c, d`: one statement per imported name, each with the whole statement's span. */
  private readPlainImport(node: SyntaxNode, parts: SyntaxNode[]): ImportStatement[] {
    const statements: ImportStatement[] = [];
    let i = 1;
    while (i < parts.length) {
      const dotted = this.readDottedName(parts, i);
      if (dotted.names.length === 0) {
        i++;
        continue;
      }
      const { alias, next } = this.readAlias(parts, dotted.next);
      i = next;
      const full = dotted.names.join('.');
      const span = { from: dotted.spans[0].from, to: dotted.spans[dotted.spans.length - 1].to };
      // `import a.b.c` binds `a` to the package `a`; `import a.b.c as d` binds `d` to `a.b.c`.
      const binding: ImportBinding = alias
        ? { local: this.name(alias), target: full, span, aliasSpan: { from: alias.from, to: alias.to } }
        : { local: dotted.names[0], target: dotted.names[0], span };
      statements.push({ span: { from: node.from, to: node.to }, module: full, kind: 'import', relative: false, bindings: [binding], scope: 'module', conditional: false });
      this.addChain(dotted.names[0], dotted.names, dotted.spans, true);
      if (alias) this.addChain(full, [this.name(alias)], [{ from: alias.from, to: alias.to }], false);
    }
    return statements;
  }

  /** `from a.b import c as d, e`, `from a import (b, c)`, `from . import x`, `from torch.nn import *` */
  private readFromImport(node: SyntaxNode, parts: SyntaxNode[]): ImportStatement | undefined {
    let i = 1;
    let dots = '';
    while (i < parts.length && (kindOf(parts[i].type.id) === T.dot || kindOf(parts[i].type.id) === T.ellipsis)) {
      dots += kindOf(parts[i].type.id) === T.dot ? '.' : '...';
      i++;
    }
    const moduleName = this.readDottedName(parts, i);
    i = moduleName.next;
    const relative = dots.length > 0;
    const moduleText = dots + moduleName.names.join('.');
    if (!moduleText) return undefined;
    if (!relative) this.addChain(moduleName.names[0] ?? '', moduleName.names, moduleName.spans, true);
    while (i < parts.length && kindOf(parts[i].type.id) !== T.kwImport) i++;
    const bindings: ImportBinding[] = [];
    for (i++; i < parts.length; i++) {
      const part = parts[i];
      if (kindOf(part.type.id) === T.star) {
        bindings.push({ local: '*', target: `${moduleText}.*`, span: { from: part.from, to: part.to } });
        continue;
      }
      if (kindOf(part.type.id) !== T.VariableName) continue;
      const imported = this.name(part);
      const { alias, next } = this.readAlias(parts, i + 1);
      const target = moduleName.names.length ? `${moduleText}.${imported}` : `${moduleText}${imported}`;
      const span = { from: part.from, to: part.to };
      bindings.push({ local: alias ? this.name(alias) : imported, target, span, aliasSpan: alias ? { from: alias.from, to: alias.to } : undefined });
      if (!relative) {
        this.addChain(target, [imported], [span], true);
        if (alias) this.addChain(target, [this.name(alias)], [{ from: alias.from, to: alias.to }], false);
      }
      i = next - 1;
    }
    return { span: { from: node.from, to: node.to }, module: moduleText, kind: 'from', relative, bindings, scope: 'module', conditional: false };
  }
}
