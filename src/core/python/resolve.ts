/** Resolves the collected name loads through scopes and imports, and turns framework ones into attribute chains. */
import type { SyntaxNode, Tree, TreeCursor } from '@lezer/common';
import type { BindingEvent, Chain, CollectedFile, NameLoad, Scope } from './collect';
import { frameworkRootOf } from './collect';
import { PYTHON_BUILTINS } from './builtins';
import { drain } from '../steps';
import { lastAtOrBefore } from '../sortedSearch';
import { NodeKind, nodeKind } from './nodeTypes';
import type { CallArgument, CallArguments, Span } from './types';

const { VariableName, MemberExpression, PropertyName, CallExpression, ArgList, AssignOp, BracketOpen } = NodeKind;

/**
 * What a name means at `pos`, looking outward through scopes as Python does (class bodies are skipped by
 * nested functions). A string is a framework target; null means bound to something else; undefined means
 * unbound (a builtin, a typo, or a name a star import may provide).
 *
 * Within one scope, the binding in force is the last one before `pos`; a use before every binding takes the
 * scope's first binding (flow-insensitive, like Python's own "assigned anywhere makes it local"). Assignments in
 * an `except` handler are the `tf = None` fallback of an optional import and never hide the import.
 */
function resolveName(name: string, pos: number, start: Scope, moduleScope: Scope): string | null | undefined {
  let scope: Scope | undefined = start;
  while (scope) {
    if (scope.kind === 'class' && scope !== start) {
      scope = scope.parent;
      continue;
    }
    const passthrough = scope.passthrough?.get(name);
    if (passthrough === 'global' && scope !== moduleScope) {
      scope = moduleScope;
      continue;
    }
    if (passthrough === 'nonlocal') {
      scope = scope.parent;
      continue;
    }
    const events = scope.bindings.get(name);
    if (events) return bindingInForce(scope, name, events, pos);
    scope = scope.parent;
  }
  return undefined;
}

/** The binding in force at `pos`: the last one at or before it, else the first (a binary search: names like `x` have thousands). */
function bindingInForce(scope: Scope, name: string, events: BindingEvent[], pos: number): string | null {
  if (!scope.importedNames.has(name)) return null;
  const inForce = events[Math.max(0, lastAtOrBefore(0, events.length, (i) => events[i].effectiveFrom, pos))];
  return inForce?.isImport && inForce.target ? inForce.target : null;
}

/**
 * Star imports: `from torch.nn import *` makes a name that nothing else binds (and that is no builtin and
 * not private) resolve to `torch.nn.<name>`. The last star import before the use wins, as at run time; a
 * later non-framework star import (`from numpy import *`) takes the name away again.
 */
function resolveThroughStar(name: string, pos: number, collected: CollectedFile): string | undefined {
  if (collected.stars.length === 0 || PYTHON_BUILTINS.has(name) || name.startsWith('_')) return undefined;
  let star = collected.stars[0];
  for (const candidate of collected.stars) if (candidate.effectiveFrom <= pos) star = candidate;
  return frameworkRootOf(star.module) ? `${star.module}.${name}` : undefined;
}

/** Keyword argument names and spans of a call's argument list: `(x, volatile=True)` → volatile. */
function keywordsOf(argList: SyntaxNode, text: string): Array<{ name: string; span: Span }> {
  const keywords: Array<{ name: string; span: Span }> = [];
  for (let child = argList.firstChild; child; child = child.nextSibling) {
    // `**options` may pass any keyword: recorded as `**` so rules about a missing keyword can stay silent.
    if (child.to - child.from === 2 && text.startsWith('**', child.from) && child.firstChild === null && nodeKind(child) !== VariableName) {
      keywords.push({ name: '**', span: { from: child.from, to: child.to } });
      continue;
    }
    if (nodeKind(child) !== VariableName) continue;
    const next = child.nextSibling;
    if (next && nodeKind(next) === AssignOp && text.charCodeAt(next.from) === 0x3d /* '=' */ && text.charCodeAt(next.from + 1) !== 0x3d) {
      keywords.push({ name: text.slice(child.from, child.to), span: { from: child.from, to: child.to } });
    }
  }
  return keywords.slice();
}

/**
 * The call's argument list: its span, how many arguments are not `name=value` keywords (positional ones, `*args` and
 * `**kwargs` count), so a fix that adds a leading argument knows whether the order is safe, and each argument with
 * its span, so a fix can turn positional arguments into keywords.
 */
function callArgumentsOf(argList: SyntaxNode, text: string): CallArguments {
  const items: CallArgument[] = [];
  let group: SyntaxNode[] = [];
  const close = () => {
    if (group.length) items.push(argumentOf(group, text, argList.from));
    group = [];
  };
  for (let child = argList.firstChild; child; child = child.nextSibling) {
    if (child.name === '(' || child.name === ')' || child.name === ',') close();
    else group.push(child);
  }
  close();
  return { span: { from: argList.from, to: argList.to }, positional: items.filter((a) => a.kind !== 'keyword').length, items: items.slice() };
}

/** One argument from its sibling nodes (the grammar keeps them flat in the ArgList). */
function argumentOf(nodes: SyntaxNode[], text: string, base: number): CallArgument {
  const first = nodes[0];
  const at = { from: first.from - base, to: nodes[nodes.length - 1].to - base };
  const head = text.slice(first.from, first.to);
  if (head === '**' && first.firstChild === null && nodeKind(first) !== VariableName) return { kind: 'doubleStar', at };
  if (head === '*' && first.firstChild === null && nodeKind(first) !== VariableName) return { kind: 'star', at };
  const second = nodes[1];
  if (nodeKind(first) === VariableName && second && nodeKind(second) === AssignOp && text.charCodeAt(second.from) === 0x3d && text.charCodeAt(second.from + 1) !== 0x3d) {
    return { kind: 'keyword', at, name: head };
  }
  return { kind: nodes.some((n) => n.name === 'for') ? 'generator' : 'positional', at };
}

/** Extends a name to its attribute chain (`tf` → `tf.keras.layers.Dense`), stopping at calls and subscripts. */
function chainFromName(nameNode: SyntaxNode, target: string, text: string): Chain {
  const names = [text.slice(nameNode.from, nameNode.to)];
  const spans: Span[] = [{ from: nameNode.from, to: nameNode.to }];
  let outer: SyntaxNode = nameNode;
  for (let parent = outer.parent; parent && nodeKind(parent) === MemberExpression; parent = parent.parent) {
    if (parent.firstChild?.from !== outer.from || parent.firstChild.to !== outer.to) break;
    const property = parent.lastChild;
    if (!property || nodeKind(property) !== PropertyName || nodeKind(property.prevSibling) === BracketOpen) break;
    names.push(text.slice(property.from, property.to));
    spans.push({ from: property.from, to: property.to });
    outer = parent;
  }
  // Copied to their exact length: a list grown by push keeps spare room, and every chain of a file lives as long as
  // its analysis (a tenth of a 10,000-line file's retained analysis was that spare room).
  const chain: Chain = { baseQualified: target, names: names.slice(), spans: spans.slice(), inImport: false, isReference: true };
  const call = outer.parent;
  if (call && nodeKind(call) === CallExpression && call.firstChild?.from === outer.from && call.firstChild.to === outer.to) {
    const args = call.lastChild;
    if (args && nodeKind(args) === ArgList) {
      chain.callKeywords = keywordsOf(args, text);
      chain.callArguments = callArgumentsOf(args, text);
    }
  }
  return chain;
}

/**
 * Qualified names the file itself puts on a framework package: `tf.model = tf.keras.Sequential()` makes
 * `tf.model.fit` the user's object, not a TensorFlow API. Only attributes set directly on a name bound to a
 * top-level package (`tensorflow`, `torch`, `keras`) count: their attributes are modules, functions and classes,
 * so setting one replaces it with the file's own object, while `cudnn.benchmark = True` on a submodule binding
 * sets a framework flag that stays the framework's. An attribute set anywhere in the file, in any scope, holds for
 * the whole file: it changes the shared module object, so every use in the file sees it once the assignment ran.
 */
export function userAttributeSites(collected: CollectedFile, text: string): UserAttributeSite[] {
  const sites: UserAttributeSite[] = [];
  for (const assignment of collected.attributeAssignments) {
    const name = text.slice(assignment.from, assignment.to);
    const target = resolveName(name, assignment.from, assignment.scope, collected.moduleScope);
    if (target && !target.includes('.') && frameworkRootOf(target)) sites.push({ at: assignment.from, name: `${target}.${assignment.attribute}` });
  }
  return sites;
}

/** Where a file sets an attribute on a framework package, and the qualified name it makes the file's own. */
export interface UserAttributeSite {
  at: number;
  name: string;
}

export const namesOf = (sites: readonly UserAttributeSite[]): Set<string> => new Set(sites.map((s) => s.name));

/**
 * The chain cut before its first segment the file set itself (`tf.model.fit` → `tf`), no longer a reference: the
 * package name keeps its hover, the user's names get none. Unchanged when no prefix of it is the user's.
 */
function withoutUserAttributes(chain: Chain, userAttributes: ReadonlySet<string>): Chain {
  let qualified = chain.baseQualified;
  for (let segment = 1; segment < chain.names.length; segment++) {
    qualified = `${qualified}.${chain.names[segment]}`;
    if (!userAttributes.has(qualified)) continue;
    return { baseQualified: chain.baseQualified, names: chain.names.slice(0, segment), spans: chain.spans.slice(0, segment), inImport: chain.inImport, isReference: false };
  }
  return chain;
}

/**
 * The VariableName node of a load. Loads come in document order and the cursor moves on from the previous name, so
 * finding the few framework names costs less than keeping a node for every name.
 */
function nameNodeAt(cursor: TreeCursor, tree: Tree, load: NameLoad): SyntaxNode | undefined {
  const isName = (at: { from: number; to: number; type: { id: number } }) => at.from === load.from && at.to === load.to && nodeKind(at) === VariableName;
  // One cursor moved from name to name: Tree.resolveInner would cache a node per tree in a WeakMap, which kept the
  // trees of a CLI scan alive until a full collection (peak RSS +15 MB on the 2,000-file tree).
  cursor.moveTo(load.from, 1);
  for (;;) {
    if (isName(cursor)) return cursor.node;
    if (cursor.from < load.from || cursor.to > load.to || !cursor.parent()) break;
  }
  // An empty error node where the name starts can hide it from moveTo: search the range from the top.
  let found: SyntaxNode | undefined;
  tree.iterate({
    from: load.from,
    to: load.to,
    enter: (ref) => {
      if (found) return false;
      if (isName(ref)) found = ref.node;
      return undefined;
    },
  });
  return found;
}

/** Loads resolved between two yields of `resolveChainsInSteps`. */
const LOADS_PER_STEP = 128;

/**
 * Every framework chain of the file into `chains`: code references first resolved from the loads, then the import
 * chains. Yields every thousand loads so an async caller can give the thread back (a 50,000-line file has 70,000).
 * `userAttributes` are the names the whole file sets on packages (the incremental walk passes them, since it
 * collects only the statements an edit touched); by default those `collected` sets.
 */
export function* resolveChainsInSteps(
  collected: CollectedFile,
  text: string,
  chains: Chain[],
  userAttributes: ReadonlySet<string> = namesOf(userAttributeSites(collected, text)),
): Generator<void, void, void> {
  let resolved = 0;
  let cursor: TreeCursor | undefined;
  const keep = (chain: Chain): Chain => (userAttributes.size ? withoutUserAttributes(chain, userAttributes) : chain);
  for (const load of collected.loads) {
    if (++resolved % LOADS_PER_STEP === 0) yield;
    const target = resolveLoad(load, text, collected);
    if (!target) continue;
    if (load.decoratorChain) {
      const { names, spans, argList } = load.decoratorChain;
      const callKeywords = argList ? keywordsOf(argList, text) : undefined;
      const callArguments = argList ? callArgumentsOf(argList, text) : undefined;
      chains.push(keep({ baseQualified: target, names, spans, inImport: false, isReference: true, callKeywords, callArguments }));
      continue;
    }
    if (!collected.tree) continue;
    cursor ??= collected.tree.cursor();
    const node = nameNodeAt(cursor, collected.tree, load);
    if (node) chains.push(keep(chainFromName(node, target, text)));
  }
  // A loop, not push(...importChains): spreading 150,000 import chains as arguments overflows the stack.
  for (const chain of collected.importChains) chains.push(chain);
  chains.sort((a, b) => a.spans[0].from - b.spans[0].from);
}

/** Every framework chain of the file, at once. */
export function resolveChains(collected: CollectedFile, text: string): Chain[] {
  const chains: Chain[] = [];
  drain(resolveChainsInSteps(collected, text, chains));
  return chains;
}

function resolveLoad(load: NameLoad, text: string, collected: CollectedFile): string | undefined {
  const name = text.slice(load.from, load.to);
  const resolved = resolveName(name, load.from, load.scope, collected.moduleScope);
  if (resolved === null) return undefined;
  return resolved ?? resolveThroughStar(name, load.from, collected);
}
