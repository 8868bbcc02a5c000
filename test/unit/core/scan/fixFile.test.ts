/** The fix step on stored files: notebooks rewritten in their cell sources only, byte-order marks kept, idempotent. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixSource, splitByCell, prepareSource } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const options = { maxBytes: 2_000_000 };
const fixturePath = (name: string) => path.join(process.cwd(), 'test', 'fixtures', 'fixes', name);
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(fixturePath(name)));
const fixBytes = (name: string, bytes = bytesOf(name)) => fixSource({ path: name, bytes }, kb, options);

/** The notebook's JSON with every cell's source taken out: what must not change. */
function withoutSources(json: string): unknown {
  const notebook = JSON.parse(json) as { cells: Array<Record<string, unknown>> };
  for (const cell of notebook.cells) delete cell.source;
  return notebook;
}

suite('fix a stored file', () => {
  test('a Jupyter notebook: only the fixed source lines change, the rest stays byte for byte', () => {
    const result = fixBytes('tf1_cells.ipynb');
    assert.ok(result.fixed, 'the notebook has fixes');
    // The expected file is what Jupyter itself writes for the fixed cells (indent 1, keys sorted, trailing newline).
    assert.strictEqual(result.fixed, fs.readFileSync(fixturePath('tf1_cells.fixed.ipynb'), 'utf8'));
    assert.deepStrictEqual(withoutSources(result.fixed), withoutSources(result.original!));
    const before = result.original!.split('\n');
    const after = result.fixed.split('\n');
    const changed = after.filter((line) => !before.includes(line));
    assert.deepStrictEqual(changed, [
      '    "from torch.cuda.amp import autocast\\n",',
      '    "import torch\\n"',
      '    "total = tf.reduce_sum(x, axis=1, keepdims=True)  # größe bleibt\\n",',
      '    "with torch.amp.autocast(\\"cuda\\", enabled=True):\\n",',
      '    "    resized = F.interpolate(torch_images, scale_factor=2)\\n",',
      '    "sess = tf.compat.v1.Session()\\n",',
      '    "with tf.compat.v1.Session() as other:\\n",',
      '    "    other.run(tf.compat.v1.global_variables_initializer())"',
    ]);
    assert.ok(result.fixed.includes('"%time images = F.upsample(torch_images, scale_factor=2)\\n"'), 'IPython lines are not Python: left as written');
  });

  test('a notebook fixed once is not changed by a second run; what is left is reported from the fixed text', () => {
    const once = fixBytes('tf1_cells.ipynb');
    const twice = fixBytes('tf1_cells.ipynb', new TextEncoder().encode(once.fixed!));
    assert.strictEqual(twice.fixed, undefined);
    assert.deepStrictEqual(twice.plan?.edits, []);
    assert.ok(once.remaining.status === 'analysed' && twice.scan.status === 'analysed');
    assert.deepStrictEqual(
      once.remaining.findings.map((f) => f.ruleId),
      twice.scan.findings.map((f) => f.ruleId),
    );
  });

  test('a notebook with single-string sources and two-space indentation keeps its layout', () => {
    const result = fixBytes('string_sources.ipynb');
    const original = fs.readFileSync(fixturePath('string_sources.ipynb'), 'utf8');
    assert.ok(result.fixed);
    assert.deepStrictEqual(withoutSources(result.fixed), withoutSources(original));
    assert.strictEqual(result.fixed.endsWith('}'), true, 'no trailing newline added');
    const changed = result.fixed.split('\n').filter((line) => !original.split('\n').includes(line));
    assert.deepStrictEqual(changed, [
      '      "source": "import tensorflow as tf\\n\\nx = tf.ones([2, 3])\\nmean = tf.reduce_mean(x, axis=[1], keepdims=True)"',
      '      "source": "with tf.compat.v1.Session() as sess:\\n    print(sess.run(mean))\\n"',
    ]);
  });

  test('a byte-order mark stays at the start of the fixed file', () => {
    const result = fixBytes('byte_order_mark.py');
    assert.ok(result.fixed?.startsWith('\uFEFF"""A script'));
    assert.ok(result.fixed);
    assert.ok(result.fixed.includes('sess = tf.compat.v1.Session()'));
  });

  test('a file with nothing to fix has no fixed text', () => {
    const result = fixBytes('from_imports.fixed.py');
    assert.strictEqual(result.fixed, undefined);
    assert.ok(result.plan && result.plan.fixes.length === 0);
  });

  test('program edits split into the code cells they fall in, an insertion at a cell\'s end staying in that cell', () => {
    const prepared = prepareSource({ path: 'n.ipynb', cells: [
      { kind: 'code', source: 'import torch' },
      { kind: 'markdown', source: '# notes' },
      { kind: 'code', source: 'x = 1' },
    ] }, options);
    assert.ok(!('status' in prepared));
    const split = splitByCell(prepared, [
      { from: 12, to: 12, text: '\nimport tensorflow\n' },
      { from: 13, to: 14, text: 'y' },
    ]);
    assert.deepStrictEqual(split, [
      { cell: 0, index: 0, edits: [{ from: 12, to: 12, text: '\nimport tensorflow\n' }] },
      { cell: 1, index: 2, edits: [{ from: 0, to: 1, text: 'y' }] },
    ]);
  });
});
