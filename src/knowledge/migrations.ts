/**
 * Migration rules built by construction from facts: TF1-only names (tf.compat.v1 has them, TF 2.21 does not) with
 * the successors of TensorFlow's own upgrade tables, keyword renames and changed positional orders the TF 2.21 signatures confirm, Keras 2 backend
 * names Keras 3 dropped, modules absent from the installed releases, and TorchFix's deprecated PyTorch names. Hand-written entries always win over these.
 */
import type { KnowledgeEntry, PositionalOrder, SymbolKind } from './types';
import { docsUrl } from './define';
import migrations from './data/generated/migrations.json';
import torchfix, { TORCH_LOAD_ADVICE } from './data/pytorch/torchfix';
import ABSENT from './data/absent';
import { tfKerasMissingEntries } from './privatePaths';

interface RemovedName {
  kind: string;
  successor: string | null;
  dropIn: boolean;
  /** Set for pre-1.0 names, which TensorFlow 1.0 already renamed. */
  since?: string;
}

interface MigrationData {
  tensorflowRemoved: Record<string, RemovedName>;
  tensorflowKeywords: Record<string, Record<string, string | null>>;
  tensorflowReorders: Record<string, PositionalOrder>;
  tensorflowKeywordValueChanges: Record<string, Record<string, string>>;
  keras2Removed: Record<string, { kind: string; successor: string | null }>;
  torchLegacyReduction: string[];
}

const DATA = migrations as unknown as MigrationData;
const UPGRADE_TOOL = 'https://github.com/tensorflow/tensorflow/tree/v2.21.0/tensorflow/tools/compatibility';
const UPGRADE_TOOL_1_0 = 'https://github.com/tensorflow/tensorflow/blob/de41ddb5e8afe693ae96b051c7ddf2e098ed60cc/tensorflow/tools/compatibility/tf_upgrade.py';
const MIGRATE_GUIDE = 'https://www.tensorflow.org/guide/migrate';
const KERAS_MIGRATION = 'https://keras.io/guides/migrating_to_keras_3/';
const VERIFIED_TF = 'TensorFlow 2.21.0 API dump and tf_upgrade_v2 tables (generated), 2026-11-27';
const TF2 = { state: 'removed' as const, since: '2.0', date: '2019-09' };

function symbolKind(kind: string): SymbolKind {
  return kind === 'module' || kind === 'class' || kind === 'constant' ? kind : 'function';
}

const tfName = (name: string) => name.replace(/^tensorflow\b/, 'tf');

function tensorflowRemoved(name: string, fact: RemovedName): KnowledgeEntry {
  const compat = fact.successor?.startsWith('tensorflow.compat.v1.') ?? false;
  const summary = compat
    ? `TF1 ${fact.kind} absent from the TensorFlow 2 namespace; TensorFlow 2.21 keeps it as ${tfName(fact.successor as string)}.`
    : fact.successor
      ? `TF1 ${fact.kind} absent from the TensorFlow 2 namespace; TensorFlow's upgrade tool maps it to ${tfName(fact.successor)}.`
      : `TF1 ${fact.kind} absent from the TensorFlow 2 namespace.`;
  const entry: KnowledgeEntry = {
    name,
    framework: 'tensorflow',
    kind: symbolKind(fact.kind),
    summary: fact.since ? `Pre-1.0 TensorFlow ${fact.kind}; TensorFlow 1.0 renamed it${fact.successor ? ` (today: ${tfName(fact.successor)})` : ''}.` : summary,
    status: fact.since ? { state: 'removed', since: fact.since } : TF2,
    verified: VERIFIED_TF,
    docs: docsUrl.tf(fact.successor ?? name.replace(/^tensorflow\./, 'tensorflow.compat.v1.')),
    sources: fact.since ? [UPGRADE_TOOL_1_0, UPGRADE_TOOL] : [UPGRADE_TOOL, MIGRATE_GUIDE],
  };
  if (fact.successor) {
    entry.replacement = {
      name: fact.successor,
      dropIn: fact.dropIn || undefined,
      note: fact.dropIn ? undefined : 'TensorFlow\'s upgrade tool does more than rename this call (arguments or behaviour differ): check the docs.',
    };
  }
  return entry;
}

function keras2Entry(path: string, fact: { kind: string; successor: string | null }): KnowledgeEntry {
  const entry: KnowledgeEntry = {
    name: `keras.${path}`,
    framework: 'keras',
    kind: symbolKind(fact.kind),
    summary: `Keras 2 ${fact.kind}; Keras 3 has no keras.${path} (the tf.keras view of TensorFlow 2.21 still has it).`,
    status: { state: 'removed', since: '3.0', date: '2023-11' },
    verified: 'TensorFlow 2.21.0 / Keras 3.15.1 API dumps (generated), 2026-11-27',
    docs: KERAS_MIGRATION,
    sources: [KERAS_MIGRATION],
  };
  if (fact.successor) entry.replacement = { name: fact.successor, note: `${fact.successor} works on every Keras 3 backend; check its arguments.` };
  return entry;
}

/** The same Keras 2 functions under tf.keras.backend, where TensorFlow 2.21 keeps them: exact entries stop the alias to keras.* from reporting them. */
function tfKerasEntry(path: string, fact: { kind: string }): KnowledgeEntry {
  return {
    name: `tensorflow.keras.${path}`,
    framework: 'keras',
    kind: symbolKind(fact.kind),
    summary: `Keras 2 ${fact.kind} still exported by the tf.keras view of TensorFlow 2.21; import keras (Keras 3) has no keras.${path}.`,
    status: { state: 'current' },
    verified: 'TensorFlow 2.21.0 API dump (generated), 2026-11-27',
    docs: KERAS_MIGRATION,
    sources: [KERAS_MIGRATION],
  };
}

/** Current TF 2 functions that no longer take a TF1 keyword or order: the entry only carries those rules. */
function keywordCarrier(name: string): KnowledgeEntry {
  return {
    name,
    framework: 'tensorflow',
    kind: 'function',
    summary: `TensorFlow 2.21 function ${tfName(name)}.`,
    status: { state: 'current' },
    verified: VERIFIED_TF,
    docs: docsUrl.tf(name),
    sources: [UPGRADE_TOOL],
  };
}

/** A carrier of a function whose order changed says both orders, since it stands in for the baseline note (with the signature). */
function orderCarrier(entry: KnowledgeEntry, order: PositionalOrder | undefined): KnowledgeEntry {
  if (!order) return entry;
  const summary = `TensorFlow 2.21 function ${tfName(entry.name)}(${order.keywords.join(', ')}); TF 1 took (${order.tf1.join(', ')}), so positional arguments written for TF 1 can mean something else.`;
  return { ...entry, summary, positionalOrder: order };
}

function keywordRules(table: Record<string, string | null>, valueChanges: Record<string, string> = {}): NonNullable<KnowledgeEntry['keywords']> {
  const rules: NonNullable<KnowledgeEntry['keywords']> = {};
  for (const [old, renamed] of Object.entries(table)) {
    // A keyword whose new name takes another form of value gets the explanation and no rename fix.
    const changed = valueChanges[old];
    rules[old] = {
      status: TF2,
      note: renamed ? `TensorFlow 2 calls it ${renamed}=${changed ? `; ${changed}` : ''}.` : 'TensorFlow 2 dropped it.',
      renamedTo: renamed && !changed ? renamed : undefined,
    };
  }
  return rules;
}

/** size_average= and reduce= of PyTorch losses: still accepted by 2.13 but documented as deprecated in favour of reduction=. */
function torchReductionCarrier(name: string): KnowledgeEntry {
  const note = "documented as deprecated in PyTorch 2.13 (see reduction=): pass reduction='mean', 'sum' or 'none' instead.";
  const rule = { status: { state: 'deprecated' as const }, note };
  return {
    name,
    framework: 'pytorch',
    kind: /\.[A-Z]/.test(name) ? 'class' : 'function',
    summary: `PyTorch 2.13 loss ${name}.`,
    status: { state: 'current' },
    verified: 'PyTorch 2.13.0 API dump (generated), 2026-11-27',
    docs: docsUrl.torch(name),
    sources: ['https://github.com/pytorch/pytorch/blob/main/torch/nn/_reduction.py'],
    keywords: { size_average: rule, reduce: rule },
  };
}

/** Every generated migration entry (keyword rules come as carrier entries, merged into hand-written ones by `withMigrations`). */
export function migrationEntries(): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  const reorders = DATA.tensorflowReorders;
  const withOrder = (entry: KnowledgeEntry): KnowledgeEntry => (reorders[entry.name] ? { ...entry, positionalOrder: reorders[entry.name] } : entry);
  for (const [name, fact] of Object.entries(DATA.tensorflowRemoved)) out.push(withOrder(tensorflowRemoved(name, fact)));
  for (const [name, table] of Object.entries(DATA.tensorflowKeywords)) out.push(orderCarrier({ ...keywordCarrier(name), keywords: keywordRules(table, DATA.tensorflowKeywordValueChanges[name]) }, reorders[name]));
  // Current TF 2 functions with a changed order and no other generated fact: the entry only carries the order.
  for (const name of Object.keys(reorders)) {
    if (!(name in DATA.tensorflowRemoved) && !(name in DATA.tensorflowKeywords)) out.push(orderCarrier(keywordCarrier(name), reorders[name]));
  }
  for (const [path, fact] of Object.entries(DATA.keras2Removed)) out.push(keras2Entry(path, fact), tfKerasEntry(path, fact));
  out.push(...ABSENT, ...tfKerasMissingEntries());
  for (const name of DATA.torchLegacyReduction) out.push(torchReductionCarrier(name));
  out.push(...torchfix, TORCH_LOAD_ADVICE);
  return out;
}

/**
 * The hand-written entries plus the generated ones they do not already cover. A hand-written entry keeps every field;
 * it only gains the generated keyword rules, omitted-keyword advice and positional order it does not state itself.
 */
export function withMigrations(handWritten: readonly KnowledgeEntry[], generated: readonly KnowledgeEntry[] = migrationEntries()): KnowledgeEntry[] {
  const byName = new Map(handWritten.map((e) => [e.name, e] as const));
  const added: KnowledgeEntry[] = [];
  for (const entry of generated) {
    const own = byName.get(entry.name);
    if (!own) {
      added.push(entry);
      continue;
    }
    const merged = { ...own };
    if (entry.keywords) merged.keywords = { ...entry.keywords, ...own.keywords };
    if (entry.omittedKeywords) merged.omittedKeywords = { ...entry.omittedKeywords, ...own.omittedKeywords };
    if (entry.positionalOrder && !own.positionalOrder) merged.positionalOrder = entry.positionalOrder;
    byName.set(entry.name, merged);
  }
  return [...handWritten.map((e) => byName.get(e.name) as KnowledgeEntry), ...added];
}
