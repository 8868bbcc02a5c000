/** Turns an analysis into findings: references to APIs the knowledge base marks deprecated or removed. */
import { NAMESPACE_ALIASES, type KnowledgeBase, type KnowledgeEntry, type Lifecycle, type LookupResult } from '../../knowledge';
import type { KeywordRule } from '../../knowledge/types';
import type { FrameworkReference, ImportStatement, PythonAnalysis, Span } from '../python/types';
import { FRAMEWORK_LABEL } from '../../knowledge/frameworks';
import { planRename } from './quickFix';
import { reorderFinding, type ArgumentReorder } from './reorder';
import { drain, type Steps } from '../steps';

export interface Finding {
  /** `FG-` + the entry's canonical name: one rule per API, so SARIF viewers group by API. */
  ruleId: string;
  /** `warning` for removed APIs, `information` for deprecated ones (and TF1 APIs kept by tf.compat.v1). */
  severity: 'warning' | 'information';
  /** The lifecycle state this finding reports, after the tf.compat.v1 downgrade. */
  status: Exclude<Lifecycle, 'current'>;
  message: string;
  span: Span;
  entryName: string;
  replacement?: string;
  docs: string;
  /**
   * The code already uses the TF1 API through tf.compat.v1, which TensorFlow 2 keeps: valid code, so editors show it
   * as a hint without the deprecated strikethrough (setting `diagnostics.compatModeSeverity`).
   */
  compatV1?: true;
  /** Advice on a call rather than a deprecation (`torch.load` without `weights_only=`): no strikethrough. */
  advice?: true;
  /** A keyword finding whose whole fix is writing another keyword name (`keep_dims=` → `keepdims=`). */
  keywordRename?: { from: string; to: string };
  /** A call relying on a TF1 positional order TF 2 changed: the keywords its fix writes, or why there is no fix. */
  argumentReorder?: ArgumentReorder;
}

/** `tf.Session`, not `tf.Session (tensorflow.Session)`: the canonical name only when the alias hides the API's path. */
function writtenName(reference: FrameworkReference, entry: KnowledgeEntry): string {
  const written = reference.written.split('.');
  const sameTail = written.length > 1 && entry.name.endsWith('.' + written.slice(1).join('.'));
  return reference.written === entry.name || sameTail ? reference.written : `${reference.written} (${entry.name})`;
}

/** The message leads with what to do, so a truncated Problems row still shows it. */
function describe(reference: FrameworkReference, result: LookupResult, status: Exclude<Lifecycle, 'current'>, viaCompatV1: boolean, imports: readonly ImportStatement[]): string {
  const { entry } = result;
  const since = entry.status.since ? ` since ${FRAMEWORK_LABEL[entry.framework]} ${entry.status.since}` : '';
  const what = writtenName(reference, entry);
  const state = viaCompatV1 ? `deprecated (legacy compat mode: removed${since}, still reachable through tf.compat.v1)` : `${status}${since}`;
  // A name the installed release lacks: say so against that release, or what using it raises there.
  const absent = result.absent;
  const verb = !absent ? `is ${state}` : absent.raises ? `raises in ${absent.release}: ${absent.raises.replace(/\.$/, '')}` : `is not in ${absent.release}${since ? ` (removed${since})` : ''}`;
  // Through tf.compat.v1 the code already uses the compat name; pointing at it again would not help.
  const replacement = entry.replacement && !(viaCompatV1 && entry.replacement.name.startsWith('tensorflow.compat.')) ? entry.replacement : undefined;
  // The call to write, or the replacement as this file would write it (`tf.compat.v1.Session` under `import tensorflow as tf`).
  const action = replacement ? `Use ${replacement.usage ?? planRename(reference, replacement.name, imports).text} instead: ` : '';
  // A replacement that is more than a rename needs its explanation in the message too (a scanner has no hover).
  const how = replacement && !replacement.dropIn && replacement.note ? ` ${replacement.note}` : '';
  // The tf.compat.v1 copy of a graph-mode API raises under eager execution: say so where the message sends the code there.
  const toCompat = viaCompatV1 || (replacement?.dropIn === true && replacement.name.startsWith('tensorflow.compat.v1.'));
  const graph = entry.graphMode && toCompat ? ` Graph mode only: under eager execution ${entry.graphMode.call} raises ${entry.graphMode.raises.split(':')[0]}; call tf.compat.v1.disable_v2_behavior() first.` : '';
  return `${action}${what} ${verb}.${how}${graph}`;
}

/** References looked up between two yields of findDeprecationsInSteps (the first lookups of a session run cold). */
const REFERENCES_PER_STEP = 64;

/** Findings for every reference whose API is deprecated or removed, in document order. */
export function findDeprecations(analysis: PythonAnalysis, kb: KnowledgeBase): Finding[] {
  const findings: Finding[] = [];
  drain(findDeprecationsInSteps(analysis, kb, findings));
  return findings;
}

/** findDeprecations in steps, into `findings`: an editor gives the thread back in between. */
export function* findDeprecationsInSteps(analysis: PythonAnalysis, kb: KnowledgeBase, findings: Finding[]): Steps {
  let looked = 0;
  for (const reference of analysis.references) {
    if (++looked % REFERENCES_PER_STEP === 0) yield;
    const result = kb.lookup(reference.qualifiedName);
    if (!result) continue;
    const finding = apiFinding(reference, result, analysis.imports);
    if (finding) findings.push(finding);
    // The keyword rules of a TF 2 entry describe its TF 2 signature; through tf.compat.v1 the TF1 signature is called.
    const tf1Signature = result.match === 'alias' && result.compatV1 === true;
    if (result.match !== 'module' && !tf1Signature) for (const keyword of keywordFindings(reference, result.entry)) findings.push(keyword);
    if (result.match !== 'module') for (const advice of omittedKeywordFindings(reference, result.entry)) findings.push(advice);
    // Through tf.compat.v1 the TF1 signature, and so the TF1 order, is still the one called.
    const reorder = result.match !== 'module' && !result.compatV1 ? reorderFinding(reference, result.entry) : undefined;
    if (reorder) findings.push(reorder);
  }
}

/** The finding for the API itself, when the base marks it deprecated or removed. */
function apiFinding(reference: FrameworkReference, result: LookupResult, imports: readonly ImportStatement[]): Finding | undefined {
  const { entry } = result;
  if (result.absent?.plugin) return pluginFinding(reference, result);
  const state = entry.status.state;
  if (state === 'current') return undefined;
  // A module fallback only counts when the module itself is deprecated or removed (`tensorflow.contrib.*`).
  if (result.match === 'module' && entry.kind !== 'module' && entry.kind !== 'class') return undefined;
  // Import lines are reported only for removed modules; uses of deprecated names are reported where they are used.
  // A name the installed release lacks fails where it is imported too, reported once: `from keras.layers.normalization
  // import BatchNormalization` on the module it names, not again on the name imported from it.
  if (reference.inImport && !(entry.kind === 'module' && state === 'removed') && !result.absent) return undefined;
  const importedFromMissing = reference.inImport && !reference.written.includes('.') && result.absent !== undefined && result.absent.missing !== reference.qualifiedName;
  if (importedFromMissing) return undefined;
  const viaCompatV1 = result.compatV1 === true && state === 'removed';
  const status = viaCompatV1 ? 'deprecated' : state;
  const finding: Finding = {
    ruleId: `FG-${entry.name}`,
    severity: status === 'removed' ? 'warning' : 'information',
    status,
    message: describe(reference, result, status, viaCompatV1, imports),
    span: result.match === 'module' && entry.kind === 'class' ? classSpan(reference, result) : reference.span,
    entryName: entry.name,
    docs: entry.docs,
  };
  if (entry.replacement) finding.replacement = entry.replacement.name;
  if (viaCompatV1) finding.compatV1 = true;
  return finding;
}

/** `torch.npu.synchronize()`: not a removed API but a device module an out-of-tree package adds; said as information. */
function pluginFinding(reference: FrameworkReference, result: LookupResult): Finding {
  const absent = result.absent as NonNullable<LookupResult['absent']>;
  return {
    ruleId: `FG-${result.entry.name}`,
    severity: 'information',
    status: 'deprecated',
    message: `${reference.written} needs an out-of-tree device plugin: ${absent.release} itself has no ${absent.missing}; the package that registers it must be installed and imported.`,
    span: reference.span,
    entryName: result.entry.name,
    docs: result.entry.docs,
    advice: true,
  };
}

/**
 * For a member of a removed class (`tf.GraphKeys.TRAINABLE_VARIABLES`), the span of the class part only, so a rename
 * fix replaces the class and keeps the member. Written with spaces or comments inside, the whole reference is kept.
 */
function classSpan(reference: FrameworkReference, result: LookupResult): Span {
  const extra = result.query.split('.').length - result.entry.name.split('.').length;
  const written = reference.written.split('.');
  if (extra <= 0 || extra >= written.length || reference.span.to - reference.span.from !== reference.written.length) return reference.span;
  return { from: reference.span.from, to: reference.span.from + written.slice(0, written.length - extra).join('.').length };
}

/**
 * False for a keyword rule that began in a later major release than the one an alias names: tf_keras (Keras 2) still
 * takes the lr= that Keras 3 rejects.
 */
function ruleHoldsThrough(reference: FrameworkReference, entry: KnowledgeEntry, rule: KeywordRule): boolean {
  const alias = NAMESPACE_ALIASES.find((a) => reference.qualifiedName.startsWith(a.from));
  if (!alias?.release || alias.release.framework !== entry.framework) return true;
  const major = parseInt(rule.status.since ?? '', 10);
  return Number.isNaN(major) || major <= alias.release.major;
}

/** Findings for keyword arguments the base marks deprecated or removed (`Variable(x, volatile=True)`). */
function keywordFindings(reference: FrameworkReference, entry: KnowledgeEntry): Finding[] {
  if (!entry.keywords || !reference.callKeywords) return [];
  const out: Finding[] = [];
  for (const keyword of reference.callKeywords) {
    const rule = Object.prototype.hasOwnProperty.call(entry.keywords, keyword.name) ? entry.keywords[keyword.name] : undefined;
    if (!rule || rule.status.state === 'current' || !ruleHoldsThrough(reference, entry, rule)) continue;
    const since = rule.status.since ? ` since ${FRAMEWORK_LABEL[entry.framework]} ${rule.status.since}` : '';
    // A rename is offered only when the call does not pass the new keyword too (that would be a repeated keyword).
    const rename = rule.renamedTo && !reference.callKeywords.some((k) => k.name === rule.renamedTo) ? { from: keyword.name, to: rule.renamedTo } : undefined;
    out.push({
      ruleId: `FG-${entry.name}.${keyword.name}`,
      severity: rule.status.state === 'removed' ? 'warning' : 'information',
      status: rule.status.state,
      message: `${rule.note} (${keyword.name}= of ${entry.name} is ${rule.status.state}${since}.)`,
      span: keyword.span,
      entryName: entry.name,
      docs: entry.docs,
      ...(rename ? { keywordRename: rename } : {}),
    });
  }
  return out;
}

/** Advisory findings for calls that leave out a keyword whose default changed (`torch.load(f)` without `weights_only=`). */
function omittedKeywordFindings(reference: FrameworkReference, entry: KnowledgeEntry): Finding[] {
  if (!entry.omittedKeywords || !reference.callKeywords || reference.inImport) return [];
  const passed = new Set(reference.callKeywords.map((k) => k.name));
  // `**options` may carry the keyword: nothing can be said about such a call.
  if (passed.has('**')) return [];
  return Object.entries(entry.omittedKeywords)
    .filter(([name]) => !passed.has(name))
    .map(([name, rule]) => ({
      ruleId: `FG-${entry.name}.${name}`,
      severity: 'information' as const,
      // The nearest lifecycle state: relying on this default is what changed.
      status: 'deprecated' as const,
      message: `${reference.written}() without ${name}=: ${rule.note}`,
      span: reference.span,
      entryName: entry.name,
      docs: entry.docs,
      advice: true as const,
    }));
}
