import * as assert from 'node:assert';
import { LineIndex } from '../../../../src/core/text/lineIndex';

suite('LineIndex', () => {
  test('positions on the first, middle and last line, LF and CRLF', () => {
    const lf = new LineIndex('ab\ncd\n\nef');
    assert.deepStrictEqual(lf.starts, [0, 3, 6, 7]);
    assert.deepStrictEqual(lf.positionOf(0), { line: 0, character: 0 });
    assert.deepStrictEqual(lf.positionOf(4), { line: 1, character: 1 });
    assert.deepStrictEqual(lf.positionOf(6), { line: 2, character: 0 });
    assert.deepStrictEqual(lf.positionOf(9), { line: 3, character: 2 });
    const crlf = new LineIndex('ab\r\ncd');
    assert.deepStrictEqual(crlf.positionOf(4), { line: 1, character: 0 });
    assert.deepStrictEqual(crlf.positionOf(2), { line: 0, character: 2 });
  });

  test('a lone CR ends a line, as in VS Code and CPython; CRLF stays one line end', () => {
    const cr = new LineIndex('import torch\rx = torch.autograd.Variable(t)\r\ny = 1\r');
    assert.deepStrictEqual(cr.starts, [0, 13, 45, 51]);
    assert.deepStrictEqual(cr.positionOf(17), { line: 1, character: 4 });
    assert.deepStrictEqual(cr.positionOf(47), { line: 2, character: 2 });
  });

  test('an empty text has one line', () => {
    const empty = new LineIndex('');
    assert.deepStrictEqual(empty.starts, [0]);
    assert.deepStrictEqual(empty.positionOf(0), { line: 0, character: 0 });
  });
});
