/**
 * One API next to its counterpart in the other framework, for the comparison panel's "compare" view: both signatures,
 * the arguments that correspond with both defaults, the layouts and outputs that differ, the docs, and a paired
 * example from the snippet catalog. Plain data built from the knowledge entries; the webview renders it as text.
 */
import type { KnowledgeBase } from '../../knowledge';
import { FRAMEWORK_LABEL } from '../../knowledge/frameworks';
import type { ApiRef, KnowledgeEntry, ParamMapping, SideBySide } from '../../knowledge/types';
import { SNIPPET_CATALOG } from '../snippets/catalog';
import { fillDefaults, withImportLines } from '../snippets/expand';
import type { SnippetTask } from '../snippets/types';
import { statusLine } from './hoverNote';

export interface PairSide {
  name: string;
  /** `PyTorch`, `TensorFlow`, `Keras`. */
  framework: string;
  kind: string;
  /** As the installed release prints it (`(in_features: int, out_features: int, bias: bool = True, ...)`). */
  signature?: string;
  summary: string;
  /** `Current in PyTorch 2.13`, `Removed in TensorFlow 2.0`. */
  status: string;
  docs: string;
}

export interface PairCounterpart extends PairSide {
  /** What a user must know when switching, in our words. */
  note?: string;
  params: ParamMapping[];
  layout?: SideBySide;
  output?: SideBySide;
  /** The equivalence test layer runs both sides: equal outputs, or the difference the note documents. */
  checked?: 'equal' | 'documented-difference';
}

export interface PairExample {
  /** Snippet task id, for "Insert". */
  task: string;
  title: string;
  differences: string;
  tensorflow: string;
  pytorch: string;
}

export interface PairView {
  api: PairSide;
  counterparts: PairCounterpart[];
  example?: PairExample;
}

function side(entry: KnowledgeEntry, signature: string | undefined): PairSide {
  return {
    name: entry.name,
    framework: FRAMEWORK_LABEL[entry.framework],
    kind: entry.kind,
    ...(signature ? { signature } : {}),
    summary: entry.summary,
    status: statusLine(entry.status, entry.framework, false) ?? `Current in ${FRAMEWORK_LABEL[entry.framework]}`,
    docs: entry.docs,
  };
}

function counterpart(ref: ApiRef, kb: KnowledgeBase, signatureOf: (name: string) => string | undefined): PairCounterpart | undefined {
  const entry = kb.get(ref.name);
  if (!entry) return undefined;
  return {
    ...side(entry, signatureOf(ref.name)),
    ...(ref.note ? { note: ref.note } : {}),
    params: ref.params ?? [],
    ...(ref.layout ? { layout: ref.layout } : {}),
    ...(ref.output ? { output: ref.output } : {}),
    ...(ref.checked ? { checked: ref.checked } : {}),
  };
}

/** The snippet task both sides belong to: the entry's own tag, else the first task whose variants use both APIs. */
function exampleFor(entry: KnowledgeEntry, counterparts: readonly PairCounterpart[]): PairExample | undefined {
  const uses = (task: SnippetTask, name: string) => task.tensorflow.apis.includes(name) || task.pytorch.apis.includes(name);
  const task =
    SNIPPET_CATALOG.find((t) => entry.tags?.includes(t.id)) ??
    SNIPPET_CATALOG.find((t) => uses(t, entry.name) && counterparts.some((c) => uses(t, c.name)));
  if (!task) return undefined;
  const code = (variant: SnippetTask['tensorflow']) => fillDefaults(withImportLines(variant));
  return { task: task.id, title: task.title, differences: task.differences, tensorflow: code(task.tensorflow), pytorch: code(task.pytorch) };
}

/** The pair view of `name`, or undefined when it has no counterpart in the knowledge base. */
export function buildPairView(name: string, kb: KnowledgeBase, signatureOf: (name: string) => string | undefined): PairView | undefined {
  const entry = kb.get(name);
  if (!entry?.equivalents?.length) return undefined;
  const counterparts = entry.equivalents.map((ref) => counterpart(ref, kb, signatureOf)).filter((c): c is PairCounterpart => c !== undefined);
  if (counterparts.length === 0) return undefined;
  const example = exampleFor(entry, counterparts);
  return { api: side(entry, signatureOf(entry.name)), counterparts, ...(example ? { example } : {}) };
}
