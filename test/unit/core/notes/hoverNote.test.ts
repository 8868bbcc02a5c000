/** composeHoverNote, statusLine and commandLink, on symbols found by analyzePython in a fixture and the real base. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../../src/core/python';
import type { SymbolAtPosition } from '../../../../src/core/python';
import { commandLink, composeHoverNote, HOVER_COMMANDS, statusLine, type HoverNoteOptions } from '../../../../src/core/notes/hoverNote';
import { KnowledgeBase, type KnowledgeEntry, type LookupResult } from '../../../../src/knowledge';
import { ALL_ENTRIES } from '../../../../src/knowledge/all';

const text = fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'hover_notes.py'), 'utf8');
const analysis = analyzePython(text);
const kb = new KnowledgeBase(ALL_ENTRIES);
const lookupName = (name: string) => kb.get(name);

const DETAILED: HoverNoteOptions = { verbosity: 'detailed', showEquivalents: true };
const COMPACT: HoverNoteOptions = { verbosity: 'compact', showEquivalents: true };

/** The symbol at the last character of `chain`'s only occurrence in the fixture (after `line`, when given). */
function symbolAt(chain: string, line = ''): SymbolAtPosition {
  const lineAt = text.indexOf(line);
  assert.ok(lineAt >= 0, `line not found: ${line}`);
  const at = text.indexOf(chain, lineAt);
  assert.ok(at >= 0, `not in fixture: ${chain}`);
  const symbol = analysis.symbolAt(at + chain.length - 1);
  assert.ok(symbol, `no symbol at ${chain}`);
  return symbol;
}

function note(chain: string, options: HoverNoteOptions = DETAILED, line = ''): { markdown: string; symbol: SymbolAtPosition; result: LookupResult } {
  const symbol = symbolAt(chain, line);
  const result = kb.lookup(symbol.qualifiedName);
  assert.ok(result, `${symbol.qualifiedName} is not in the base`);
  return { markdown: composeHoverNote(symbol, result, options, lookupName).markdown, symbol, result };
}

/** Every markdown link target that is a command, decoded. */
function commandLinks(markdown: string): Array<{ command: string; args: unknown }> {
  return [...markdown.matchAll(/\]\((command:[^)\s]+)(?: "[^"]*")?\)/g)].map((m) => {
    const uri = m[1];
    const match = /^command:([\w.]+)\?(.*)$/.exec(uri);
    assert.ok(match, `not a command link with arguments: ${uri}`);
    assert.ok(!/[\s"[\]{}]/.test(match[2]), `arguments are not URL-encoded: ${match[2]}`);
    return { command: match[1], args: JSON.parse(decodeURIComponent(match[2])) };
  });
}

suite('composeHoverNote: titles', () => {
  test('written → qualified when the code uses an alias', () => {
    const { markdown } = note('F.upsample');
    assert.ok(markdown.startsWith('**Framework Guide** · PyTorch function: `F.upsample` → `torch.nn.functional.upsample`'), markdown.split('\n')[0]);
  });

  test('only the qualified name when it is written in full', () => {
    const { markdown } = note('torch.cuda.amp.GradScaler');
    const title = markdown.split('\n')[0];
    assert.strictEqual(title, '**Framework Guide** · PyTorch class: `torch.cuda.amp.GradScaler`');
    assert.ok(!title.includes('→'));
  });

  test('tf.keras names are labelled Keras; a one-package alias (tf → tensorflow) is not expanded', () => {
    assert.strictEqual(note('tf.keras.layers.Dense').markdown.split('\n')[0], '**Framework Guide** · Keras class: `tf.keras.layers.Dense`');
  });

  test('an alias that stands for a path is expanded (nn → torch.nn)', () => {
    assert.strictEqual(note('nn.Linear').markdown.split('\n')[0], '**Framework Guide** · PyTorch class: `nn.Linear` → `torch.nn.Linear`');
  });
});

suite('composeHoverNote: how the entry was reached', () => {
  test('module fallback says the name is not in the guide and names the module', () => {
    const { markdown, result } = note('nn.NotARealLayer');
    assert.strictEqual(result.match, 'module');
    assert.ok(markdown.includes('_Not in the guide yet; showing the note for module `torch.nn`._'));
  });

  test('an exact match has no fallback or alias line', () => {
    const { markdown } = note('nn.Linear');
    assert.ok(!markdown.includes('Not in the guide yet'));
    assert.ok(!markdown.includes('Same API as'));
  });

  test('alias note for tf.keras', () => {
    const { markdown } = note('tf.keras.layers.Dense');
    assert.ok(markdown.includes('_Same API as `keras.layers.Dense` — tf\\.keras is Keras 3 since TensorFlow 2\\.16 \\(Keras 2 before\\)._'));
  });

  test('alias note for tf_keras (Keras 2) does not claim the same API', () => {
    const { markdown } = note('tf_keras.layers.Dense');
    assert.ok(markdown.includes('_Showing the note for `keras.layers.Dense` — tf\\_keras is the Keras 2 package'));
    assert.ok(!markdown.includes('Same API as'));
  });

  test('a current TF name through tf.compat.v1 shows the TF2 note without claiming the same API', () => {
    const { markdown } = note('tf1.matmul');
    assert.ok(markdown.includes('_Showing the note for `tensorflow.matmul` — tf\\.compat\\.v1 keeps TF1 APIs callable'));
    assert.ok(!markdown.includes('Same API as'));
    assert.ok(!markdown.includes('Legacy (TF1 compatibility mode)'), 'a current API is not legacy');
  });

  test('the tf.compat.v1 import says TF1 compatibility mode and gives the import advice', () => {
    const { markdown, symbol } = note('tensorflow.compat.v1', DETAILED, 'import tensorflow.compat.v1 as tf1');
    assert.strictEqual(symbol.inImport, true);
    assert.ok(markdown.includes('_TF1 compatibility mode: `tf.compat.v1` keeps TF1 APIs callable in TensorFlow 2._'));
    assert.ok(markdown.includes('**TF1 compatibility mode.** Code written for TensorFlow 1.x keeps running'));
  });

  test('an import of a module gets the "Today" advice; a use of it does not', () => {
    const inImport = note('nn', DETAILED, 'from torch import nn');
    assert.strictEqual(inImport.symbol.inImport, true);
    assert.ok(inImport.markdown.includes('**Today:** PyTorch 2'));
    const use = note('torch.cuda.amp.GradScaler');
    assert.ok(!use.markdown.includes('**Today:**'));
  });
});

suite('composeHoverNote: status', () => {
  test('a removed TF1 API written as tf.Session: Removed with version and date', () => {
    const { markdown } = note('tf.Session');
    assert.ok(markdown.includes('**Removed** in TensorFlow 2.0 (2019-09).'));
    assert.ok(!markdown.includes('Legacy (TF1 compatibility mode)'));
    assert.ok(markdown.includes('**Use instead:** `tensorflow.compat.v1.Session`'));
  });

  test('the same API through tf.compat.v1 is legacy, not removed', () => {
    const { markdown } = note('tf1.Session');
    assert.ok(markdown.includes('described here under its TF1 name `tensorflow.Session`, which TensorFlow 2 no longer has'));
    assert.ok(!markdown.includes('Same API as'));
    assert.ok(markdown.includes('**Legacy (TF1 compatibility mode):** removed from the TF2 API in TensorFlow 2.0 (2019-09); still callable through `tf.compat.v1`.'));
    assert.ok(!markdown.includes('**Removed**'));
  });

  test('deprecated: version, date, note and replacement', () => {
    const { markdown } = note('F.upsample');
    assert.ok(markdown.includes('**Deprecated** since PyTorch 0.4.1 (2018-07).'));
    assert.ok(markdown.includes('**Use instead:** `torch.nn.functional.interpolate`'));
  });

  test('a replacement without an automatic fix says it is a change by hand', () => {
    assert.ok(note('tf.placeholder').markdown.includes('**Use instead (change by hand):** `keras.Input`'));
    assert.ok(note('tf.Session').markdown.includes('**Use instead:** `tensorflow.compat.v1.Session`'), 'a drop-in rename is automatic');
  });

  test('current APIs have no status line and no "Use instead"', () => {
    const { markdown } = note('torch.sigmoid');
    assert.ok(!/\*\*(Removed|Deprecated|Legacy)/.test(markdown));
    assert.ok(!markdown.includes('Use instead'));
  });
});

suite('composeHoverNote: answer first for deprecated and removed APIs', () => {
  test('compact tf.Session: title, status, what to use, that it needs graph mode, links; no summary, no other-framework list', () => {
    const { markdown } = note('tf.Session', COMPACT);
    const paragraphs = markdown.split('\n\n');
    assert.strictEqual(paragraphs.length, 5, markdown);
    assert.match(paragraphs[1], /^\*\*Removed\*\* in TensorFlow 2\.0/);
    assert.match(paragraphs[2], /^\*\*Use instead:\*\* `tensorflow\.compat\.v1\.Session`/);
    // Under TF 2.21's default eager execution Session().run raises (graph-mode.json, run in the real layer).
    assert.match(paragraphs[3], /^\*\*Graph mode only:\*\* .*`tf\.compat\.v1\.disable_v2_behavior\(\)` first\.$/);
    assert.match(paragraphs[4], /^\[Docs\]/);
  });

  test('detailed adds the summary after the answer', () => {
    const paragraphs = note('tf.Session', DETAILED).markdown.split('\n\n');
    assert.match(paragraphs[1], /^\*\*Removed\*\*/);
    assert.match(paragraphs[2], /^\*\*Use instead:\*\*/);
    assert.ok(paragraphs.length > 4);
  });

  test('no colon right after a code chip (it renders as a stray space before the colon)', () => {
    for (const chain of ['tf.keras.layers.Dense', 'tf1.matmul', 'tf.Session', 'F.upsample', 'nn.Linear']) {
      for (const options of [COMPACT, DETAILED]) assert.ok(!/`:/.test(note(chain, options).markdown), `${chain}: ${note(chain, options).markdown}`);
    }
  });

  test('`code spans` in entry text render as code (y = x W^T + b in the nn.Linear summary)', () => {
    assert.ok(note('nn.Linear', COMPACT).markdown.includes('`y = x W^T + b`'));
  });
});

suite('statusLine', () => {
  test('current → undefined', () => assert.strictEqual(statusLine({ state: 'current' }, 'pytorch', false), undefined));

  test('removed names the product with version and date, and the escaped note', () => {
    assert.strictEqual(statusLine({ state: 'removed', since: '2.0', date: '2019-09', note: 'Use tf.function.' }, 'tensorflow', false), '**Removed** in TensorFlow 2.0 (2019-09). Use tf\\.function\\.');
  });

  test('a Keras status counts in Keras versions, not TensorFlow ones', () => {
    assert.strictEqual(statusLine({ state: 'removed', since: '3.0', date: '2023-11' }, 'keras', false), '**Removed** in Keras 3.0 (2023-11).');
  });

  test('removed through compat.v1 is legacy mode', () => {
    assert.strictEqual(
      statusLine({ state: 'removed', since: '2.0', date: '2019-09', note: 'ignored here' }, 'tensorflow', true),
      '**Legacy (TF1 compatibility mode):** removed from the TF2 API in TensorFlow 2.0 (2019-09); still callable through `tf.compat.v1`.',
    );
  });

  test('deprecated with removedIn names the product for both versions', () => {
    assert.strictEqual(statusLine({ state: 'deprecated', since: '2.4', date: '2024-07', removedIn: '2.9' }, 'pytorch', false), '**Deprecated** since PyTorch 2.4 (2024-07). Removed in PyTorch 2.9.');
  });

  test('deprecated without a date shows the product and version alone', () => {
    assert.strictEqual(statusLine({ state: 'deprecated', since: '1.13' }, 'pytorch', false), '**Deprecated** since PyTorch 1.13.');
  });

  test('compatV1 does not change a deprecated status', () => {
    assert.match(statusLine({ state: 'deprecated', since: '1.13', date: '2019-02' }, 'tensorflow', true) ?? '', /^\*\*Deprecated\*\* since TensorFlow 1\.13 \(2019-02\)\./);
  });
});

suite('composeHoverNote: names checked against the installed frameworks', () => {
  test('tf.keras.backend.mean is a working name in the tf.keras view, not "removed"', () => {
    const { markdown, result } = note('tf.keras.backend.mean');
    assert.strictEqual(result.entry.name, 'tensorflow.keras.backend.mean');
    assert.ok(!/\*\*(Removed|Deprecated)/.test(markdown), markdown);
    assert.ok(markdown.includes('keras\\.ops\\.mean'));
  });

  test('tf.compat.v1.nn.dropout explains keep_prob instead of showing the TF2 rate note', () => {
    const { markdown, result } = note('tf1.nn.dropout');
    assert.strictEqual(result.entry.name, 'tensorflow.compat.v1.nn.dropout');
    assert.ok(markdown.includes('keep\\_prob'));
    assert.ok(!markdown.includes('Same API as'));
  });

  test('a detailed note lists the structured facts of an equivalence with both real defaults', () => {
    const { markdown } = note('nn.PReLU');
    assert.ok(markdown.includes('- `init` (`0.25`) → `alpha_initializer` (`\'Zeros\'`)'), markdown);
    assert.ok(markdown.includes('- `num_parameters` (`1`) → `shared_axes` (`None`)'));
    const compact = note('nn.PReLU', COMPACT).markdown;
    assert.ok(!compact.includes('alpha\\_initializer') && !compact.includes('`alpha_initializer`'));
  });
});

suite('composeHoverNote: equivalents and verbosity', () => {
  test('detailed shows every equivalent as a list', () => {
    const { markdown } = note('torch.sigmoid', DETAILED);
    assert.match(markdown, /\*\*In TensorFlow:\*\*\n\n- `tensorflow\.sigmoid`[^\n]*\n- `keras\.activations\.sigmoid`/);
  });

  test('compact shows one equivalent', () => {
    const { markdown } = note('torch.sigmoid', COMPACT);
    assert.ok(markdown.includes('**In TensorFlow:** `tensorflow.sigmoid`'));
    assert.ok(!markdown.includes('keras.activations.sigmoid'));
  });

  test('provenance is a Sources link with what was checked as its tooltip, never a trailing italic line', () => {
    for (const options of [COMPACT, DETAILED]) {
      const { markdown } = note('torch.sigmoid', options);
      assert.match(markdown, /\[Sources\]\(https:\/\/[^ )]+ "Checked against PyTorch stable docs[^"]*"\)/);
      assert.ok(!/\n_Checked against/.test(markdown), 'no provenance line');
    }
  });

  test('showEquivalents: false hides them in both verbosities', () => {
    for (const verbosity of ['compact', 'detailed'] as const) {
      const { markdown } = note('torch.sigmoid', { verbosity, showEquivalents: false });
      assert.ok(!markdown.includes('**In TensorFlow:**'), verbosity);
      assert.ok(!markdown.includes('tensorflow.sigmoid'), verbosity);
    }
  });

  test('the equivalent of a Keras API is in PyTorch, with its note', () => {
    assert.ok(note('tf.keras.layers.Dense').markdown.includes('**In PyTorch:** `torch.nn.Linear` — Linear needs in\\_features'));
  });

  test('docs link is the entry docs URL', () => {
    assert.ok(note('F.upsample').markdown.includes('[Docs](https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.upsample.html)'));
  });
});

suite('composeHoverNote: command links', () => {
  const chains = ['tf.keras.layers.Dense', 'tf.Session', 'tf1.Session', 'tf1.matmul', 'F.upsample', 'torch.cuda.amp.GradScaler', 'nn.NotARealLayer', 'nn.Linear', 'torch.sigmoid'];

  test('every command link is command:frameworkGuide.…?<url-encoded JSON array> and only uses HOVER_COMMANDS', () => {
    for (const chain of chains) {
      const links = commandLinks(note(chain).markdown);
      assert.ok(links.length >= 1, chain);
      for (const link of links) {
        assert.ok((HOVER_COMMANDS as readonly string[]).includes(link.command), `${chain}: ${link.command}`);
        assert.ok(Array.isArray(link.args), `${chain}: arguments are not an array`);
      }
    }
  });

  test('Compare in panel compares the API with its counterpart, else opens the entry section (architecture when it has none)', () => {
    assert.deepStrictEqual(commandLinks(note('nn.Linear').markdown)[0], { command: 'frameworkGuide.openComparison', args: [{ api: 'torch.nn.Linear' }] });
    assert.deepStrictEqual(commandLinks(note('tf.Session').markdown)[0], { command: 'frameworkGuide.openComparison', args: ['changes-since-2023'] });
    assert.deepStrictEqual(commandLinks(note('F.upsample').markdown)[0], { command: 'frameworkGuide.openComparison', args: ['architecture'] });
  });

  test('Insert equivalent snippet asks for the other framework', () => {
    const links = commandLinks(note('torch.cuda.amp.GradScaler').markdown);
    assert.deepStrictEqual(links.find((l) => l.command === 'frameworkGuide.insertSnippet')?.args, [{ task: 'mixed-precision', framework: 'tensorflow' }]);
    const keras = commandLinks(note('tf.keras.layers.Dense').markdown);
    assert.deepStrictEqual(keras.find((l) => l.command === 'frameworkGuide.insertSnippet')?.args, [{ task: 'sequential-model', framework: 'pytorch' }]);
  });

  test('Show replacement only for non-current entries whose replacement is known', () => {
    assert.deepStrictEqual(commandLinks(note('F.upsample').markdown).find((l) => l.command === 'frameworkGuide.showReplacement')?.args, ['torch.nn.functional.upsample']);
    assert.ok(!commandLinks(note('torch.sigmoid').markdown).some((l) => l.command === 'frameworkGuide.showReplacement'));
    const symbol = symbolAt('F.upsample');
    const result = kb.lookup(symbol.qualifiedName) as LookupResult;
    const withoutLookup = composeHoverNote(symbol, result, DETAILED).markdown;
    assert.ok(!withoutLookup.includes('frameworkGuide.showReplacement'), 'offered a replacement that could not be looked up');
  });

  test('commandLink encodes arguments and escapes the label', () => {
    const link = commandLink('Compare [in] panel', 'frameworkGuide.openComparison', ['faq', { q: 'a b&c' }]);
    assert.ok(link.startsWith('[Compare \\[in\\] panel](command:frameworkGuide.openComparison?'));
    const encoded = /\?([^ ]+) "/.exec(link)?.[1] ?? '';
    assert.strictEqual(encoded, encodeURIComponent(JSON.stringify(['faq', { q: 'a b&c' }])));
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(encoded)), ['faq', { q: 'a b&c' }]);
  });
});

suite('composeHoverNote: markdown escaping', () => {
  const symbol = symbolAt('nn.Linear');
  const base = kb.get('torch.nn.Linear') as KnowledgeEntry;
  const hostile: KnowledgeEntry = {
    ...base,
    summary: 'Uses *stars*, _underscores_, `ticks`, [a link](https://evil.example), <img src=x onerror=alert(1)> and # heading | pipe.',
    status: { state: 'deprecated', since: '2.4', date: '2024-07', note: 'See **this** [page](https://evil.example).' },
    replacement: { name: 'torch.nn.LazyLinear', note: 'Not *really* <b>bold</b>.' },
    equivalents: [{ name: 'keras.layers.Dense', note: 'Has [links](https://evil.example) too.' }],
    verified: 'docs_[2026]',
  };
  const markdown = composeHoverNote(symbol, { entry: hostile, query: 'torch.nn.Linear', match: 'exact' }, DETAILED).markdown;

  test('summary special characters are escaped; `code spans` stay code', () => {
    assert.ok(markdown.includes('Uses \\*stars\\*, \\_underscores\\_, `ticks`, \\[a link\\]\\(https://evil\\.example\\), \\<img src=x onerror=alert\\(1\\)\\> and \\# heading \\| pipe\\.'));
  });

  test('no unescaped link, emphasis or HTML from entry text survives', () => {
    assert.ok(!markdown.includes('](https://evil.example)'), 'an entry-supplied link is live');
    assert.ok(!/(^|[^\\])<(img|b)\b/.test(markdown), 'entry-supplied HTML is live');
    assert.ok(!/(^|[^\\*])\*(stars|really|this)/.test(markdown), 'entry-supplied emphasis is live');
  });

  test('status, replacement and equivalent notes are escaped too', () => {
    assert.ok(markdown.includes('See \\*\\*this\\*\\* \\[page\\]'));
    assert.ok(markdown.includes('Not \\*really\\* \\<b\\>bold\\</b\\>\\.'));
    assert.ok(markdown.includes('Has \\[links\\]'));
  });
});

suite('composeHoverNote: equivalents checked by running both', () => {
  test('nn.Linear → keras.layers.Dense says in plain words that both were run (detailed notes only)', () => {
    assert.match(note('nn.Linear').markdown, /`keras\.layers\.Dense`[^\n]*\(Tested: run on the same inputs, the two differ only as said here\.\)/);
    assert.doesNotMatch(note('nn.Linear', COMPACT).markdown, /Tested:|checked by running/);
  });

  test('an equivalent without such a check does not claim one', () => {
    const entry = ALL_ENTRIES.find((e) => e.equivalents?.some((q) => !q.checked) && !e.equivalents.some((q) => q.checked));
    assert.ok(entry, 'an entry whose equivalents are not run');
    const symbol: SymbolAtPosition = { qualifiedName: entry.name, written: entry.name, span: { from: 0, to: entry.name.length }, inImport: false };
    const markdown = composeHoverNote(symbol, { entry, query: entry.name, match: 'exact' } as LookupResult, DETAILED, lookupName).markdown;
    assert.ok(!markdown.includes('Tested:'), markdown);
  });
});

suite('composeHoverNote: no repetition of what the hover already shows', () => {
  test('under our diagnostic the note names the replacement without the message\'s explanation, and no Show replacement', () => {
    const full = note('tf.Session', COMPACT).markdown;
    const short = composeHoverNote(symbolAt('tf.Session'), kb.lookup('tensorflow.Session') as LookupResult, { ...COMPACT, diagnosticShown: true }, lookupName).markdown;
    assert.ok(short.length < full.length, 'shorter');
    assert.match(short, /\*\*Use instead[^*]*:\*\* `[^`]+`\n/);
    assert.ok(!commandLinks(short).some((l) => l.command === 'frameworkGuide.showReplacement'));
  });

  test('tf.keras.layers.Dense: no "Same API as keras.layers.Dense" line in a compact note (it is the name the user wrote)', () => {
    assert.doesNotMatch(note('tf.keras.layers.Dense', COMPACT).markdown, /Same API as/);
    assert.match(note('tf.keras.layers.Dense', DETAILED).markdown, /Same API as `keras\.layers\.Dense`/);
  });

  test('the import line of a file with findings says what the file has, with a link to Migrate This File', () => {
    const symbol: SymbolAtPosition = { qualifiedName: 'tensorflow', written: 'tensorflow', span: { from: 7, to: 17 }, inImport: true };
    const markdown = composeHoverNote(symbol, kb.lookup('tensorflow') as LookupResult, { ...COMPACT, fileSummary: { removed: 8, deprecated: 2 } }, lookupName).markdown;
    assert.match(markdown, /\*\*This file:\*\* 8 uses of removed APIs, 2 deprecated \(see Problems\)/);
    assert.ok(commandLinks(markdown).some((l) => l.command === 'frameworkGuide.migrateFile'));
    const clean = composeHoverNote(symbol, kb.lookup('tensorflow') as LookupResult, { ...COMPACT, fileSummary: { removed: 0, deprecated: 0 } }, lookupName).markdown;
    assert.doesNotMatch(clean, /This file:/);
  });
});

