/**
 * The walk and resolution after an edit, done again only for the top-level statements the edit touched: the other
 * statements' chains and imports are reused (moved by the edit's length after it), unless the edit changed a module
 * binding that names may resolve through, in which case the caller walks the whole file again.
 */
import type { ChangedRange, Tree } from '@lezer/common';
import { CollectedFile, collectFile, collectUnits, frameworkRootOf, topLevelUnits, type Chain, type ModuleBinding, type StarImport, type TopLevelUnit } from './collect';
import { namesOf, resolveChainsInSteps, userAttributeSites, type UserAttributeSite } from './resolve';
import { chainsInSteps, clipRuns, runOf, type ChainRun } from './chainRuns';
import { lengthChange } from './editMapping';
import type { FrameworkRoot, ImportStatement, Span } from './types';

/** What the next version's walk reuses from this one; every position is in this version's text. */
export interface WalkResult {
  units: readonly TopLevelUnit[];
  moduleBindings: readonly ModuleBinding[];
  stars: readonly StarImport[];
  /** Names the module scope imports (a binding of any other name never makes a framework reference). */
  importedNames: ReadonlySet<string>;
  imports: readonly ImportStatement[];
  /** Every framework chain, sorted by start, as runs over the blocks of this and earlier walks (see chainRuns). */
  runs: readonly ChainRun[];
  frameworks: ReadonlySet<FrameworkRoot>;
  hasSyntaxErrors: boolean;
  /** Where the file sets attributes on framework packages (`tf.model = …`): those names are the file's own. */
  userAttributes: readonly UserAttributeSite[];
}

/**
 * Runs after which the walk merges them into one block. Typing in one place keeps three (before, the edited statement,
 * after); each edit elsewhere adds two. Merging moves every chain once, so it is rare and done in steps.
 */
const MAX_RUNS = 16;

/** The whole walk and resolution of `tree`, in steps; the result goes to `out.result`. */
export function* walkWhole(tree: Tree, text: string, out: { result?: WalkResult }): Generator<void, void, void> {
  const collected = new CollectedFile();
  yield* collectFile(tree, text, collected);
  const chains: Chain[] = [];
  const userAttributes = userAttributeSites(collected, text);
  yield* resolveChainsInSteps(collected, text, chains, namesOf(userAttributes));
  out.result = {
    userAttributes,
    units: collected.units,
    moduleBindings: collected.moduleBindings,
    stars: collected.stars,
    importedNames: collected.moduleScope.importedNames,
    imports: collected.imports,
    runs: runOf(chains),
    frameworks: collected.frameworks,
    hasSyntaxErrors: collected.hasSyntaxErrors,
  };
}

const sameUnit = (a: { from: number; to: number; type: number }, b: { from: number; to: number; type: number }, shift: number) =>
  a.from + shift === b.from && a.to + shift === b.to && a.type === b.type;

/**
 * The walk of `tree` (the text after `range`) reusing `previous` (the walk before it) for every top-level statement
 * the edit left alone. Sets `out.result`, or leaves it unset when a module binding changed (the caller walks all).
 */
export function* walkAfterEdit(tree: Tree, text: string, previous: WalkResult, range: ChangedRange, out: { result?: WalkResult }): Generator<void, void, void> {
  const delta = lengthChange(range);
  const oldUnits = previous.units;
  const newUnits = topLevelUnits(tree);
  // Statements strictly before the edit and strictly after it, unchanged in extent and kind, are reused.
  let prefix = 0;
  while (prefix < oldUnits.length && prefix < newUnits.length && oldUnits[prefix].to < range.fromA && sameUnit(oldUnits[prefix], newUnits[prefix], 0)) prefix++;
  let suffix = 0;
  while (
    suffix < oldUnits.length - prefix &&
    suffix < newUnits.length - prefix &&
    oldUnits[oldUnits.length - 1 - suffix].from > range.toA &&
    sameUnit(oldUnits[oldUnits.length - 1 - suffix], newUnits[newUnits.length - 1 - suffix], delta)
  )
    suffix++;
  const prefixEnd = prefix > 0 ? oldUnits[prefix - 1].to : 0;
  const suffixFrom = suffix > 0 ? oldUnits[oldUnits.length - suffix].from : Number.MAX_SAFE_INTEGER;
  const region = (at: number) => (at < prefixEnd ? 'prefix' : at >= suffixFrom ? 'suffix' : 'middle');
  const move = (s: Span): Span => ({ from: s.from + delta, to: s.to + delta });

  const collected = new CollectedFile();
  const oldMiddleBindings: ModuleBinding[] = [];
  const suffixBindings: ModuleBinding[] = [];
  for (const binding of previous.moduleBindings) {
    const where = region(binding.unitFrom);
    if (where === 'prefix') {
      collected.moduleScope.bind(binding.name, binding.event);
      collected.moduleBindings.push(binding);
    } else if (where === 'middle') oldMiddleBindings.push(binding);
    else suffixBindings.push({ name: binding.name, event: { ...binding.event, effectiveFrom: binding.event.effectiveFrom + delta }, unitFrom: binding.unitFrom + delta });
  }
  const middleStart = collected.moduleBindings.length;
  let newMiddleBindings: ModuleBinding[] = [];
  yield* collectUnits(tree, text, collected, prefix, newUnits.length - suffix, () => {
    newMiddleBindings = collected.moduleBindings.slice(middleStart);
    for (const binding of suffixBindings) {
      collected.moduleScope.bind(binding.name, binding.event);
      collected.moduleBindings.push(binding);
    }
  });

  // Names resolve through the module's bindings: a change there can change references anywhere.
  const oldStars = previous.stars.filter((s) => region(s.unitFrom) === 'middle');
  const anyStars = previous.stars.length > 0 || collected.stars.length > 0;
  const relevant = (b: ModuleBinding) => anyStars || previous.importedNames.has(b.name) || collected.moduleScope.importedNames.has(b.name);
  const signature = (bindings: readonly ModuleBinding[]) =>
    bindings
      .filter(relevant)
      .map((b) => `${b.name}\u0000${b.event.isImport}\u0000${b.event.target ?? ''}\u0000${b.event.fallback}`)
      .join('\u0001');
  if (signature(oldMiddleBindings) !== signature(newMiddleBindings) || oldStars.map((s) => s.module).join() !== collected.stars.map((s) => s.module).join()) return;

  // The middle's stars go between the reused ones: star resolution reads them all, in order.
  const middleStars = collected.stars.splice(0);
  for (const star of previous.stars) if (region(star.unitFrom) === 'prefix') collected.stars.push(star);
  for (const star of middleStars) collected.stars.push(star);
  for (const star of previous.stars) if (region(star.unitFrom) === 'suffix') collected.stars.push({ ...star, effectiveFrom: star.effectiveFrom + delta, unitFrom: star.unitFrom + delta });

  // Attributes set on packages hold for the whole file: the reused chains were cut by the old set, so a changed set
  // means a whole walk.
  const userAttributes: UserAttributeSite[] = [];
  for (const site of previous.userAttributes) if (region(site.at) === 'prefix') userAttributes.push(site);
  for (const site of userAttributeSites(collected, text)) userAttributes.push(site);
  for (const site of previous.userAttributes) if (region(site.at) === 'suffix') userAttributes.push({ at: site.at + delta, name: site.name });
  const names = namesOf(userAttributes);
  const before = namesOf(previous.userAttributes);
  if (names.size !== before.size || [...names].some((n) => !before.has(n))) return;

  const middleChains: Chain[] = [];
  yield* resolveChainsInSteps(collected, text, middleChains, names);

  // The chains before and after the middle are shared with the previous walk, not copied: a run records the move.
  let runs: ChainRun[] = [];
  clipRuns(previous.runs, 0, prefixEnd, 0, runs);
  for (const run of runOf(middleChains)) runs.push(run);
  clipRuns(previous.runs, suffixFrom, Number.MAX_SAFE_INTEGER, delta, runs);
  if (runs.length > MAX_RUNS) {
    const merged: Chain[] = [];
    yield* chainsInSteps(runs, merged);
    runs = runOf(merged);
  }

  const imports: ImportStatement[] = [];
  let middleImports: ImportStatement[] | undefined = collected.imports;
  const flushMiddle = () => {
    for (const statement of middleImports ?? []) imports.push(statement);
    middleImports = undefined;
  };
  for (const statement of previous.imports) {
    const where = region(statement.span.from);
    if (where === 'prefix') imports.push(statement);
    else if (where === 'suffix') {
      flushMiddle();
      imports.push({ ...statement, span: move(statement.span), bindings: statement.bindings.map((b) => ({ ...b, span: move(b.span), ...(b.aliasSpan ? { aliasSpan: move(b.aliasSpan) } : {}) })) });
    }
  }
  flushMiddle();

  const units: TopLevelUnit[] = [...oldUnits.slice(0, prefix), ...collected.units];
  for (const unit of oldUnits.slice(oldUnits.length - suffix)) units.push({ from: unit.from + delta, to: unit.to + delta, type: unit.type, hasErrors: unit.hasErrors });
  out.result = {
    userAttributes,
    units,
    moduleBindings: collected.moduleBindings,
    stars: collected.stars,
    importedNames: collected.moduleScope.importedNames,
    imports,
    runs,
    frameworks: frameworksOf(imports),
    hasSyntaxErrors: units.some((u) => u.hasErrors),
  };
}

/** The frameworks the imports name, as the walk collects them. */
function frameworksOf(imports: readonly ImportStatement[]): Set<FrameworkRoot> {
  const frameworks = new Set<FrameworkRoot>();
  for (const statement of imports) {
    if (statement.relative) continue;
    const root = frameworkRootOf(statement.module);
    if (root) frameworks.add(root);
    for (const binding of statement.bindings) {
      const bindingRoot = frameworkRootOf(binding.target);
      if (bindingRoot) frameworks.add(bindingRoot);
    }
  }
  return frameworks;
}
