/**
 * Every name the knowledge recommends runs in the installed releases, checked per name against the API dumps and the
 * tree of installed names (what only raises counts as missing): replacements, equivalents, the call a fix writes, the
 * names a note quotes, and the names a note implies for each member of the group it is written for ("tf.compat.v1
 * keeps the TF1 behaviour" on tf.layers.conv1d means tf.compat.v1.layers.conv1d).
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_ENTRIES, KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import INSTALLED from '../../../src/knowledge/data/generated/installed-names.json';
import GRAPH_MODE from '../../../src/knowledge/data/tensorflow/graph-mode.json';
import { KnowledgeBase } from '../../../src/knowledge/index';
import { InstalledNames, type InstalledData } from '../../../src/knowledge/installed';
import type { KnowledgeEntry } from '../../../src/knowledge/types';
import { dumpFor, Surfaces, truthDir } from './apiSurface';

const surfaces = new Surfaces();
const installed = new InstalledNames(INSTALLED as InstalledData);
const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES, installed);

/** Roots the dumps do not cover (torchvision is not installed with the frameworks). */
const UNDUMPED_ROOTS = new Set(['torchvision', 'torchaudio', 'tf_keras', 'absl', 'tf_slim']);

/** Why a dumped name cannot be used in the installed release, or undefined when it can. */
function unusable(name: string): string | undefined {
  const resolution = installed.resolve(name);
  if (resolution.state === 'absent') return resolution.raises ? `raises ${resolution.raises}` : `${resolution.missing} does not exist`;
  if (surfaces.find(name) === undefined && resolution.state !== 'present') return 'not in the API dumps';
  return undefined;
}

const canonical = (name: string) => name.replace(/^tf\./, 'tensorflow.');

/** Dotted framework names quoted in a text (`tf.compat.v1.layers`, `keras.ops.logsumexp`, `torch.linalg.solve`). */
function quotedNames(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])(?:tf|tensorflow|keras|torch)(?:\.[A-Za-z_]\w*)+/g)].map((m) => canonical(m[0].replace(/\.$/, '')));
}

/** The tf.compat.v1 name of a TF1 entry (tensorflow.layers.conv1d -> tensorflow.compat.v1.layers.conv1d). */
const compatTwin = (name: string) => name.replace(/^tensorflow\.(?!compat\.)/, 'tensorflow.compat.v1.');

/** TF1 names by module, from the TF1 list (the members a module-level claim is about). */
function tf1Members(module: string): string[] {
  const text = fs.readFileSync(path.join(path.dirname(truthDir()), 'api-lists', 'tf1-api.txt'), 'utf8');
  const listed = text.split('\n').filter((l) => l.startsWith(`${module}.`) && !l.slice(module.length + 1).includes('.'));
  const entries = ALL_ENTRIES.filter((e) => e.name.startsWith(`${module}.`) && !e.name.slice(module.length + 1).includes('.')).map((e) => e.name);
  return [...new Set([...listed, ...entries])].sort();
}

/**
 * Claims a text makes about where an entry's API still lives, as the names they imply for it. A claim about a module
 * entry holds for each of its members, so it is expanded to them.
 */
const CLAIMS: Array<{ pattern: RegExp; implies: (entry: KnowledgeEntry) => string[] }> = [
  {
    // "tf.compat.v1 keeps the TF1 version", "tf.compat.v1.layers keeps the TF1 functions", "still callable through tf.compat.v1".
    pattern: /tf\.compat\.v1(?:\.[\w.]+)? (?:keeps|still has)|(?:callable|reachable|kept) (?:through|by|in) tf\.compat\.v1/,
    implies: (e) => (e.framework !== 'tensorflow' || e.name.startsWith('tensorflow.compat.') ? [] : e.kind === 'module' ? tf1Members(e.name).map(compatTwin) : [compatTwin(e.name)]),
  },
  {
    // "the tf.keras view of TensorFlow 2.21 still has it", "still exported by the tf.keras view".
    pattern: /tf\.keras view(?: of TensorFlow [\d.+]+)?(?: and [\w\s()-]+)? still (?:has|have|exports)|still exported by (?:the )?tf\.keras/,
    implies: (e) => (e.name.startsWith('keras.') ? [`tensorflow.${e.name}`] : []),
  },
];

/** Claims that a name does not run: the names they imply must be absent or raise. */
const NEGATIVE_CLAIMS: Array<{ pattern: RegExp; implies: (entry: KnowledgeEntry) => string[] }> = [
  {
    // "its tf.compat.v1 copy only raises", "tf.compat.v1.layers only raises".
    pattern: /tf\.compat\.v1(?:\.[\w.]+)?(?: copy)? only raises/,
    implies: (e) => (e.kind === 'module' ? tf1Members(e.name).map(compatTwin) : [compatTwin(e.name)]),
  },
  {
    pattern: /not in the tf\.keras view of TensorFlow [\d.]+/,
    implies: (e) => (e.name.startsWith('keras.') ? [`tensorflow.${e.name}`] : []),
  },
];

/**
 * True when a text quotes a name as gone ("has no keras.utils.np_utils", "tf.compat.v1.layers.dense only raises"): it is
 * checked to be absent instead (a claim of absence is a claim too). Everything else a note's advice quotes must run.
 */
function quotedAsGone(text: string, name: string): boolean {
  const written = name.replace(/^tensorflow\b/, '(?:tf|tensorflow)').replace(/\./g, '\\.');
  return new RegExp(`(?:has no|no) ${written}(?![\\w.])|${written}(?: copy)? only raises`).test(text);
}

function textsOf(e: KnowledgeEntry): Array<{ where: string; text: string }> {
  const texts = [
    { where: 'summary', text: e.summary },
    { where: 'status', text: e.status.note ?? '' },
    { where: 'replacement', text: e.replacement?.note ?? '' },
    ...(e.equivalents ?? []).map((q) => ({ where: `equivalent ${q.name}`, text: q.note ?? '' })),
    ...Object.entries(e.keywords ?? {}).map(([k, rule]) => ({ where: `keyword ${k}`, text: `${rule.note} ${rule.status.note ?? ''}` })),
  ];
  return texts.filter((t) => t.text);
}

suite('every recommended name runs in the installed releases (per name, group notes expanded)', () => {
  test('replacements, equivalents and the calls fixes write exist and do not raise', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const e of KNOWLEDGE_ENTRIES) {
      const refs = [...(e.replacement ? [e.replacement] : []), ...(e.equivalents ?? [])];
      for (const ref of refs) {
        if (ref.external || UNDUMPED_ROOTS.has(ref.name.split('.')[0]) || !dumpFor(ref.name)) continue;
        checked++;
        const why = unusable(ref.name);
        if (why) bad.push(`${e.name} -> ${ref.name}: ${why}`);
      }
      const usage = e.replacement?.usage?.match(/^[\w.]+/)?.[0];
      if (usage && dumpFor(canonical(usage))) {
        checked++;
        const why = unusable(canonical(usage));
        if (why) bad.push(`${e.name} usage ${usage}: ${why}`);
      }
    }
    assert.ok(checked > 1500, `checked ${checked}`);
    assert.ok(bad.length === 0, `${bad.length} problems:\n${bad.join('\n')}`);
  });

  test('every framework name the advice of a note quotes exists and does not raise (names quoted as gone are absent)', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const e of ALL_ENTRIES) {
      // The advice: what to use instead, the other framework's API, what to write for a keyword. Summaries describe
      // (often the past: "TF1's tf.log"); their claims about where an API lives are checked by the group claims below.
      for (const { where, text } of textsOf(e).filter((t) => t.where !== 'summary' && t.where !== 'status')) {
        for (const name of quotedNames(text)) {
          if (!dumpFor(name)) continue;
          checked++;
          const why = unusable(name);
          const gone = quotedAsGone(text, name);
          // A module whose every name raises (tf.compat.v1.layers) reads fine itself: what raises is what is read from it.
          const membersRaise = (() => {
            const inner = installed.resolve(`${name}.any_name`);
            return inner.state === 'absent' && inner.raises !== undefined;
          })();
          if (gone && !why && !membersRaise) bad.push(`${e.name} (${where}) quotes ${name} as gone, but it runs`);
          if (!gone && why) bad.push(`${e.name} (${where}) quotes ${name}: ${why}`);
        }
      }
    }
    assert.ok(checked > 250, `checked ${checked}`);
    assert.ok(bad.length === 0, `${bad.length} problems:\n${bad.join('\n')}`);
  });

  test('a note written for a group holds for each member: the names it implies run', () => {
    const bad: string[] = [];
    let expanded = 0;
    for (const e of ALL_ENTRIES) {
      for (const { where, text } of textsOf(e)) {
        for (const claim of CLAIMS) {
          if (!claim.pattern.test(text)) continue;
          for (const name of claim.implies(e)) {
            expanded++;
            const why = unusable(name);
            if (why) bad.push(`${e.name} (${where}: "${text.match(claim.pattern)?.[0]}") implies ${name}: ${why}`);
          }
        }
      }
    }
    for (const e of ALL_ENTRIES) {
      for (const { where, text } of textsOf(e)) {
        for (const claim of NEGATIVE_CLAIMS) {
          if (!claim.pattern.test(text)) continue;
          for (const name of claim.implies(e)) {
            expanded++;
            if (!unusable(name)) bad.push(`${e.name} (${where}: "${text.match(claim.pattern)?.[0]}") says ${name} does not run, but it does`);
          }
        }
      }
    }
    assert.ok(expanded > 50, `expanded ${expanded}`);
    assert.ok(bad.length === 0, `${bad.length} problems:\n${bad.join('\n')}`);
  });

  test('the generic "still callable through tf.compat.v1" line and message appear only where the tf.compat.v1 name runs', () => {
    const bad: string[] = [];
    let shown = 0;
    for (const e of ALL_ENTRIES) {
      if (e.framework !== 'tensorflow' || e.status.state !== 'removed' || e.name.startsWith('tensorflow.compat.')) continue;
      const names = e.kind === 'module' ? [compatTwin(e.name), ...tf1Members(e.name).map(compatTwin)] : [compatTwin(e.name)];
      for (const name of names) {
        const found = kb.lookup(name);
        // The hover's statusLine says it for a removed entry reached with compatV1; the finding says "still reachable".
        if (!found?.compatV1 || found.entry.status.state !== 'removed') continue;
        shown++;
        const why = unusable(name);
        if (why) bad.push(`${name}: ${why}`);
      }
    }
    assert.ok(shown > 100, `shown ${shown}`);
    assert.ok(bad.length === 0, `${bad.length} problems:\n${bad.join('\n')}`);
  });

  test('an API that cannot be used is never current, and its replacement is shown', () => {
    // A module whose every name raises (keras.optimizers.legacy in Keras 3) cannot be used either.
    const namesRaise = (module: string) => {
      const found = surfaces.find(module);
      const dump = dumpFor(module);
      if (!found || found.record.kind !== 'module' || !dump) return false;
      const children = [...surfaces.get(dump).names.keys()].filter((n) => n.startsWith(`${found.path}.`) && !n.slice(found.path.length + 1).includes('.'));
      return children.length > 0 && children.every((n) => installed.resolve(n).state === 'absent');
    };
    const bad = ALL_ENTRIES.filter((e) => e.status.state === 'current' && dumpFor(e.name) && (installed.resolve(e.name).state === 'absent' || namesRaise(e.name))).map((e) => e.name);
    assert.deepStrictEqual(bad, []);
    const legacy = kb.lookup('keras.optimizers.legacy');
    assert.strictEqual(legacy?.entry.status.state, 'removed');
    assert.strictEqual(legacy?.entry.replacement?.name, 'keras.optimizers');
  });

  test('a TF1 RNN function whose tf.compat.v1 copy takes a cell says that TensorFlow has no TF1 cell left that works', () => {
    // Third audit of issue 30: "tf.compat.v1.nn.bidirectional_dynamic_rnn keeps the TF1 behaviour", yet every
    // tf.compat.v1.nn.rnn_cell class raises under Keras 3 (the dump records it) and Keras 3 cells are refused.
    const cells = ['RNNCell', 'BasicLSTMCell', 'LSTMCell', 'GRUCell', 'MultiRNNCell'].map((c) => `tensorflow.compat.v1.nn.rnn_cell.${c}`);
    const cellsThatRun = cells.filter((n) => {
      const resolution = installed.resolve(n);
      return resolution.state !== 'absent' || !resolution.raises;
    });
    assert.deepStrictEqual(cellsThatRun, []);
    const bad: string[] = [];
    let functions = 0;
    for (const e of ALL_ENTRIES) {
      if (e.framework !== 'tensorflow' || e.status.state !== 'removed' || e.name.startsWith('tensorflow.compat.')) continue;
      const params = surfaces.parameters(compatTwin(e.name));
      if (!params?.some((p) => /^cells?(?:_fw|_bw)?$/.test(p.name))) continue;
      functions++;
      if (!/tf\.compat\.v1\.nn\.rnn_cell/.test(e.replacement?.note ?? '') || /keeps the TF1/.test(`${e.status.note ?? ''} ${e.replacement?.note ?? ''}`)) bad.push(`${e.name}: "${e.replacement?.note ?? ''}"`);
    }
    assert.ok(functions >= 3, `TF1 functions taking a cell: ${functions}`);
    assert.deepStrictEqual(bad, []);
  });

  test('every graph-mode fact belongs to an entry, which carries it (graph-mode.json is run in the real layer)', () => {
    const carried = new Set(ALL_ENTRIES.filter((e) => e.graphMode).map((e) => e.name));
    const facts = Object.keys((GRAPH_MODE as { apis: Record<string, unknown> }).apis);
    assert.deepStrictEqual(facts.filter((name) => !carried.has(name)), []);
    assert.strictEqual(carried.size, facts.length);
    const placeholder = kb.lookup('tensorflow.compat.v1.placeholder');
    assert.match(placeholder?.entry.replacement?.note ?? '', /tf\.compat\.v1\.placeholder keeps the TF1 behaviour in graph mode only: call tf\.compat\.v1\.disable_v2_behavior\(\) first\./);
    assert.strictEqual(placeholder?.entry.graphMode?.raises, 'RuntimeError: tf.placeholder() is not compatible with eager execution.');
  });
});
