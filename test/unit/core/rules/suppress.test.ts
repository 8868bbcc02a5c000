/** Suppressions: `# framework-guide: ignore` comments, whole-line or per rule, never inside strings; LF and CRLF. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Suppressions } from '../../../../src/core/rules/suppress';

const lf = fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'suppressions.py'), 'utf8').replace(/\r\n/g, '\n');

/** Offset of `word` on the only line starting with `lineStart`. */
function at(text: string, lineStart: string, word: string): number {
  const line = text.indexOf('\n' + lineStart) + 1;
  assert.ok(line > 0, `no line starts with ${lineStart}`);
  assert.strictEqual(text.indexOf('\n' + lineStart, line), -1, `several lines start with ${lineStart}`);
  const end = text.indexOf('\n', line);
  const offset = text.indexOf(word, line);
  assert.ok(offset >= 0 && offset < end, `${word} not on line ${lineStart}`);
  return offset;
}

type Case = [name: string, lineStart: string, word: string, ruleId: string, suppressed: boolean];

const cases: Case[] = [
  ['whole-line ignore silences the rule on the line', 'x = ', 'tf.placeholder', 'FG-tensorflow.placeholder', true],
  ['whole-line ignore silences any rule on the line', 'x = ', 'tf.float32', 'FG-anything.else', true],
  ['whole-line ignore: offset at the line start', 'x = ', 'x', 'FG-tensorflow.placeholder', true],
  ['ignore[rule] silences that rule', 'sess = ', 'tf.Session', 'FG-tensorflow.Session', true],
  ['ignore[rule] leaves other rules on the line', 'sess = ', 'tf.Session', 'FG-tensorflow.placeholder', false],
  ['a list silences its first rule', 'y = ', 'F.upsample', 'FG-torch.nn.functional.upsample', true],
  ['a list silences its second rule', 'y = ', 'F.upsample_nearest', 'FG-torch.nn.functional.upsample_nearest', true],
  ['a list leaves unlisted rules', 'y = ', 'torch.randn', 'FG-torch.randn', false],
  ['a rule id that is a prefix of the listed one is not silenced', 'y = ', 'F.upsample', 'FG-torch.nn.functional', false],
  ['ignore[replacement id] does not silence the finding itself', 'up = ', 'F.upsample', 'FG-torch.nn.functional.upsample', false],
  ['a line without a marker', 'init = ', 'tf.global_variables_initializer', 'FG-tensorflow.global_variables_initializer', false],
  ['a marker inside a double-quoted string does not suppress', 'print(', 'tf.get_default_graph', 'FG-tensorflow.get_default_graph', false],
  ['a marker inside a single-quoted string does not suppress', 'note = ', 'tf.placeholder', 'FG-tensorflow.placeholder', false],
  ['spaces inside the brackets and none after # are allowed', 'scaler = ', 'torch.cuda.amp.GradScaler', 'FG-torch.cuda.amp.GradScaler', true],
  ['the marker after other comment text still counts', 'with torch', 'torch.cuda.amp.autocast', 'FG-torch.cuda.amp.autocast', true],
  ['the line after a whole-line ignore is unaffected', '    pass', 'pass', 'FG-anything', false],
  ['the import lines are unaffected', 'import torch.nn', 'torch.nn.functional', 'FG-torch.nn.functional', false],
];

for (const [eol, text] of [['LF', lf], ['CRLF', lf.replace(/\n/g, '\r\n')]] as const) {
  suite(`Suppressions (${eol})`, () => {
    for (const [name, lineStart, word, ruleId, suppressed] of cases) {
      test(name, () => {
        const s = new Suppressions(text);
        assert.strictEqual(s.isSuppressed(at(text, lineStart, word), ruleId), suppressed);
      });
    }

    test('answers stay the same when the same line is asked again (cached)', () => {
      const s = new Suppressions(text);
      const offset = at(text, 'sess = ', 'tf.Session');
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.Session'), true);
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.placeholder'), false);
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.Session'), true);
    });
  });
}

suite('Suppressions: edges', () => {
  test('a marker on the first line, offset 0', () => {
    const text = 'sess = tf.Session()  # framework-guide: ignore\nother = tf.Session()\n';
    const s = new Suppressions(text);
    assert.strictEqual(s.isSuppressed(0, 'FG-tensorflow.Session'), true);
    assert.strictEqual(s.isSuppressed(text.indexOf('other') + 8, 'FG-tensorflow.Session'), false);
  });

  test('a last line without a newline', () => {
    const text = 'import tensorflow as tf\nsess = tf.Session()  # framework-guide: ignore[FG-tensorflow.Session]';
    assert.strictEqual(new Suppressions(text).isSuppressed(text.indexOf('tf.Session'), 'FG-tensorflow.Session'), true);
  });

  test('a marker in a comment on the line before does not apply to the next line', () => {
    const text = '# framework-guide: ignore\nsess = tf.Session()\n';
    assert.strictEqual(new Suppressions(text).isSuppressed(text.indexOf('tf.Session'), 'FG-tensorflow.Session'), false);
  });
});

/** Where "Ignore on this line" writes its comment: read back by the same rule, and the file stays valid Python. */
const placement = (name: string) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'suppression', name), 'utf8').replace(/\r\n/g, '\n');

/** Applies the edit for the finding at `word` (plus `shift` characters) and checks it is read back. */
function applyIgnore(text: string, word: string, ruleId: string, shift = 0): string {
  assert.ok(text.includes(word), `${word} in the fixture`);
  const offset = text.indexOf(word) + shift;
  const edit = new Suppressions(text).edit(offset, ruleId);
  assert.ok(edit, `an edit for ${ruleId}`);
  const edited = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  assert.strictEqual(new Suppressions(edited).isSuppressed(edited.indexOf(word) + shift, ruleId), true, `the written comment is read back:\n${edited}`);
  return edited;
}

for (const [eol, convert] of [['LF', (t: string) => t], ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')]] as const) {
  suite(`Suppressions.edit: placement by the parse tree (${eol})`, () => {
    const lines = (t: string) => t.split(/\r?\n/);

    test('never after a `\\` continuation: the comment goes on the line the statement ends', () => {
      const edited = applyIgnore(convert(placement('continuation.py')), 'tf.Session', 'FG-tensorflow.Session');
      assert.strictEqual(lines(edited)[3], 'sess = tf.Session() if tf.executing_eagerly() else \\');
      assert.strictEqual(lines(edited)[4], '    None  # framework-guide: ignore[FG-tensorflow.Session]');
    });

    test('never inside a string the line opens: the comment goes after the closing quotes', () => {
      const edited = applyIgnore(convert(placement('string_opens.py')), 'tf.Session', 'FG-tensorflow.Session');
      assert.strictEqual(lines(edited)[3], 'sess = tf.Session(); HELP = """');
      assert.strictEqual(lines(edited)[5], '"""  # framework-guide: ignore[FG-tensorflow.Session]');
    });

    test('a reference spanning lines: the comment goes on its first line, where it is read', () => {
      const edited = applyIgnore(convert(placement('spanning_reference.py')), '(tf', 'FG-tensorflow.Session', 1);
      assert.strictEqual(lines(edited)[3], 'sess = (tf  # framework-guide: ignore[FG-tensorflow.Session]');
      assert.strictEqual(lines(edited)[4], '        .Session())');
    });

    test('a second rule joins the existing list on the line', () => {
      const edited = applyIgnore(convert(placement('existing_list.py')), 'tf.Session', 'FG-tensorflow.Session');
      assert.match(lines(edited)[3], /# framework-guide: ignore\[FG-tensorflow\.placeholder, FG-tensorflow\.Session\]$/);
      assert.strictEqual(new Suppressions(edited).isSuppressed(edited.indexOf('tf.placeholder'), 'FG-tensorflow.placeholder'), true, 'the first rule stays');
    });

    test('an existing comment keeps its text and gains the marker', () => {
      const edited = applyIgnore(convert(placement('existing_list.py')), 'tf.placeholder(tf.int64)', 'FG-tensorflow.placeholder');
      assert.strictEqual(lines(edited)[4], 'y = tf.placeholder(tf.int64)  # labels, fed per batch  # framework-guide: ignore[FG-tensorflow.placeholder]');
    });

    test('a rule already suppressed gets no second comment', () => {
      const text = convert(placement('existing_list.py'));
      assert.strictEqual(new Suppressions(text).edit(text.indexOf('tf.placeholder'), 'FG-tensorflow.placeholder'), undefined);
    });

    test('suppression is read on the line after a continuation, as written', () => {
      const text = convert('import tensorflow as tf\nsess = tf.Session() + \\\n    1  # framework-guide: ignore\n');
      assert.strictEqual(new Suppressions(text).isSuppressed(text.indexOf('tf.Session'), 'FG-tensorflow.Session'), true);
    });
  });
}
