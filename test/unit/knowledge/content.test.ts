// Checks the comparison pages the panel renders: their structure, that dated claims carry sources,
// that TF1-era folklore stays on the History page, and that the code examples parse (test/real runs them).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const CONTENT_DIR = path.join(process.cwd(), 'src', 'knowledge', 'content');

const SECTION_IDS = [
  'architecture',
  'performance',
  'ease-of-use',
  'community',
  'deployment',
  'use-cases',
  'recommendations',
  'faq',
  'changes-since-2023',
  'history',
  'examples',
];
const COMPARISON_IDS = ['architecture', 'performance', 'ease-of-use', 'community', 'deployment'];

const VERSION_OR_YEAR = /\b\d+\.\d+(?:\.\d+)?\b|\b(?:19|20)\d{2}\b/;
const HTTPS_LINK = /\[[^\]]+\]\(https:\/\/[^)\s]+\)/;
const CHECKED_LINE = /^_Checked: (\d{4}-\d{2}-\d{2})_$/m;
const SOURCES_LINE = /^(?:#{1,6}\s*)?Sources:?/m;
const OUTDATED_TERMS = [/tf\.Session/i, /placeholder/i, /feed_dict/i, /static graph/i];

interface CodeBlock {
  lang: string;
  code: string;
}

type UnitKind = 'heading' | 'table' | 'list-item' | 'paragraph';
interface ProseUnit {
  kind: UnitKind;
  text: string;
}

function readSection(id: string): string {
  return fs.readFileSync(path.join(CONTENT_DIR, `${id}.md`), 'utf8');
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    blocks.push({ lang: m[1].toLowerCase(), code: m[2] });
  }
  return blocks;
}

function pythonBlocks(markdown: string): string[] {
  return codeBlocks(markdown)
    .filter((b) => b.lang === 'python')
    .map((b) => b.code);
}

/** The markdown with fenced code removed, so prose checks never look inside code. */
function stripCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
}

/**
 * Splits prose into the units a reader sees as one claim: a paragraph, one list item, a whole table,
 * or a heading. Blank lines end a unit; a list marker starts a new one.
 */
function proseUnits(markdown: string): ProseUnit[] {
  const units: ProseUnit[] = [];
  const blocks = stripCode(markdown).split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => l.trim().startsWith('|'))) {
      units.push({ kind: 'table', text: lines.join('\n') });
      continue;
    }
    let current: ProseUnit | undefined;
    for (const line of lines) {
      if (/^#{1,6}\s/.test(line)) {
        if (current) units.push(current);
        units.push({ kind: 'heading', text: line });
        current = undefined;
      } else if (/^\s*(?:[-*+]|\d+\.)\s/.test(line)) {
        if (current) units.push(current);
        current = { kind: 'list-item', text: line };
      } else if (current) {
        current.text += `\n${line}`;
      } else {
        current = { kind: 'paragraph', text: line };
      }
    }
    if (current) units.push(current);
  }
  return units;
}

function proseWordCount(markdown: string): number {
  const text = stripCode(markdown).replace(/\]\([^)]*\)/g, ']');
  return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n[ \t]*\n/);
}

/** `## ` sections of a page, each with its heading text and body. */
function h2Sections(markdown: string): { heading: string; body: string }[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { heading: chunk.slice(0, newline).trim(), body: chunk.slice(newline + 1) };
    });
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

suite('knowledge content pages', () => {
  test('every section file exists and starts with a "# " title', () => {
    for (const id of SECTION_IDS) {
      const file = path.join(CONTENT_DIR, `${id}.md`);
      assert.ok(fs.existsSync(file), `missing ${file}`);
      const firstLine = readSection(id).split('\n')[0];
      assert.match(firstLine, /^# \S/, `${id}.md must start with "# <Title>"`);
    }
  });

  test('each comparison page has a side-by-side TensorFlow | PyTorch table', () => {
    const header = /^\|\s*\|\s*TensorFlow[^|\n]*\|\s*PyTorch[^|\n]*\|\s*$/m;
    for (const id of COMPARISON_IDS) {
      assert.match(readSection(id), header, `${id}.md needs a table with columns "| | TensorFlow | PyTorch |"`);
    }
  });

  test('every page has an https link, a Sources part and a _Checked: YYYY-MM-DD_ line', () => {
    for (const id of SECTION_IDS) {
      const text = readSection(id);
      assert.match(text, HTTPS_LINK, `${id}.md has no https link`);
      assert.match(text, SOURCES_LINE, `${id}.md has no "Sources:" part`);
      const checked = CHECKED_LINE.exec(text);
      assert.ok(checked, `${id}.md has no "_Checked: YYYY-MM-DD_" line`);
      assert.ok(!Number.isNaN(Date.parse(checked[1])), `${id}.md has an invalid checked date ${checked[1]}`);
    }
  });

  test('every paragraph, list item or table that names a version or year links a source', () => {
    const problems: string[] = [];
    for (const id of SECTION_IDS) {
      const units = proseUnits(readSection(id));
      units.forEach((unit, i) => {
        if (unit.kind === 'heading' || CHECKED_LINE.test(unit.text)) return;
        if (!VERSION_OR_YEAR.test(unit.text) || HTTPS_LINK.test(unit.text)) return;
        // A table cannot hold a trailing sentence, so its sources may follow directly below it.
        const next = units[i + 1];
        if (unit.kind === 'table' && next && /^Sources?:/.test(next.text) && HTTPS_LINK.test(next.text)) return;
        problems.push(`${id}.md: ${snippet(unit.text)}`);
      });
    }
    assert.deepStrictEqual(problems, [], 'dated or versioned text without a source link');
  });

  test('TF1-era terms appear only on the History page, or in a sentence pointing to it', () => {
    const problems: string[] = [];
    for (const id of SECTION_IDS) {
      if (id === 'history') continue;
      const text = readSection(id);
      const mayMention = id === 'examples' || id === 'faq';
      for (const sentence of sentences(text)) {
        const term = OUTDATED_TERMS.find((t) => t.test(sentence));
        if (!term) continue;
        if (mayMention && /history/i.test(sentence)) continue;
        problems.push(`${id}.md (${term.source}): ${snippet(sentence)}`);
      }
    }
    assert.deepStrictEqual(problems, [], 'outdated TF1 terms outside the History page');
  });

  test('the History page is labelled as history and covers the TF1 concepts', () => {
    const text = readSection('history');
    assert.match(text.split('\n')[0], /^# History/);
    assert.match(text, /this page is history/i);
    for (const term of OUTDATED_TERMS) assert.match(text, term, `history.md should explain ${term.source}`);
  });

  test('pages stay concise: 300-900 words of prose (examples: at most 900)', () => {
    for (const id of SECTION_IDS) {
      const words = proseWordCount(readSection(id));
      assert.ok(words <= 900, `${id}.md has ${words} prose words (max 900)`);
      if (id !== 'examples') assert.ok(words >= 300, `${id}.md has ${words} prose words (min 300)`);
    }
  });

  test('no page states a numeric share', () => {
    for (const id of SECTION_IDS) {
      assert.doesNotMatch(stripCode(readSection(id)), /\d\s?%/, `${id}.md contains a percentage`);
    }
  });

  test('FAQ entries are "### Question?" headings, each with an answer', () => {
    const text = readSection('faq');
    const entries = text.split(/^### /m).slice(1);
    assert.ok(entries.length >= 5, `faq.md has ${entries.length} questions, expected at least 5`);
    for (const entry of entries) {
      const [question, ...answer] = entry.split('\n');
      assert.match(question.trim(), /\?$/, `FAQ heading is not a question: ${question}`);
      assert.ok(answer.join('\n').trim().length > 40, `FAQ "${question}" has no answer`);
    }
  });

  test('every "What changed" item is dated and linked', () => {
    const body = readSection('changes-since-2023').split(/^Sources:/m)[0];
    const items = proseUnits(body).filter((u) => u.kind === 'list-item');
    assert.ok(items.length >= 10, `only ${items.length} dated items`);
    for (const item of items) {
      assert.match(item.text, /\b(?:19|20)\d{2}\b/, `undated item: ${snippet(item.text)}`);
      assert.match(item.text, HTTPS_LINK, `item without source: ${snippet(item.text)}`);
    }
  });

  test('versions.json holds the newest verified release of each framework', () => {
    const versions = JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, 'versions.json'), 'utf8'));
    for (const name of ['tensorflow', 'pytorch', 'keras']) {
      const entry = versions[name];
      assert.ok(entry, `versions.json lacks ${name}`);
      assert.match(entry.version, /^\d+\.\d+/, `${name}.version`);
      assert.match(entry.date, /^\d{4}-\d{2}$/, `${name}.date`);
      assert.match(entry.source, /^https:\/\//, `${name}.source`);
    }
    assert.match(versions.checked, /^\d{4}-\d{2}-\d{2}$/);
  });
});

suite('knowledge content examples', () => {
  const examples = readSection('examples');
  const sections = h2Sections(examples);

  test('examples.md has at least three TF/Keras + PyTorch pairs in that order', () => {
    assert.ok(sections.length >= 3, `examples.md has ${sections.length} "## " sections`);
    for (const { heading, body } of sections) {
      const blocks = pythonBlocks(body);
      assert.strictEqual(blocks.length, 2, `"${heading}" must have exactly two python blocks`);
      const [tf, torch] = blocks;
      assert.match(tf, /\bkeras\b|\btf\./, `"${heading}": the first block must be TensorFlow/Keras`);
      assert.doesNotMatch(tf, /\bimport torch\b/, `"${heading}": the TensorFlow block imports torch`);
      assert.match(torch, /\btorch\b/, `"${heading}": the second block must be PyTorch`);
      assert.doesNotMatch(torch, /\bimport (?:keras|tensorflow)\b/, `"${heading}": the PyTorch block imports TF/Keras`);
    }
  });

  test('the MNIST pair uses current idioms in both frameworks', () => {
    const mnist = sections.find((s) => s.heading === 'MNIST-sized MLP');
    assert.ok(mnist, 'examples.md needs a "## MNIST-sized MLP" section');
    const [tf, torch] = pythonBlocks(mnist.body);
    for (const needle of [
      'keras.datasets.mnist',
      'keras.Sequential',
      'keras.Input(shape=(784,))',
      'Dense(128, activation="relu")',
      'Dense(10)',
      'SparseCategoricalCrossentropy(from_logits=True)',
      'Adam(learning_rate=1e-3)',
      '.compile(',
      '.fit(',
      '.evaluate(',
    ]) {
      assert.ok(tf.includes(needle), `TF MNIST block lacks ${needle}`);
    }
    for (const needle of [
      'DataLoader(',
      'device',
      'nn.Sequential(',
      'nn.CrossEntropyLoss()',
      'torch.optim.Adam(',
      'model.train()',
      'model.eval()',
      'torch.inference_mode()',
      'accuracy',
    ]) {
      assert.ok(torch.includes(needle), `PyTorch MNIST block lacks ${needle}`);
    }
  });

  test('every python block on every page parses with Python 3', function () {
    this.timeout(30_000); // one python3 process per block
    for (const id of SECTION_IDS) {
      pythonBlocks(readSection(id)).forEach((code, i) => {
        const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
          input: code,
          encoding: 'utf8',
        });
        if (result.error) assert.fail(`cannot run python3 to check the examples: ${result.error.message}`);
        assert.strictEqual(result.status, 0, `${id}.md python block ${i + 1} does not parse:\n${result.stderr}`);
      });
    }
  });
});

