/** Positions of cell sources in .ipynb JSON: list and string sources, escapes, nbformat 3 worksheets, odd layouts. */
import * as assert from 'node:assert';
import { parseIpynb } from '../../../../src/core/python';
import { locateCellSources, storedOffset } from '../../../../src/core/scan/notebookPositions';

/** The JSON text at the stored offset of each decoded offset must hold the same character (escapes aside). */
function assertMapsBack(json: string): void {
  const cells = parseIpynb(json).cells;
  const pieces = locateCellSources(json);
  assert.ok(pieces, 'located');
  assert.strictEqual(pieces.length, cells.length);
  cells.forEach((cell, index) => {
    for (let offset = 0; offset < cell.source.length; offset++) {
      const raw = storedOffset(json, pieces[index], offset);
      assert.ok(raw !== undefined, `cell ${index} offset ${offset}`);
      const ch = cell.source[offset];
      const stored = json[raw] === '\\' ? JSON.parse(`"${json.slice(raw, raw + (json[raw + 1] === 'u' ? 6 : 2))}"`) : json[raw];
      assert.strictEqual(stored, ch, `cell ${index} offset ${offset}`);
    }
  });
}

suite('notebook source positions', () => {
  test('list-of-lines and single-string sources, with escapes and non-ASCII text', () => {
    const json = JSON.stringify(
      {
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'text é\n'] },
          { cell_type: 'code', metadata: {}, outputs: [{ data: { 'text/plain': ['a "quoted" [output]'] } }], source: 'x = "tab\\there"\ny = "\u00e9"\n' },
          { cell_type: 'code', metadata: {}, outputs: [], source: ['import torch\n', 'z = torch.zeros(1)  # \ud83d\ude00\n'] },
        ],
        metadata: {},
        nbformat: 4,
      },
      null,
      1,
    );
    assertMapsBack(json);
  });

  test('nbformat 3 worksheets with `input`, and a cell that is not an object (dropped as parseIpynb drops it)', () => {
    const json = '{"worksheets": [{"cells": [{"cell_type": "code", "input": ["import tensorflow as tf\\n", "tf.Session()"]}, 42, {"cell_type": "markdown", "source": "note"}]}], "metadata": {}}';
    assertMapsBack(json);
    assert.strictEqual(locateCellSources(json)?.length, 2);
  });

  test('`cells` wins over `worksheets` whatever the key order; invalid JSON locates nothing', () => {
    const json = '{"worksheets": [{"cells": [{"cell_type": "code", "input": "a"}]}], "cells": [{"cell_type": "code", "source": "bb"}, {"cell_type": "code", "source": "c"}]}';
    assert.strictEqual(locateCellSources(json)?.length, 2);
    assertMapsBack(json);
    assert.strictEqual(locateCellSources('{"cells": [{"source": "unterminated'), undefined);
  });
});
