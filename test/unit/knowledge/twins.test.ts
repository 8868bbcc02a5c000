/**
 * Corrections carried to twins: entries that share a claim are checked together, so a difference written for one pair
 * is not missing from its twin. Twins are found by construction: the two directions of one pair, pairs whose two sides
 * have the same signatures (tf.argmax/torch.argmax and tf.argmin/torch.argmin), and a note that calls another entry old.
 */
import * as assert from 'node:assert';
import { ALL_ENTRIES } from '../../../src/knowledge/all';
import type { ApiRef, KnowledgeEntry } from '../../../src/knowledge/types';
import { dumpFor, parametersOf, Surfaces, type DumpedName } from './apiSurface';

const surfaces = new Surfaces();
const byName = new Map(ALL_ENTRIES.map((e) => [e.name, e] as const));

/** Whether an equivalence says how the two sides differ: a note, structured facts, or a run that documents a difference. */
const documented = (ref: ApiRef | undefined): boolean => !!ref && (!!ref.note || measured(ref));

/** A difference established by structured facts or by running both sides (checked-equivalences.json), not only prose. */
const measured = (ref: ApiRef | undefined): boolean => !!ref && (!!ref.params?.length || !!ref.layout || !!ref.output || ref.checked === 'documented-difference');

/**
 * A name's parameter names, from the dumps (`undefined` when the dump has no signature). Names only: docstring
 * signatures of C builtins write the same default differently (torch.argmax's `dim`, torch.argmin's `dim=None`).
 */
const shapes = new Map<string, string | undefined>();
function shape(name: string): string | undefined {
  if (!shapes.has(name)) shapes.set(name, parametersOf(surfaces.find(name))?.map((p) => p.name).join(', '));
  return shapes.get(name);
}

const moduleOf = (name: string) => name.slice(0, name.lastIndexOf('.'));
const frameworkOf = (e: KnowledgeEntry) => (e.framework === 'pytorch' ? 'pytorch' : 'tensorflow');

/**
 * The substitution that turns one name into the other (`max` -> `min` for tf.argmax / tf.argmin), as the differing
 * middle of the two names; undefined when they differ in more than one place.
 */
function substitution(a: string, b: string): string | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const from = a.slice(start, a.length - end);
  const to = b.slice(start, b.length - end);
  // A small change of the name (max/min, rfft/irfft, softmax/log_softmax), not two unrelated short names (all/max).
  const small = from.length <= 4 && to.length <= 4 && Math.min(from.length, to.length) < 3;
  return (from || to) && small ? `${from}>${to}` : undefined;
}

/** Every cross-framework equivalence, both ways where both entries list each other. */
function crossPairs(): Array<{ from: KnowledgeEntry; ref: ApiRef; back?: ApiRef }> {
  const out: Array<{ from: KnowledgeEntry; ref: ApiRef; back?: ApiRef }> = [];
  for (const e of ALL_ENTRIES) {
    for (const ref of e.equivalents ?? []) {
      const other = byName.get(ref.name);
      if (other && frameworkOf(other) === frameworkOf(e)) continue;
      out.push({ from: e, ref, back: other?.equivalents?.find((q) => q.name === e.name) });
    }
  }
  return out;
}

suite('twins: a claim holds for every entry that shares it', () => {
  test('pairs whose two sides have the same signatures document the same difference (tf.argmax / tf.argmin)', () => {
    // Only pairs between the same two modules can be twins: compare within those groups.
    const groups = new Map<string, ReturnType<typeof crossPairs>>();
    for (const p of crossPairs()) {
      if (!dumpFor(p.from.name) || !dumpFor(p.ref.name)) continue;
      const key = `${moduleOf(p.from.name)} ${moduleOf(p.ref.name)}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const bad: string[] = [];
    let twins = 0;
    const candidates = [...groups.values()].flatMap((group) => group.flatMap((a) => group.filter((b) => a.from.name < b.from.name).map((b) => [a, b] as const)));
    for (const [a, b] of candidates) {
      // Twins: the same change of name on both sides (argmax -> argmin in TensorFlow and in PyTorch), same signatures.
      const change = substitution(a.from.name, b.from.name);
      if (change === undefined || change !== substitution(a.ref.name, b.ref.name)) continue;
      const [fromA, fromB, toA, toB] = [shape(a.from.name), shape(b.from.name), shape(a.ref.name), shape(b.ref.name)];
      if (fromA === undefined || toA === undefined || fromA !== fromB || toA !== toB) continue;
      twins++;
      const aSays = documented(a.ref) || documented(a.back);
      const bSays = documented(b.ref) || documented(b.back);
      if (aSays !== bSays) bad.push(`${a.from.name} -> ${a.ref.name} ${aSays ? 'documents a difference' : 'says nothing'}, its twin ${b.from.name} -> ${b.ref.name} ${bSays ? 'does' : 'does not'}`);
    }
    assert.ok(twins >= 5, `twin pairs found: ${twins}`);
    assert.deepStrictEqual(bad, []);
  });

  test('the two directions of one pair agree: a difference measured one way is written the other way too', () => {
    const bad: string[] = [];
    let both = 0;
    for (const { from, ref, back } of crossPairs()) {
      if (!back) continue;
      both++;
      if (measured(ref) && !documented(back)) bad.push(`${from.name} -> ${ref.name} documents a difference, ${ref.name} -> ${from.name} says nothing`);
    }
    assert.ok(both >= 100, `pairs listed both ways: ${both}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a note that calls another API old or deprecated agrees with that API\'s own entry', () => {
    const bad: string[] = [];
    const OLD = /(?:instead of|in place of) the old ([\w.]+)|the old ([\w.]+) spelling|(?<![\w.])([a-z][\w]*(?:\.[\w]+)+) is deprecated/g;
    for (const e of ALL_ENTRIES) {
      for (const text of [e.summary, e.replacement?.note ?? '', ...(e.equivalents ?? []).map((q) => q.note ?? '')]) {
        for (const m of text.matchAll(OLD)) {
          const written = m[1] ?? m[2] ?? m[3];
          const root = e.name.split('.')[0];
          const name = [written, `${root}.${written}`].find((n) => byName.has(n));
          if (!name) continue;
          const other = byName.get(name) as KnowledgeEntry;
          if (other.status.state === 'current') bad.push(`${e.name} calls ${written} old or deprecated, but ${name} is current: "${other.summary}"`);
        }
      }
    }
    assert.deepStrictEqual(bad, []);
  });
});

/** Everything an equivalence says of the two sides: its note, layouts, outputs and argument mappings. */
function says(ref: ApiRef): string {
  const facts = [ref.note, ref.layout?.ours, ref.layout?.theirs, ref.output?.ours, ref.output?.theirs];
  for (const p of ref.params ?? []) facts.push(p.ours, p.theirs, p.note);
  return facts.filter(Boolean).join(' ');
}

/** The TensorFlow/Keras side and the PyTorch side of a cross-framework pair, whichever entry lists it. */
function sides(from: KnowledgeEntry, ref: ApiRef): { tf: string; torch: string } {
  return frameworkOf(from) === 'pytorch' ? { tf: ref.name, torch: from.name } : { tf: from.name, torch: ref.name };
}

/** A convolution by its last name part: conv2d, Conv3D, ConvTranspose1d, Conv2DTranspose, depthwise_conv2d (not ConvNeXt). */
const CONVOLUTION = /^(?:depthwise_?)?conv(?:transpose)?(?:\d[dD])?(?:_?transpose)?$/i;

/** A PyTorch module that draws its own initial weights: it or a base class (torch.nn.RNNBase) defines reset_parameters. */
function resetsParameters(name: string): boolean {
  for (let at: string | undefined = name, hops = 0; at && hops < 10; hops++) {
    const record: DumpedName | undefined = surfaces.find(at)?.record;
    if (record?.members?.includes('reset_parameters')) return true;
    at = record?.base;
  }
  return false;
}

/** A PyTorch cross-entropy by its last name part: they read the classes on dim 1 (not binary_cross_entropy). */
const CROSS_ENTROPY = /^(?:cross_entropy|CrossEntropyLoss|nll_loss|NLLLoss)$/;

/** Keras initializer arguments of a layer's weights (not gamma/beta of a normalisation, which start as PyTorch's do). */
const WEIGHT_INITIALIZER = /^(?:kernel|depthwise|embeddings|alpha)_initializer$/;

/** A TensorFlow or Keras loss that takes the labels first: a function of (y_true, ...) or (labels, ...), or a keras.Loss. */
function labelsFirst(name: string): boolean {
  const found = surfaces.find(name);
  if (found?.record.kind === 'class') {
    for (let at = found.record.base, hops = 0; at && hops < 10; hops++) {
      if (at === 'keras.Loss') return true;
      at = surfaces.find(at)?.record.base;
    }
    return false;
  }
  const first = surfaces.parameters(name)?.[0]?.name;
  return first === 'y_true' || first === 'labels';
}

/** A PyTorch loss that takes the prediction first: a function of (input, target, ...) or a torch.nn loss module. */
function predictionFirst(name: string): boolean {
  if (surfaces.find(name)?.record.kind === 'class') return /^torch\.nn\.\w+Loss$/.test(name);
  const params = surfaces.parameters(name)?.map((p) => p.name) ?? [];
  return params[0] === 'input' && params.includes('target');
}

suite('twins: every pair of one kind states the difference that kind has', () => {
  // Second audit of issue 30 (bench/audit-issue30-second.md): these differences were written for some pairs of a kind
  // and left out of others (tf.nn.conv3d gave only the input layout, VGG16 said nothing of preprocessing).
  test('a convolution pair states the weight layouts, not only the input layouts (tf.nn.conv3d, torch.nn.Conv3d)', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const last = (name: string) => name.slice(name.lastIndexOf('.') + 1);
      if (!CONVOLUTION.test(last(from.name)) || !CONVOLUTION.test(last(ref.name))) continue;
      pairs++;
      if (!/kernel|filter|weight/i.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 15, `convolution pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a pair with a Keras loss that has from_logits says what each side takes (sparse_categorical_crossentropy)', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const keras = sides(from, ref).tf;
      if (!surfaces.parameters(keras)?.some((p) => p.name === 'from_logits')) continue;
      pairs++;
      if (!/from_logits/.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 8, `pairs with a from_logits loss: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a pair of a torchvision model builder and a Keras application says how each side loads weights, prepares inputs and ends', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const names = [from.name, ref.name];
      if (from.kind === 'module' || !names.some((n) => n.startsWith('torchvision.models.')) || !names.some((n) => n.startsWith('keras.applications.'))) continue;
      pairs++;
      const text = says(ref);
      // Third audit: Keras applications end in a softmax (classifier_activation='softmax'), torchvision models in logits.
      if (!/weights/.test(text) || !/preprocess|normalis|rescal/i.test(text) || !/softmax/.test(text) || !/logits/.test(text)) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 10, `model pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a pair whose two sides default the axis differently says so (tf.nn.l2_normalize axis=None, F.normalize dim=1)', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const { tf, torch } = sides(from, ref);
      const axis = surfaces.parameters(tf)?.find((p) => p.name === 'axis');
      const dim = surfaces.parameters(torch)?.find((p) => p.name === 'dim');
      // Only defaults both signatures state: a required dim, or a C builtin without one, says nothing of a default.
      if (axis?.default === undefined || dim?.default === undefined || axis.default === dim.default) continue;
      pairs++;
      if (!/\baxis\b|\bdim\b/.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: axis=${axis.default}, dim=${dim.default}, "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 5, `pairs with two axis defaults: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  // Third audit of issue 30 (bench/audit-issue30-third.md): these differences were written for one pair of a kind
  // (KLDivLoss's argument order, Conv2d's initial weights, Dropout's training flag) and left out of the others.
  test('a loss pair says which argument comes first: Keras (y_true, y_pred) and tf.nn (labels, logits) against PyTorch (input, target)', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const { tf, torch } = sides(from, ref);
      if (!labelsFirst(tf) || !predictionFirst(torch)) continue;
      pairs++;
      if (!/\((?:y_true, y_pred|labels, logits)\)/.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 30, `loss pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a cross-entropy pair says which axis holds the classes (the last in Keras and tf.nn, dim 1 in PyTorch)', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const { tf, torch } = sides(from, ref);
      if (!CROSS_ENTROPY.test(torch.slice(torch.lastIndexOf('.') + 1)) || !surfaces.parameters(tf)?.some((p) => p.name === 'axis')) continue;
      pairs++;
      const text = says(ref);
      if (!/\baxis\b/.test(text) || !/\bdim\b/.test(text)) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 8, `cross-entropy pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a pair of a PyTorch layer with reset_parameters and a Keras layer with a weight initializer says the initial weights differ', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const { tf, torch } = sides(from, ref);
      if (!resetsParameters(torch)) continue;
      // A TF1 layer (tf.layers.dense) only raises under Keras 3: read the initializers of the Keras layer it names.
      const keras = surfaces.parameters(tf) ? tf : byName.get(tf)?.replacement?.name;
      const initializers = (keras ? surfaces.parameters(keras) : undefined)?.filter((p) => WEIGHT_INITIALIZER.test(p.name));
      if (!initializers?.length) continue;
      pairs++;
      if (!/\binitial/i.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: ${initializers.map((p) => `${p.name}=${p.default}`).join(', ')}`);
    }
    assert.ok(pairs >= 30, `weighted layer pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });

  test('a dropout pair says Keras drops by the training flag of the call, PyTorch by the module mode', () => {
    const bad: string[] = [];
    let pairs = 0;
    for (const { from, ref } of crossPairs()) {
      const { tf, torch } = sides(from, ref);
      // PyTorch's p has a default, Keras's rate has none: the dropout modules and layers (and F.dropout / tf.nn.dropout).
      const p = surfaces.parameters(torch)?.find((x) => x.name === 'p');
      const rate = surfaces.parameters(tf)?.find((x) => x.name === 'rate');
      if (p?.default === undefined || !rate || rate.default !== undefined) continue;
      pairs++;
      if (!/training/.test(says(ref))) bad.push(`${from.name} -> ${ref.name}: "${ref.note ?? ''}"`);
    }
    assert.ok(pairs >= 8, `dropout pairs: ${pairs}`);
    assert.deepStrictEqual(bad, []);
  });
});
