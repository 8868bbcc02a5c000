/** renderSection/renderContent: escaped raw HTML, wrapped tables, heading ids, FAQ details, example pairs, highlighting. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderContent, renderSection, SECTION_ORDER, slugify, type ExamplePair } from '../../../src/knowledge/render';

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'content', name), 'utf8');
const contentDir = path.join(process.cwd(), 'src', 'knowledge', 'content');

function count(haystack: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(new RegExp(needle.source, needle.flags.replace('g', '') + 'g')) ?? []).length;
}

suite('renderSection: ordinary pages (fixture guide.md)', () => {
  const section = renderSection('deployment', fixture('guide.md'), []);
  const html = section.html;

  test('raw HTML in markdown is escaped and shown as text', () => {
    assert.ok(!/<script/i.test(html), 'a <script> tag reached the output');
    assert.ok(!/<b[\s>]/.test(html), 'inline raw HTML reached the output');
    assert.ok(!/<div class="banner"/.test(html), 'block raw HTML reached the output');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;div class=&quot;banner&quot;&gt;'));
  });

  test('tables are wrapped in .table-wrap', () => {
    assert.strictEqual(count(html, '<table>'), 1);
    assert.match(html, /<div class="table-wrap"><table>[\s\S]*?<\/table><\/div>/);
    assert.strictEqual(count(html, /<table[\s>]/), count(html, '<div class="table-wrap"><table>'));
  });

  test('the title is the h1 text', () => assert.strictEqual(section.title, 'Deployment notes'));

  test('headings get unique ids <section>--<slug>; h2s form the table of contents', () => {
    assert.ok(html.includes('<h1 id="deployment--deployment-notes">'));
    assert.deepStrictEqual(section.headings, [
      { id: 'deployment--serving', title: 'Serving' },
      { id: 'deployment--serving-2', title: 'Serving' },
      { id: 'deployment--export-conversion-onnx', title: 'Export & conversion (ONNX)' },
    ]);
    for (const h of section.headings) assert.strictEqual(count(html, `id="${h.id}"`), 1, h.id);
  });

  test('python blocks are highlighted with hljs classes; other languages are escaped only', () => {
    assert.match(html, /<pre class="code"><code class="hljs language-python"><span class="hljs-keyword">import<\/span> torch/);
    assert.match(html, /<span class="hljs-string">&quot;model\.onnx&quot;<\/span>/);
    assert.match(html, /<code class="hljs language-bash">pip install onnx\n<\/code>/);
  });

  test('bare URLs are linkified', () => assert.ok(html.includes('<a href="https://onnx.ai">https://onnx.ai</a>')));

  test('without an h1 the title falls back to the section id', () => {
    assert.strictEqual(renderSection('performance', '## Only a subheading\n\nText.\n', []).title, 'performance');
  });
});

suite('slugify', () => {
  const cases: Array<[string, string]> = [
    ['Serving', 'serving'],
    ['Export & conversion (ONNX)', 'export-conversion-onnx'],
    ['  What changed in TF 2.16?  ', 'what-changed-in-tf-2-16'],
    ['torch.compile vs. XLA', 'torch-compile-vs-xla'],
  ];
  for (const [text, slug] of cases) test(`${text} → ${slug}`, () => assert.strictEqual(slugify(text), slug));
});

suite('renderSection: FAQ (fixture faq.md)', () => {
  const section = renderSection('faq', fixture('faq.md'), []);
  const html = section.html;

  test('each ### question becomes a <details class="faq"> with its id and summary', () => {
    assert.strictEqual(count(html, '<details class="faq"'), 2);
    assert.strictEqual(count(html, '</details>'), 2);
    assert.ok(html.includes('<details class="faq" id="faq--which-one-is-faster"><summary>Which one is faster?</summary><div class="faq-body">'));
  });

  test('the answer, including tables, is inside its details', () => {
    const second = html.slice(html.indexOf('id="faq--can-i-use-in-one-project"'), html.lastIndexOf('</details>'));
    assert.ok(second.includes('separate processes'));
    assert.ok(second.includes('<div class="table-wrap"><table>'));
    const first = html.slice(html.indexOf('id="faq--which-one-is-faster"'), html.indexOf('</details>'));
    assert.ok(first.includes('<code>torch.compile</code>'));
  });

  test('the question text is escaped in the summary', () => {
    assert.ok(html.includes('<summary>Can I use &lt;both&gt; in one project?</summary>'));
    assert.ok(!html.includes('<both>'));
  });

  test('the trailing Sources: paragraph and its list are outside the last details', () => {
    const lastClose = html.lastIndexOf('</details>');
    assert.ok(lastClose > 0);
    assert.ok(html.indexOf('Sources:') > lastClose, 'Sources: is inside a question');
    assert.ok(html.indexOf('https://www.tensorflow.org/xla') > lastClose);
    assert.ok(html.indexOf('Checked: 2026-01-15') > lastClose);
  });

  test('the intro paragraph comes before the first question', () => {
    assert.ok(html.indexOf('Short answers') < html.indexOf('<details'));
  });

  test('FAQ headings list the questions for the table of contents', () => {
    assert.deepStrictEqual(section.headings.map((h) => h.id), ['faq--which-one-is-faster', 'faq--can-i-use-in-one-project']);
  });

  test('### headings on other pages are not turned into details', () => {
    const other = renderSection('performance', fixture('faq.md'), []);
    assert.ok(!other.html.includes('<details'));
    assert.ok(other.html.includes('<h3 id="performance--which-one-is-faster">'));
  });
});

suite('renderSection: examples (fixture examples.md)', () => {
  const examples: ExamplePair[] = [];
  const html = renderSection('examples', fixture('examples.md'), examples).html;

  test('each ## with two python blocks becomes a pair: first TensorFlow, second PyTorch', () => {
    assert.deepStrictEqual(
      examples.map((e) => e.id),
      ['examples--dense-layer', 'examples--optimizer'],
    );
    assert.strictEqual(examples[0].title, 'Dense layer');
    assert.match(examples[0].tensorflow, /^import keras\n/);
    assert.match(examples[0].pytorch, /^from torch import nn\n/);
    assert.match(examples[1].tensorflow, /keras\.optimizers\.Adam/);
    assert.match(examples[1].pytorch, /torch\.optim\.Adam/);
  });

  test('pairs are laid out as two columns in framework order', () => {
    assert.strictEqual(count(html, '<div class="example-pair">'), 2);
    const cols = [...html.matchAll(/<div class="example-col" data-framework="(\w+)">/g)].map((m) => m[1]);
    assert.deepStrictEqual(cols, ['tensorflow', 'pytorch', 'tensorflow', 'pytorch']);
    const tfCol = html.indexOf('data-framework="tensorflow"><div class="example-head"><span class="example-label">TensorFlow / Keras');
    assert.ok(tfCol >= 0);
    assert.ok(html.indexOf('keras.layers.Dense', tfCol) < html.indexOf('data-framework="pytorch"><div class="example-head">', tfCol));
  });

  test('data-action buttons carry the example id and framework', () => {
    for (const action of ['copy', 'insert', 'openAsFile']) {
      for (const framework of ['tensorflow', 'pytorch']) {
        for (const id of ['examples--dense-layer', 'examples--optimizer']) {
          assert.strictEqual(count(html, `data-action="${action}" data-example="${id}" data-framework="${framework}"`), 1, `${action} ${id} ${framework}`);
        }
      }
    }
    assert.strictEqual(count(html, 'data-action='), 12);
  });

  test('example code is highlighted', () => {
    assert.match(html, /<code class="hljs language-python"><span class="hljs-keyword">from<\/span> torch <span class="hljs-keyword">import<\/span> nn/);
  });

  test('prose after a pair and a third python block still render, after the pair', () => {
    assert.ok(html.indexOf('needs the input size up front') > html.indexOf('<div class="example-pair">'));
    const third = html.indexOf('A third block is not part of the pair.');
    assert.ok(third > html.lastIndexOf('<div class="example-pair">'));
    assert.ok(!examples.some((e) => e.tensorflow.includes('StepLR') || e.pytorch.includes('StepLR')));
  });

  test('a heading with a single python block makes no pair and still shows its code', () => {
    assert.ok(!examples.some((e) => e.id === 'examples--only-one-framework'));
    assert.ok(html.includes('examples--only-one-framework'));
    assert.ok(html.includes('no PyTorch counterpart here'), 'the lone python block was dropped from the page');
  });
});

suite('renderContent: the real comparison pages', () => {
  const files = fs.readdirSync(contentDir).filter((f) => f.endsWith('.md'));
  const pages = new Map(files.map((f) => [f.replace(/\.md$/, ''), fs.readFileSync(path.join(contentDir, f), 'utf8')]));
  const content = renderContent(pages);

  test('every markdown page is a known section and renders, in SECTION_ORDER', () => {
    assert.deepStrictEqual([...pages.keys()].filter((id) => !(SECTION_ORDER as readonly string[]).includes(id)), []);
    assert.deepStrictEqual(
      content.sections.map((s) => s.id),
      SECTION_ORDER.filter((id) => pages.has(id)),
    );
    assert.ok(content.sections.length >= 10, `only ${content.sections.length} sections`);
  });

  for (const id of SECTION_ORDER) {
    test(`section ${id}: title, headings with unique ids, no raw HTML`, () => {
      const section = content.sections.find((s) => s.id === id);
      assert.ok(section, `${id}.md did not render`);
      assert.ok(section.title && section.title !== id, `${id} has no h1 title`);
      assert.ok(section.html.length > 200);
      assert.ok(!/<script|<iframe|<style|\son\w+=/i.test(section.html), `${id} contains active HTML`);
      const ids = [...section.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.strictEqual(new Set(ids).size, ids.length, `duplicate ids in ${id}`);
      for (const hid of ids) assert.ok(hid.startsWith(`${id}--`), hid);
      for (const h of section.headings) assert.ok(ids.includes(h.id), h.id);
      assert.strictEqual(count(section.html, /<table[\s>]/), count(section.html, '<div class="table-wrap"><table>'));
    });
  }

  test('the real FAQ: one details per ### question, sources after the last one', () => {
    const faq = content.sections.find((s) => s.id === 'faq');
    assert.ok(faq);
    const questions = count(pages.get('faq') as string, /^### /m);
    assert.ok(questions >= 5);
    assert.strictEqual(count(faq.html, '<details class="faq"'), questions);
    assert.ok(faq.html.lastIndexOf('Sources:') > faq.html.lastIndexOf('</details>'));
  });

  test('the real examples: at least 3 pairs, TensorFlow/Keras code first, PyTorch second', () => {
    assert.ok(content.examples.length >= 3, `${content.examples.length} pairs`);
    for (const e of content.examples) {
      assert.match(e.id, /^examples--/);
      assert.match(e.tensorflow, /\b(tf|keras|tensorflow)\./, `${e.id}: first block is not TensorFlow/Keras`);
      assert.match(e.pytorch, /\b(torch|nn)\./, `${e.id}: second block is not PyTorch`);
      assert.doesNotMatch(e.tensorflow, /\bimport torch\b/, e.id);
    }
    const html = content.sections.find((s) => s.id === 'examples')?.html ?? '';
    assert.strictEqual(count(html, '<div class="example-pair">'), content.examples.length);
    assert.strictEqual(count(html, 'data-action="insert"'), content.examples.length * 2);
  });

  test('real python blocks are highlighted', () => {
    const html = content.sections.map((s) => s.html).join('\n');
    assert.ok(count(html, 'class="hljs language-python"') >= 6);
    assert.ok(html.includes('<span class="hljs-keyword">import</span>'));
  });
});
