/** Notebook cells joined into one program, IPython syntax blanked with offsets kept, and .ipynb reading. */
import * as assert from 'node:assert';
import { analyzePython, joinNotebookCells, parseIpynb, toCellOffset, toGlobalOffset } from '../../../../src/core/python';
import { readFixture } from './fixtureText';

suite('notebooks', () => {
  const notebook = parseIpynb(readFixture('notebooks/train.ipynb'));
  const codeCells = notebook.cells.filter((c) => c.kind === 'code').map((c) => c.source);
  const joined = joinNotebookCells(codeCells);

  test('parseIpynb reads cells (list sources joined) and the language', () => {
    assert.deepStrictEqual(notebook.cells.map((c) => c.kind), ['markdown', 'code', 'code', 'code', 'markdown', 'code']);
    assert.strictEqual(notebook.cells[1].source, '%matplotlib inline\nimport torch\nfrom torch import nn\nimport tensorflow as tf');
    assert.strictEqual(notebook.language, 'python');
  });

  test('parseIpynb explains what is wrong', () => {
    assert.throws(() => parseIpynb('{"cells": ['), /Not a notebook: invalid JSON/);
    assert.throws(() => parseIpynb('[1, 2]'), /not an object/);
    assert.throws(() => parseIpynb('{"metadata": {}}'), /no "cells" array/);
    assert.deepStrictEqual(parseIpynb('{"cells": [{"cell_type": "code", "source": "x = 1"}]}'), { cells: [{ kind: 'code', source: 'x = 1' }] });
  });

  test('cells are joined with one newline and every cell keeps its length', () => {
    assert.strictEqual(joined.cellStarts.length, 4);
    codeCells.forEach((cell, i) => {
      const end = i + 1 < codeCells.length ? joined.cellStarts[i + 1] - 1 : joined.text.length;
      assert.strictEqual(end - joined.cellStarts[i], cell.length);
    });
  });

  test('magics and shell lines are blanked with spaces of the same length; a %% cell is blanked whole', () => {
    const firstCell = joined.text.slice(joined.cellStarts[0], joined.cellStarts[1] - 1);
    assert.strictEqual(firstCell, `${' '.repeat('%matplotlib inline'.length)}\nimport torch\nfrom torch import nn\nimport tensorflow as tf`);
    const bashCell = joined.text.slice(joined.cellStarts[2], joined.cellStarts[3] - 1);
    assert.strictEqual(bashCell.trim(), '');
    assert.strictEqual(bashCell.split('\n').length, 3);
    assert.ok(!joined.text.includes('!pip'));
    assert.ok(!joined.text.includes('%time'));
  });

  test('an import in the first cell resolves names in later cells; blanked cells give nothing', () => {
    const analysis = analyzePython(joined.text);
    assert.strictEqual(analysis.hasSyntaxErrors, false);
    const code = analysis.references.filter((r) => !r.inImport).map((r) => `${toCellOffset(joined, r.span.from).cell}:${r.qualifiedName}`);
    assert.deepStrictEqual(code, ['1:torch.randn', '1:torch.nn.Linear', '3:tensorflow.keras.Sequential', '3:tensorflow.keras.layers.Dense']);
  });

  test('toCellOffset and toGlobalOffset are inverse', () => {
    for (let cell = 0; cell < codeCells.length; cell++) {
      for (const offset of [0, 1, codeCells[cell].length]) {
        const global = toGlobalOffset(joined, cell, offset);
        assert.deepStrictEqual(toCellOffset(joined, global), { cell, offset });
      }
    }
    assert.throws(() => toGlobalOffset(joined, 9, 0), /no cell 9/);
  });

  test('no cells and indented magics', () => {
    assert.deepStrictEqual(joinNotebookCells([]), { text: '', cellStarts: [] });
    const { text } = joinNotebookCells(['if True:\n    %time x = 1\n    !ls\n']);
    assert.strictEqual(text, `if True:\n${' '.repeat(15)}\n${' '.repeat(7)}\n`);
  });
});
