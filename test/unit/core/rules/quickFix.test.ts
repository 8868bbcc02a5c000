/** planRename and planLeadingArgument: how a replacement is written through the file's own imports, on real-looking snippets. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../../../../src/core/python';
import { planLeadingArgument, planRename, type RenamePlan } from '../../../../src/core/rules/quickFix';
import { KnowledgeBase } from '../../../../src/knowledge';
import { ALL_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(ALL_ENTRIES);

function readRenameFixture(name: string): string {
  return fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'rename', name), 'utf8');
}

interface Case {
  name: string;
  file: string;
  /** The reference as written at its use (not in an import). */
  written: string;
  /** Its qualified name, checked so a change in the analysis shows up here and not as a wrong plan. */
  qualified: string;
  replacement: string;
  expected: RenamePlan;
}

const cases: Case[] = [
  {
    name: 'tf alias: tf.Session → tf.compat.v1.Session',
    file: 'tf_alias.py',
    written: 'tf.Session',
    qualified: 'tensorflow.Session',
    replacement: 'tensorflow.compat.v1.Session',
    expected: { text: 'tf.compat.v1.Session' },
  },
  {
    name: 'tf alias: a second reference in the same file',
    file: 'tf_alias.py',
    written: 'tf.global_variables_initializer',
    qualified: 'tensorflow.global_variables_initializer',
    replacement: 'tensorflow.compat.v1.global_variables_initializer',
    expected: { text: 'tf.compat.v1.global_variables_initializer' },
  },
  {
    name: 'F alias without a torch binding: torch.sigmoid plus `import torch`',
    file: 'functional_only.py',
    written: 'F.sigmoid',
    qualified: 'torch.nn.functional.sigmoid',
    replacement: 'torch.sigmoid',
    expected: { text: 'torch.sigmoid', importLine: 'import torch' },
  },
  {
    name: 'F alias: a replacement inside the alias target is written through the alias',
    file: 'functional_only.py',
    written: 'F.tanh',
    qualified: 'torch.nn.functional.tanh',
    replacement: 'torch.nn.functional.hardtanh',
    expected: { text: 'F.hardtanh' },
  },
  {
    name: 'F alias with `import torch`: torch.sigmoid, no import line',
    file: 'functional_with_torch.py',
    written: 'F.sigmoid',
    qualified: 'torch.nn.functional.sigmoid',
    replacement: 'torch.sigmoid',
    expected: { text: 'torch.sigmoid' },
  },
  {
    name: '`import torch.nn.functional` binds torch: written in full, no import line',
    file: 'functional_dotted.py',
    written: 'torch.nn.functional.sigmoid',
    qualified: 'torch.nn.functional.sigmoid',
    replacement: 'torch.sigmoid',
    expected: { text: 'torch.sigmoid' },
  },
  {
    name: 'an import inside a function is not a module binding: the import line is added',
    file: 'import_in_function.py',
    written: 'F.sigmoid',
    qualified: 'torch.nn.functional.sigmoid',
    replacement: 'torch.sigmoid',
    expected: { text: 'torch.sigmoid', importLine: 'import torch' },
  },
  {
    name: '`from tensorflow.compat import v1`: a from-imported TF1 name is written through v1',
    file: 'compat_from_import.py',
    written: 'Session',
    qualified: 'tensorflow.Session',
    replacement: 'tensorflow.compat.v1.Session',
    expected: { text: 'v1.Session' },
  },
  {
    name: '`from tensorflow import Session` alone: the full name plus `import tensorflow`',
    file: 'from_import_only.py',
    written: 'Session',
    qualified: 'tensorflow.Session',
    replacement: 'tensorflow.compat.v1.Session',
    expected: { text: 'tensorflow.compat.v1.Session', importLine: 'import tensorflow' },
  },
  {
    name: '`from tensorflow.compat import v1` + v1.Session: the replacement equals the current name',
    file: 'compat_v1_from.py',
    written: 'v1.Session',
    qualified: 'tensorflow.compat.v1.Session',
    replacement: 'tensorflow.compat.v1.Session',
    expected: { text: 'v1.Session' },
  },
  {
    name: '`import tensorflow.compat.v1 as tf` + tf.Session: the replacement equals the current name',
    file: 'compat_v1_as_tf.py',
    written: 'tf.Session',
    qualified: 'tensorflow.compat.v1.Session',
    replacement: 'tensorflow.compat.v1.Session',
    expected: { text: 'tf.Session' },
  },
  {
    name: 'the most specific module binding wins: cuda_amp.GradScaler → amp.GradScaler',
    file: 'amp_module_alias.py',
    written: 'cuda_amp.GradScaler',
    qualified: 'torch.cuda.amp.GradScaler',
    replacement: 'torch.amp.GradScaler',
    expected: { text: 'amp.GradScaler' },
  },
  {
    name: 'a replacement that is exactly a bound module is written as its local name',
    file: 'amp_module_alias.py',
    written: 'cuda_amp.GradScaler',
    qualified: 'torch.cuda.amp.GradScaler',
    replacement: 'torch.amp',
    expected: { text: 'amp' },
  },
  {
    name: 'a replacement in another framework gets its own top-level import',
    file: 'tf_alias.py',
    written: 'tf.Session',
    qualified: 'tensorflow.Session',
    replacement: 'keras.Model',
    expected: { text: 'keras.Model', importLine: 'import keras' },
  },
];

suite('planRename', () => {
  for (const c of cases) {
    test(c.name, () => {
      const text = readRenameFixture(c.file);
      const analysis = analyzePython(text);
      const reference = analysis.references.find((r) => !r.inImport && r.written === c.written);
      assert.ok(reference, `no reference written ${c.written} in ${c.file}: ${analysis.references.map((r) => r.written).join(', ')}`);
      assert.strictEqual(reference.qualifiedName, c.qualified);
      assert.strictEqual(text.slice(reference.span.from, reference.span.to), c.written);
      assert.deepStrictEqual(planRename(reference, c.replacement, analysis.imports), c.expected);
    });
  }

  test('the rename is applied to the reference span and leaves the rest of the file intact', () => {
    const text = readRenameFixture('tf_alias.py');
    const analysis = analyzePython(text);
    const reference = analysis.references.find((r) => r.written === 'tf.Session');
    assert.ok(reference);
    const plan = planRename(reference, 'tensorflow.compat.v1.Session', analysis.imports);
    const edited = text.slice(0, reference.span.from) + plan.text + text.slice(reference.span.to);
    assert.strictEqual(edited, text.replace('with tf.Session()', 'with tf.compat.v1.Session()'));
  });
});

suite('planLeadingArgument: torch.cuda.amp → torch.amp with the device type first (data: Replacement.leadingArgument)', () => {
  /** Applies, for every finding with a leading argument, the rename and the argument insertion the quick fix makes. */
  function fixAll(text: string): string {
    const analysis = analyzePython(text);
    const edits: Array<{ from: number; to: number; text: string }> = [];
    for (const reference of analysis.references) {
      const replacement = kb.get(reference.qualifiedName)?.replacement;
      if (!replacement?.leadingArgument || reference.inImport) continue;
      const argument = planLeadingArgument(reference, replacement.leadingArgument, text);
      if (!argument) continue;
      edits.push({ ...reference.span, text: planRename(reference, replacement.name, analysis.imports).text });
      edits.push({ from: argument.at, to: argument.at, text: argument.text });
    }
    edits.sort((a, b) => b.from - a.from);
    return edits.reduce((out, e) => out.slice(0, e.from) + e.text + out.slice(e.to), text);
  }

  test('keyword-only and empty calls get the device type; positional and ** calls are left alone', () => {
    assert.strictEqual(fixAll(readRenameFixture('amp_calls.py')), readRenameFixture('amp_calls.fixed.py'));
  });

  test('the data names the device for each deprecated AMP API', () => {
    assert.strictEqual(kb.get('torch.cuda.amp.autocast')?.replacement?.leadingArgument, '"cuda"');
    assert.strictEqual(kb.get('torch.cuda.amp.GradScaler')?.replacement?.leadingArgument, '"cuda"');
    assert.strictEqual(kb.get('torch.cpu.amp.autocast')?.replacement?.leadingArgument, '"cpu"');
  });
});
