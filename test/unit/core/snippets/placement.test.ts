/** importInsertionOffset and splitImports on real-looking files, with LF and CRLF line ends. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../../src/core/python';
import { importInsertionOffset, splitImports } from '../../../../src/core/snippets/placement';

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'placement', name), 'utf8').replace(/\r\n/g, '\n');
const toCrlf = (text: string) => text.replace(/\n/g, '\r\n');

/** [name, fixture, the text that must come right before the offset (LF form), the text right after]. */
const offsetCases: Array<[string, string, string, string]> = [
  ['empty file: the top', 'empty.py', '', ''],
  ['code only: the top', 'code_only.py', '', 'print("hello")'],
  ['docstring only: after the docstring line', 'docstring_only.py', '"""Utilities for the training job; nothing imported yet."""\n', ''],
  ['docstring + imports + code: after the last import', 'docstring_imports_code.py', 'import numpy as np\n', '\nEPOCHS = 3'],
  ['docstring then code: after the docstring, not after the later import', 'docstring_then_code.py', '"""Evaluation helpers."""\n', 'THRESHOLD = 0.5'],
  ['leading comments and shebang are skipped', 'comments_first.py', '# Copyright 2026 The Example Authors.\nimport json\n', '\nconfig = '],
  ['after from __future__ and the imports that follow it', 'future_import.py', 'from __future__ import annotations\n\nimport sys\n', '\nprint(sys.argv)'],
  ['imports after code: stops at the first non-import', 'imports_after_code.py', 'import os\n', '\nos.environ'],
  ['a try/except import block ends the head', 'snippet_block.py', 'from torch import nn\n', '\ntry:'],
  ['shebang and encoding cookie stay the first two lines', 'shebang_cookie_code.py', '#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\n', 'print('],
  ['an encoding cookie on line 1 stays there', 'cookie_only.py', '# vim: set fileencoding=latin-1 :\n', 'NAME = '],
  ['a notebook cell: the %%capture magic stays the first line', 'cell_magic_capture.py', '%%capture\n', '!pip install torch'],
  ['a notebook cell: after the magic and the imports under it', 'cell_magic_imports.py', '%%time\nimport os\n', 'print(os.getcwd())'],
];

for (const [eol, convert] of [['LF', (t: string) => t], ['CRLF', toCrlf]] as const) {
  suite(`importInsertionOffset (${eol})`, () => {
    for (const [name, file, before, after] of offsetCases) {
      test(name, () => {
        const text = convert(fixture(file));
        const offset = importInsertionOffset(text);
        assert.ok(offset === 0 || text[offset - 1] === '\n', `offset ${offset} is not at a line start`);
        assert.ok(text.slice(0, offset).endsWith(convert(before)), `before: ${JSON.stringify(text.slice(Math.max(0, offset - 60), offset))}`);
        assert.ok(text.slice(offset).startsWith(convert(after)), `after: ${JSON.stringify(text.slice(offset, offset + 40))}`);
      });
    }

    test('inserting an import line at the offset gives a file whose imports come first', () => {
      const text = convert(fixture('docstring_imports_code.py'));
      const offset = importInsertionOffset(text);
      const edited = text.slice(0, offset) + convert('import torch\n') + text.slice(offset);
      assert.strictEqual(edited, convert('"""Trains the classifier."""\nimport os\nimport numpy as np\nimport torch\n\nEPOCHS = 3\n\n\ndef main():\n    print(os.getcwd(), np.zeros(EPOCHS))\n'));
      const imports = analyzePython(edited).imports.map((s) => s.module);
      assert.deepStrictEqual(imports, ['os', 'numpy', 'torch']);
    });
  });
}

suite('importInsertionOffset: a last import without a newline', () => {
  test('the offset is the end of the text (the caller adds the newline)', () => {
    const text = fixture('no_trailing_newline.py');
    assert.ok(!text.endsWith('\n'));
    assert.strictEqual(importInsertionOffset(text), text.length);
  });
});

suite('splitImports', () => {
  test('top-level unconditional imports move out, in order, with their bindings', () => {
    const code = fixture('snippet_block.py');
    const { imports } = splitImports(code, analyzePython(code));
    assert.deepStrictEqual(imports, [
      { text: 'import torch', bindings: [{ local: 'torch', target: 'torch' }] },
      { text: 'from torch import nn', bindings: [{ local: 'nn', target: 'torch.nn' }] },
    ]);
  });

  test('conditional and function-level imports stay in the rest, which keeps its order', () => {
    const code = fixture('snippet_block.py');
    const { rest } = splitImports(code, analyzePython(code));
    assert.strictEqual(
      rest,
      'try:\n    import torchvision\nexcept ImportError:\n    torchvision = None\n\nmodel = nn.Linear(784, 10)\n\n\ndef predict(x):\n    import torch.nn.functional as F\n    return F.softmax(model(x), dim=-1)\n',
    );
  });

  test('imports between statements are removed without leaving blank lines', () => {
    const code = fixture('interleaved_block.py');
    const { imports, rest } = splitImports(code, analyzePython(code));
    assert.deepStrictEqual(imports.map((i) => i.text), ['import numpy as np', 'import torch']);
    assert.strictEqual(rest, 'x = np.ones(3)\ny = torch.from_numpy(x)\n');
  });

  test('CRLF: same result as LF, with CRLF kept in the rest', () => {
    for (const file of ['snippet_block.py', 'interleaved_block.py', 'future_import.py']) {
      const lf = fixture(file);
      const crlf = toCrlf(lf);
      const fromLf = splitImports(lf, analyzePython(lf));
      const fromCrlf = splitImports(crlf, analyzePython(crlf));
      assert.deepStrictEqual(fromCrlf.imports, fromLf.imports, file);
      assert.strictEqual(fromCrlf.rest, toCrlf(fromLf.rest), file);
    }
  });

  test('a block without imports is returned unchanged', () => {
    const code = fixture('code_only.py');
    assert.deepStrictEqual(splitImports(code, analyzePython(code)), { imports: [], rest: code });
  });

  test('a block of imports only leaves an empty rest', () => {
    const code = 'import torch\nfrom torch import nn\n';
    assert.deepStrictEqual(splitImports(code, analyzePython(code)).rest, '');
  });
});
