/**
 * The one fix planner: for each finding of a scanned file, its safe fix as offset edits (or why there is none), and
 * for the whole file one merged, non-overlapping edit set that still parses. The light bulb, the "Migrate This File"
 * command, `source.fixAll` and the CLI's `--fix`/`--diff` all plan through here; adapters only convert offsets.
 */
import type { SyntaxNodeRef, Tree } from '@lezer/common';
import type { KnowledgeBase } from '../../knowledge';
import type { TimeBudget } from '../budget';
import { parser } from '../python/parser';
import { firstAtOrAfter, lastAtOrBefore } from '../sortedSearch';
import { drain, type Steps } from '../steps';
import { referenceAt } from '../python/referenceAt';
import type { PythonAnalysis } from '../python/types';
import type { PreparedSource } from '../scan/scanFile';
import { importInsertionOffset } from '../snippets/placement';
import type { Finding } from './findings';
import { planKeywordRename, planLeadingArgument, planRename } from './quickFix';
import { planArgumentReorder } from './reorder';

/** Replace `from`..`to` of the analysed program (a notebook: its joined code cells) with `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** What a fix writes, for its title: the adapters word it (and localise it) from this. */
export type FixTitle =
  | { kind: 'replace'; text: string }
  | { kind: 'rename-keyword'; from: string; to: string }
  | { kind: 'by-keyword'; keywords: string[] };

export interface PlannedFix {
  status: 'fix';
  finding: Finding;
  title: FixTitle;
  /** Edits in program offsets, without the import the fix may need. */
  edits: TextEdit[];
  /** An import statement the fix needs (`import torch`); a file plan adds each one once. */
  importLine?: string;
}

/** A fixed program and its parse tree, which a scan of what is left can read instead of parsing it again. */
export interface FixedProgram {
  program: string;
  tree?: Tree;
}

/** Why a finding gets no automatic edit. */
export type ManualReason =
  | 'advice'
  | 'reorder-unsafe'
  | 'keyword-without-rename'
  | 'no-replacement'
  | 'not-drop-in'
  | 'positional-arguments'
  | 'in-import'
  | 'no-edit-for-this-use'
  | 'already-written'
  | 'overlaps-another-fix'
  | 'would-break-syntax'
  | 'file-has-syntax-errors'
  | 'python2';

export interface SkippedFix {
  status: 'manual';
  finding: Finding;
  reason: ManualReason;
  /** One sentence for people (the CLI prints it; the editor words its own from `reason`). */
  message: string;
}

export type FindingFix = PlannedFix | SkippedFix;

/** A merged edit, with the fixes it belongs to (several when it is an import line they share). */
export interface PlannedEdit extends TextEdit {
  fixes: PlannedFix[];
  /** The import lines this edit adds, when it is the file's import insertion. */
  importLines?: string[];
}

export interface FilePlan {
  /** The fixes the merged edits apply, in source order. */
  fixes: PlannedFix[];
  /** Findings left for manual work, with the reason, in source order. */
  skipped: SkippedFix[];
  /** Sorted, non-overlapping edits in program offsets; applying them all is the fixed program. */
  edits: PlannedEdit[];
  /** Set when the whole file is left alone, saying why. */
  refused?: string;
  /** The program with the edits applied, and its parse (checked free of syntax errors); unset when refused. */
  result?: FixedProgram;
  /** Where the parser met the first syntax error of a refused file: 1-based line, and cell (among all cells). */
  syntaxErrorAt?: { line: number; cell?: number };
}

/** English words of a title, for the CLI (the extension localises the same two forms). */
export function describeFix(title: FixTitle): string {
  if (title.kind === 'replace') return `Replace with ${title.text}`;
  if (title.kind === 'rename-keyword') return `Rename keyword ${title.from}= to ${title.to}=`;
  return `Pass the arguments by keyword (${title.keywords.join(', ')})`;
}

/** Keyword findings (`keep_dims=`, `torch.load` without `weights_only=`) carry a rule id below their entry's. */
function isKeywordFinding(finding: Finding): boolean {
  return finding.ruleId !== `FG-${finding.entryName}`;
}

type FixRule = (finding: Finding, planner: FixPlanner) => FindingFix | undefined;

/** How each kind of finding maps to its edits: the first rule that answers decides; a new kind of fix plugs in here. */
const FIX_RULES: readonly FixRule[] = [(f, p) => p.argumentReorderFix(f), (f, p) => p.keywordRenameFix(f), (f, p) => p.replacementFix(f)];

/** The number of error nodes in the parse of `text`; a parse that fails counts as worse than any. */
export function syntaxErrorCount(text: string): number {
  try {
    let count = 0;
    parser.parse(text).iterate({
      enter: (node) => {
        if (node.type.isError) count++;
      },
    });
    return count;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** `text` with `edits` applied; the edits must be sorted by start (an insertion before a replacement at its offset) and must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return out + text.slice(at);
}

/** Two insertions at one point (their order is unclear) or two ranges that share a character. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.from === a.to && b.from === b.to) return a.from === b.from;
  return a.from < b.to && b.from < a.to;
}

/** Parser advances between two steps of a plan: each is a small piece of the parse. */
const PARSE_ADVANCES_PER_STEP = 64;

/** Rounds of dropping the fixes nearest the syntax errors they cause before every fix of the file is dropped. */
const SYNTAX_ROUNDS = 4;

/**
 * Edits kept sorted by start and pairwise free of conflicts, so the ones that could meet a new edit are found by
 * binary search: disjoint ranges sorted by start also have their ends in order.
 */
class DisjointEdits<T extends TextEdit> {
  private readonly items: T[] = [];

  /** An accepted edit that conflicts with `edit`, if any. */
  conflicting(edit: TextEdit): T | undefined {
    const items = this.items;
    // The first edit that ends at or after the new one's start: any conflict is there or after it.
    let i = firstAtOrAfter(0, items.length, (k) => items[k].to, edit.from);
    for (; i < items.length && items[i].from <= edit.to; i++) if (conflicts(items[i], edit)) return items[i];
    return undefined;
  }

  add(edit: T): void {
    const items = this.items;
    // Fixes come in source order, so this is nearly always the end; at one offset an insertion goes first.
    const at = firstAtOrAfter(0, items.length, (k) => items[k].from + (items[k].to > items[k].from ? 0.5 : 0), edit.from + (edit.to > edit.from ? 0.5 : 0));
    if (at === items.length) items.push(edit);
    else items.splice(at, 0, edit);
  }

  sorted(): T[] {
    return this.items;
  }
}

/**
 * The result of `edits` on `program`, its parse, where it has syntax errors (each with the fix of the edit nearest
 * before it), and where it first reads as Python 2. The parse is kept: the scan of what is left reads the same tree.
 */
function* checkResult(program: string, edits: readonly PlannedEdit[]): Generator<void, { result: FixedProgram; errors: Array<{ at: number; fix?: PlannedFix }>; python2At?: number }, void> {
  // The result, with where each edit's text landed in it.
  let out = '';
  let at = 0;
  const landed: number[] = [];
  for (const edit of edits) {
    out += program.slice(at, edit.from);
    landed.push(out.length);
    out += edit.text;
    at = edit.to;
  }
  out += program.slice(at);
  const errors: Array<{ at: number; fix?: PlannedFix }> = [];
  let python2At: number | undefined;
  let tree: Tree | undefined;
  try {
    const parse = parser.startParse(out);
    for (let steps = 1; !tree; steps++) {
      tree = parse.advance() ?? undefined;
      if (steps % PARSE_ADVANCES_PER_STEP === 0) yield;
    }
    tree.cursor().iterate((node) => {
      if (python2At === undefined && isPython2(node, out)) python2At = node.from;
      if (!node.type.isError) return errors.length < 64;
      const i = lastAtOrBefore(0, landed.length, (k) => landed[k], node.from);
      const nearest = edits[Math.max(0, i)];
      errors.push({ at: node.from, ...(nearest?.fixes[0] ? { fix: nearest.fixes[0] } : {}) });
      return false;
    });
  } catch {
    errors.push({ at: 0 });
  }
  return { result: { program: out, ...(tree ? { tree } : {}) }, errors, ...(python2At !== undefined ? { python2At } : {}) };
}

/**
 * Syntax only Python 2 has and the parser accepts: a print statement, `<>`, an octal `0777` or a long `10L`
 * literal, `except E, e:` and `raise E, "message"` (a comma straight inside the statement).
 */
function isPython2(node: SyntaxNodeRef, text: string): boolean {
  switch (node.name) {
    case 'PrintStatement':
      return true;
    case 'CompareOp':
      return text.slice(node.from, node.to) === '<>';
    case 'Number':
      return /^(0\d*[1-9]\d*|\d+[lL])$/.test(text.slice(node.from, node.to));
    case ',': {
      const parent = node.node.parent?.name;
      return parent === 'TryStatement' || parent === 'RaiseStatement';
    }
    default:
      return false;
  }
}

/** Where added imports go: the top of the file, or of the first Python code cell that is not a `%%` magic. */
interface ImportPlacement {
  at: number;
  /** A line break first, when the insertion point follows a last line without one. */
  before: string;
  eol: string;
}

/** Plans fixes for one analysed program; one instance per analysis. */
export class FixPlanner {
  private placement?: ImportPlacement | null;

  constructor(
    readonly prepared: PreparedSource,
    readonly analysis: PythonAnalysis,
    private readonly kb: KnowledgeBase,
    /** Checked per finding and per merged fix: a file's time limit (the CLI's). */
    private readonly budget?: TimeBudget,
  ) {}

  /** The finding's safe fix, or why it has none. */
  planFinding(finding: Finding): FindingFix {
    for (const rule of FIX_RULES) {
      const outcome = rule(finding, this);
      if (outcome) return outcome;
    }
    return this.manual(finding, 'no-replacement', 'no automatic fix for this finding');
  }

  /** A fix's edits with its import line, as one quick fix applies them alone. */
  editsOf(fix: PlannedFix): TextEdit[] {
    const edits = [...fix.edits];
    const placement = fix.importLine ? this.importPlacement() : undefined;
    if (fix.importLine && placement) edits.push({ from: placement.at, to: placement.at, text: `${placement.before}${fix.importLine}${placement.eol}` });
    return edits;
  }

  /**
   * Every safe fix of `findings` merged: imports added once, an edit that overlaps an earlier one skipped, and no fix
   * kept whose result parses worse than the file did. A file that already has syntax errors is left alone: its
   * analysis is best-effort and the result could not be checked.
   */
  planFile(findings: readonly Finding[]): FilePlan {
    const out: { plan?: FilePlan } = {};
    drain(this.planFileInSteps(findings, out), this.budget && (() => this.budget?.check()));
    return out.plan as FilePlan;
  }

  /**
   * planFile in steps (a finding, a fix or a slice of the parse each), the plan into `out.plan`: an editor runs them
   * between other work and can stop them; the CLI drains them, checking its time budget between steps.
   */
  *planFileInSteps(findings: readonly Finding[], out: { plan?: FilePlan }): Steps {
    const program = this.prepared.program;
    // The analysis already parsed the program: a clean parse means zero errors, and only the result needs a parse.
    if (this.analysis.hasSyntaxErrors) {
      // Python 2 code often has syntax Python 3 lacks (`print "a", b`): say which it is, with the first sign of it.
      const checked = yield* checkResult(program, []);
      if (checked.python2At !== undefined) {
        out.plan = this.refusePython2(findings, checked.python2At);
        return;
      }
      const at = this.lineOf(checked.errors[0]?.at ?? 0);
      const where = at.cell === undefined ? `near line ${at.line}` : `cell ${at.cell}, near line ${at.line}`;
      const refused = `it has syntax errors (${where}): fix them first, then run the fixes again`;
      out.plan = { fixes: [], skipped: findings.map((f) => this.manual(f, 'file-has-syntax-errors', refused)), edits: [], refused, syntaxErrorAt: at };
      return;
    }
    const fixes: PlannedFix[] = [];
    const skipped: SkippedFix[] = [];
    for (const finding of findings) {
      yield;
      const outcome = this.planFinding(finding);
      if (outcome.status === 'fix') fixes.push(outcome);
      else skipped.push(outcome);
    }
    let merged = yield* this.merge(fixes, skipped);
    // Rare: the merged edits leave a syntax error. Drop the fixes whose edits are nearest each error and try again, a
    // bounded number of times (a parse each), then drop them all: never a parse per fix, whatever the file holds.
    let result: FixedProgram = { program };
    for (let round = 0; merged.edits.length > 0; round++) {
      const checked = yield* checkResult(program, merged.edits);
      const errors = checked.errors;
      result = checked.result;
      // Python 2 code may parse (print statements, `except E, e:`), but the fixes name Python 3 releases' APIs.
      if (round === 0 && checked.python2At !== undefined) {
        out.plan = this.refusePython2(findings, checked.python2At);
        return;
      }
      if (errors.length === 0) break;
      const broken = new Set(round < SYNTAX_ROUNDS ? errors.flatMap((error) => (error.fix ? [error.fix] : [])) : merged.fixes);
      if (broken.size === 0) for (const fix of merged.fixes) broken.add(fix);
      for (const fix of broken) skipped.push(this.manual(fix.finding, 'would-break-syntax', 'the edit would leave code that no longer parses'));
      merged = yield* this.merge(
        merged.fixes.filter((fix) => !broken.has(fix)),
        skipped,
      );
    }
    const order = (a: { finding: Finding }, b: { finding: Finding }) => a.finding.span.from - b.finding.span.from;
    out.plan = { fixes: merged.fixes.sort(order), skipped: skipped.sort(order), edits: merged.edits, result };
  }

  /**
   * Accepts fixes in order; one whose edits meet an accepted edit is skipped. The accepted edits stay sorted and
   * disjoint, so each check is a binary search (fixes come in source order: an insertion is nearly always at the end).
   */
  private *merge(candidates: readonly PlannedFix[], skipped: SkippedFix[]): Generator<void, { fixes: PlannedFix[]; edits: PlannedEdit[] }, void> {
    const fixes: PlannedFix[] = [];
    const accepted = new DisjointEdits<PlannedEdit>();
    let importEdit: PlannedEdit | undefined;
    for (const fix of candidates) {
      yield;
      const own = fix.edits.map((e): PlannedEdit => ({ ...e, fixes: [fix] }));
      const placement = fix.importLine ? this.importPlacement() : undefined;
      const pseudoImport = placement && !importEdit ? [{ from: placement.at, to: placement.at, text: '' }] : [];
      const mine = [...own, ...pseudoImport];
      const selfClash = mine.some((e, i) => mine.some((o, j) => i !== j && conflicts(o, e)));
      const other = mine.map((e) => accepted.conflicting(e)).find((a) => a !== undefined);
      if (selfClash || other || (fix.importLine && !placement)) {
        const by = other?.fixes[0];
        skipped.push(this.manual(fix.finding, 'overlaps-another-fix', by ? `its edit overlaps the fix of ${by.finding.ruleId}; run the fixes again` : 'its edit overlaps another fix; run the fixes again'));
        continue;
      }
      fixes.push(fix);
      for (const e of own) accepted.add(e);
      if (fix.importLine && placement) {
        if (!importEdit) {
          importEdit = { from: placement.at, to: placement.at, text: '', fixes: [], importLines: [] };
          accepted.add(importEdit);
        }
        importEdit.fixes.push(fix);
        if (!importEdit.importLines!.includes(fix.importLine)) importEdit.importLines!.push(fix.importLine);
      }
    }
    const placement = this.importPlacement();
    if (importEdit && placement) importEdit.text = `${placement.before}${importEdit.importLines!.join(placement.eol)}${placement.eol}`;
    return { fixes, edits: accepted.sorted() };
  }

  /** TF1-order positional arguments passed by keyword (`tf.argmax(x, 1, "i")` → `tf.argmax(x, 1, name="i")`), see reorder.ts. */
  argumentReorderFix(finding: Finding): FindingFix | undefined {
    const reorder = finding.argumentReorder;
    if (!reorder) return undefined;
    const edits = planArgumentReorder(finding);
    if (!edits) return this.manual(finding, 'reorder-unsafe', reorder.refused ?? 'no keyword can carry these arguments into TensorFlow 2');
    const keywords = [...reorder.keywords.map((k) => `${k.name}=`), ...reorder.renames.map((r) => `${r.to}=`)];
    return { status: 'fix', finding, title: { kind: 'by-keyword', keywords }, edits };
  }

  /** `keep_dims=` → `keepdims=`: the keyword's name only. */
  keywordRenameFix(finding: Finding): FindingFix | undefined {
    if (!isKeywordFinding(finding)) return undefined;
    if (finding.advice) return this.manual(finding, 'advice', 'advice on a call: the argument to pass is your decision');
    const edit = planKeywordRename(finding);
    const rename = finding.keywordRename;
    if (!edit || !rename || this.analysis.text.slice(finding.span.from, finding.span.to) !== rename.from) {
      return this.manual(finding, 'keyword-without-rename', 'the keyword has no new name to write (or the call already passes it)');
    }
    return { status: 'fix', finding, title: { kind: 'rename-keyword', from: rename.from, to: rename.to }, edits: [edit] };
  }

  /** The replacement API written through the file's aliases, with a leading argument or an import when needed. */
  replacementFix(finding: Finding): FindingFix | undefined {
    const replacement = this.kb.get(finding.entryName)?.replacement;
    if (!replacement) return this.manual(finding, 'no-replacement', 'no replacement API to write');
    const note = replacement.note ? ` ${replacement.note}` : '';
    if (!replacement.dropIn && !replacement.leadingArgument) {
      return this.manual(finding, 'not-drop-in', `${replacement.name} is not a drop-in replacement for ${finding.entryName}.${note}`);
    }
    const reference = referenceAt(this.analysis.references, finding.span);
    if (!reference) return this.manual(finding, 'no-edit-for-this-use', 'no automatic edit for this use');
    // An import line names a module (`from tensorflow import gfile`): a dotted replacement there would not parse.
    if (reference.inImport) return this.manual(finding, 'in-import', 'in an import statement, where a dotted replacement would not parse');
    const text = this.analysis.text;
    const plan = planRename(reference, replacement.name, this.analysis.imports);
    const argument = replacement.leadingArgument ? planLeadingArgument(reference, replacement.leadingArgument, text) : undefined;
    if (replacement.leadingArgument && !argument) {
      return this.manual(finding, 'positional-arguments', `this call passes arguments by position, and ${replacement.name} takes ${replacement.leadingArgument} first.${note}`);
    }
    const current = text.slice(finding.span.from, finding.span.to);
    // Already written the safe way (e.g. through tf.compat.v1): nothing to edit, and a second run stays quiet.
    if (plan.text === current && !argument) return this.manual(finding, 'already-written', `already written as ${current}`);
    const edits: TextEdit[] = [];
    if (plan.text !== current) edits.push({ from: finding.span.from, to: finding.span.to, text: plan.text });
    if (argument) edits.push({ from: argument.at, to: argument.at, text: argument.text });
    const title = argument ? `${plan.text}(${argument.text.replace(/,\s*$/, ', …')})` : plan.text;
    return { status: 'fix', finding, title: { kind: 'replace', text: title }, edits, ...(plan.importLine ? { importLine: plan.importLine } : {}) };
  }

  private refusePython2(findings: readonly Finding[], offset: number): FilePlan {
    const at = this.lineOf(offset);
    const where = at.cell === undefined ? `line ${at.line}` : `cell ${at.cell}, line ${at.line}`;
    const refused = `it is Python 2 code (${where}): convert it to Python 3 first, then run the fixes again`;
    return { fixes: [], skipped: findings.map((f) => this.manual(f, 'python2', refused)), edits: [], refused };
  }

  private manual(finding: Finding, reason: ManualReason, message: string): SkippedFix {
    return { status: 'manual', finding, reason, message };
  }

  private importPlacement(): ImportPlacement | undefined {
    if (this.placement !== undefined) return this.placement ?? undefined;
    const notebook = this.prepared.notebook;
    let text = this.prepared.program;
    let base = 0;
    if (notebook) {
      // As the editor does: the first code cell that does not start with a `%%` magic, else the first code cell.
      const first = notebook.sources.findIndex((s) => !/^[ \t]*%%/.test(s));
      const index = first >= 0 ? first : 0;
      if (index >= notebook.sources.length) {
        this.placement = null;
        return undefined;
      }
      text = notebook.sources[index];
      base = notebook.joined.cellStarts[index];
    }
    const offset = importInsertionOffset(text);
    const newline = text.indexOf('\n');
    const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
    this.placement = { at: base + offset, before: offset > 0 && !text.slice(0, offset).endsWith('\n') ? eol : '', eol };
    return this.placement;
  }

  /** The 1-based line of a program offset, and in a notebook its cell (counted from 1 among all cells, as reports do). */
  private lineOf(offset: number): { line: number; cell?: number } {
    const notebook = this.prepared.notebook;
    let text = this.prepared.program;
    let local = offset;
    let cell: number | undefined;
    if (notebook) {
      const starts = notebook.joined.cellStarts;
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= offset) k++;
      text = notebook.sources[k] ?? '';
      local = offset - (starts[k] ?? 0);
      cell = notebook.cellIndexes[k];
    }
    const line = text.slice(0, local).split('\n').length;
    return cell === undefined ? { line } : { line, cell: cell + 1 };
  }
}

