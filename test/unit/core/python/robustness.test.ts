/** analyzePython on hostile and huge inputs: no exception escapes and work grows linearly with the input. */
import * as assert from 'node:assert';
import { analyzePython, type PythonAnalysis } from '../../../../src/core/python';
import { readFixture } from './fixtureText';
import { seededRandom } from '../../seededRandom';


/** Analyses and probes symbolAt at every `step` offsets; fails if anything throws. */
function analyseAndProbe(text: string, step = 7): PythonAnalysis {
  const analysis = analyzePython(text);
  for (let offset = 0; offset <= text.length; offset += step) analysis.symbolAt(offset);
  return analysis;
}

const codeReferences = (a: PythonAnalysis) => a.references.filter((r) => !r.inImport).map((r) => r.qualifiedName);

suite('analyzePython: robustness', () => {
  test('random code units (seeded) never throw', () => {
    const random = seededRandom(20240611);
    for (let round = 0; round < 40; round++) {
      const length = Math.floor(random() * 4000);
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 0x10000));
      const analysis = analyseAndProbe(text, 13);
      assert.strictEqual(analysis.skipped, undefined, `round ${round} fell back to skipped`);
    }
  });

  test('random Python-ish tokens (seeded) never throw', () => {
    const random = seededRandom(7);
    const tokens = ['import', 'torch', 'tf', 'from', ' as ', '.', '(', ')', '[', ']', ':', '\n', '    ', '\t', '"', "'''", '#', 'def ', 'lambda', ',', '=', '@', '\\\n', 'f"{', '}', '\0', '\ud800'];
    for (let round = 0; round < 60; round++) {
      const parts: string[] = ['import torch\nimport tensorflow as tf\n'];
      for (let i = 0; i < 400; i++) parts.push(tokens[Math.floor(random() * tokens.length)]);
      analyseAndProbe(parts.join(''), 3);
    }
  });

  test('every truncation of a real file parses and keeps the references before the cut', () => {
    const text = readFixture('python/positions.py');
    const full = analyzePython(text).references;
    for (let cut = 0; cut <= text.length; cut += 11) {
      const analysis = analyseAndProbe(text.slice(0, cut), 5);
      const before = full.filter((r) => r.span.to < cut - 40 && !r.inImport).length;
      assert.ok(codeReferences(analysis).length >= before - 3, `cut ${cut}: ${codeReferences(analysis).length} < ${before}`);
    }
  });

  test('10,000 nested parentheses', () => {
    const depth = 10_000;
    const text = `import torch\nx = ${'('.repeat(depth)}torch.ones(1)${')'.repeat(depth)}\ny = torch.zeros(2)\n`;
    const analysis = analyseAndProbe(text, 997);
    assert.strictEqual(analysis.skipped, undefined);
    assert.deepStrictEqual(codeReferences(analysis), ['torch.ones', 'torch.zeros']);
    const unclosed = analyseAndProbe(`import torch\nx = ${'('.repeat(depth)}torch.ones(1)\n`, 997);
    assert.strictEqual(unclosed.hasSyntaxErrors, true);
  });

  test('200,000 lines: one reference per line, found in full', function () {
    this.timeout(60_000); // a budget for slow CI machines, not a speed assertion: bench/ measures speed
    const lines = 200_000;
    const text = 'import torch\n' + 'x = torch.relu(x)\n'.repeat(lines);
    const analysis = analyzePython(text, { maxBytes: 10_000_000 });
    assert.strictEqual(codeReferences(analysis).length, lines);
    assert.strictEqual(analysis.symbolAt(text.length - 'relu(x)\n'.length)?.qualifiedName, 'torch.relu');
  });

  test('references grow linearly: a file repeated 10 times has 10 times the references', () => {
    const body = readFixture('python/positions.py').split('\n').slice(1).join('\n');
    const once = codeReferences(analyzePython(body)).length;
    const tenTimes = codeReferences(analyzePython(body.repeat(10))).length;
    assert.ok(once > 10);
    assert.strictEqual(tenTimes, once * 10);
  });

  test('CRLF, BOM and tabs give the same references as LF with spaces', () => {
    const text = readFixture('python/positions.py');
    const expected = codeReferences(analyzePython(text));
    assert.deepStrictEqual(codeReferences(analyzePython(text.replace(/\n/g, '\r\n'))), expected);
    assert.deepStrictEqual(codeReferences(analyzePython('\ufeff' + text)), expected);
    assert.deepStrictEqual(codeReferences(analyzePython(text.replace(/^ {4}/gm, '\t'))), expected);
  });

  test('mixed tabs and spaces in one block do not throw', () => {
    const text = 'import torch\ndef f():\n\tx = torch.ones(1)\n        y = torch.zeros(1)\n\treturn x\n';
    const analysis = analyseAndProbe(text, 1);
    assert.ok(codeReferences(analysis).includes('torch.ones'));
  });

  test('NUL characters and lone surrogates', () => {
    const analysis = analyseAndProbe('import torch\x00\nx = torch.ones(1)\ud800\ny = "\udc00" + torch.zeros(1)\n', 1);
    assert.deepStrictEqual(codeReferences(analysis), ['torch.ones', 'torch.zeros']);
  });

  test('maxBytes: larger texts are skipped, counting UTF-8 bytes', () => {
    const text = 'import torch\nx = torch.ones(1)\n';
    assert.strictEqual(analyzePython(text, { maxBytes: 10 }).skipped, 'too-large');
    assert.strictEqual(analyzePython(text, { maxBytes: 10 }).references.length, 0);
    assert.strictEqual(analyzePython(text, { maxBytes: 1000 }).skipped, undefined);
    const wide = `# ${'é'.repeat(600)}\n`; // 600 code units, 1,200 bytes of é
    assert.strictEqual(analyzePython(wide, { maxBytes: 1000 }).skipped, 'too-large');
    assert.strictEqual(analyzePython('x'.repeat(2_000_001)).skipped, 'too-large');
  });
});
