/**
 * Calls that rely on a TF1 positional order TensorFlow 2 changed (`tf.argmax(x, 1, "idx")`: the third argument is
 * name= in TF1 but output_type= in TF 2.21): the finding, and the fix that passes those arguments by keyword with their
 * TF1 names, renamed as TF 2 names them, as tf_upgrade_v2 does. A fix is planned only when every keyword it leaves in
 * the call is a parameter of the TF 2.21 function and none is passed twice; otherwise the finding says why not.
 */
import type { KnowledgeEntry } from '../../knowledge';
import type { PositionalOrder } from '../../knowledge/types';
import { argumentSpan, type CallArgument, type CallArguments, type FrameworkReference, type Span } from '../python/types';
import type { Finding } from './findings';

/** What the keyword fix of a reorder finding needs, in the analysed text's offsets. */
export interface ArgumentReorder {
  /** The TF 2.21 function the keywords are written for (`tensorflow.io.decode_csv` for `tf.decode_csv`). */
  target: string;
  /** Each positional argument past the prefix where the orders agree, with the keyword it becomes. */
  keywords: Array<{ at: number; name: string }>;
  /** Keywords the call already passes under a TF1 name TF 2 renamed (`dimension=` → `axis=`). */
  renames: Array<{ span: Span; to: string }>;
  /** Why no fix is offered, when none is. */
  refused?: string;
}

/** An offset edit: replace `from..to` with `text` (an insertion when they are equal). */
export interface OffsetEdit {
  from: number;
  to: number;
  text: string;
}

const tfName = (name: string) => name.replace(/^tensorflow\b/, 'tf');

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The TF 2 keyword for a TF1 one: renamed, dropped (null) or unchanged. */
function renamed(order: PositionalOrder, tf1: string): string | null {
  return Object.prototype.hasOwnProperty.call(order.renames, tf1) ? order.renames[tf1] : tf1;
}

/** The keyword plan for `moved` (positional arguments from index `order.agree`) and the call's own keywords. */
function plan(order: PositionalOrder, call: CallArguments, moved: readonly CallArgument[]): ArgumentReorder {
  const items = call.items;
  const target = tfName(order.target);
  const result: ArgumentReorder = { target: order.target, keywords: [], renames: [] };
  const refuse = (why: string): ArgumentReorder => ({ target: order.target, keywords: [], renames: [], refused: why });
  if (items.some((a) => a.kind === 'star' || a.kind === 'doubleStar')) return refuse('the call passes *args or **kwargs, whose keywords cannot be checked');
  if (items.some((a) => a.kind === 'generator')) return refuse('the call passes a bare generator expression');
  const accepted = new Set(order.keywords);
  // The kept leading arguments fill the first parameters, which are the same in both releases.
  const filled = order.tf1.slice(0, order.agree).map((p) => renamed(order, p) as string);
  const keywordFor = (tf1: string): string | { refused: string } => {
    const to = renamed(order, tf1);
    const changed = order.valueChanges?.[tf1];
    if (changed) return { refused: changed };
    if (to === null) return { refused: `${tf1}= has no counterpart in TensorFlow 2 (tf_upgrade_v2 drops it); decide by hand whether the call needs it` };
    if (!accepted.has(to)) return { refused: `${to}= is not a parameter of ${target} in TensorFlow 2.21` };
    return to;
  };
  moved.forEach((argument, index) => {
    const keyword = keywordFor(order.tf1[order.agree + index]);
    if (typeof keyword !== 'string') {
      result.refused ??= keyword.refused;
      return;
    }
    result.keywords.push({ at: argumentSpan(call, argument).from, name: keyword });
    filled.push(keyword);
  });
  for (const argument of items) {
    if (argument.kind !== 'keyword' || !argument.name) continue;
    const keyword = keywordFor(argument.name);
    if (typeof keyword !== 'string') {
      result.refused ??= keyword.refused;
      continue;
    }
    const from = argumentSpan(call, argument).from;
    if (keyword !== argument.name) result.renames.push({ span: { from, to: from + argument.name.length }, to: keyword });
    filled.push(keyword);
  }
  const twice = filled.find((name, i) => filled.indexOf(name) !== i);
  if (!result.refused && twice) result.refused = `the call would pass ${twice}= twice`;
  return result.refused ? refuse(result.refused) : result;
}

/**
 * The finding for a call of `entry` that passes more positional arguments than the prefix where the TF1 and TF 2
 * orders agree. Calls through tf.compat.v1 keep the TF1 order and are left to the caller to skip; a call with more
 * positional arguments than TF1 took is not TF1 code and is left alone.
 */
export function reorderFinding(reference: FrameworkReference, entry: KnowledgeEntry): Finding | undefined {
  const order = entry.positionalOrder;
  const call = reference.callArguments;
  if (!order || !call || reference.inImport) return undefined;
  const positional = call.items.filter((a) => a.kind === 'positional');
  const star = call.items.find((a) => a.kind === 'star');
  if ((positional.length <= order.agree && !star) || positional.length > order.tf1.length) return undefined;
  const moved = positional.slice(order.agree);
  const first = moved[0] ?? star;
  if (!first) return undefined;
  const last = moved[moved.length - 1] ?? first;
  const ordinalText = ordinal(order.agree + 1);
  const tf1 = order.tf1[order.agree];
  const now = order.keywords[order.agree];
  const target = tfName(order.target);
  const where = order.target === entry.name ? `TensorFlow 2.21` : `${target} (its TensorFlow 2.21 successor)`;
  const after = renamed(order, tf1);
  let message: string;
  if (!moved.length) message = `Positional arguments of ${reference.written} changed order in TF 2; *args may reach positions whose meaning changed.`;
  else if (after === null || !order.keywords.includes(after)) {
    // No keyword can carry this argument into TF 2: say what the position was, not "pass it by keyword".
    message = `The ${ordinalText} positional argument of ${reference.written} is ${tf1}= in TF 1, a parameter ${target} no longer has in TensorFlow 2.21${now ? ` (it reads that position as ${now}=)` : ''}.`;
  } else {
    const detail = now ? `the ${ordinalText} is ${tf1}= in TF 1, ${now}= in ${where}` : `the ${ordinalText} is ${tf1}= in TF 1; ${where} takes ${order.agree} positional arguments`;
    message = `Positional arguments of ${reference.written} changed order in TF 2; pass them by keyword (${detail}).`;
  }
  return {
    ruleId: `FG-${entry.name}.positional-order`,
    severity: 'information',
    status: 'removed',
    message,
    span: { from: argumentSpan(call, first).from, to: argumentSpan(call, last).to },
    entryName: entry.name,
    docs: entry.docs,
    advice: true,
    argumentReorder: plan(order, call, moved),
  };
}

/**
 * The edits of a reorder fix: `name=` before each moved positional argument and the renamed keywords, in text order;
 * undefined when the finding has no safe fix.
 */
export function planArgumentReorder(finding: Pick<Finding, 'argumentReorder'>): OffsetEdit[] | undefined {
  const reorder = finding.argumentReorder;
  if (!reorder || reorder.refused || (!reorder.keywords.length && !reorder.renames.length)) return undefined;
  const edits: OffsetEdit[] = [
    ...reorder.keywords.map((k) => ({ from: k.at, to: k.at, text: `${k.name}=` })),
    ...reorder.renames.map((r) => ({ from: r.span.from, to: r.span.to, text: r.to })),
  ];
  return edits.sort((a, b) => a.from - b.from);
}
