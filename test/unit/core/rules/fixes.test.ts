/** The fix planner: per-finding fixes and reasons, one merged edit set per file, imports once, idempotence, syntax safety. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython, parseIpynb } from '../../../../src/core/python';
import { parser } from '../../../../src/core/python/parser';
import { findDeprecations, type Finding } from '../../../../src/core/rules/findings';
import { applyEdits, describeFix, FixPlanner, syntaxErrorCount, type FindingFix, type FilePlan } from '../../../../src/core/rules/fixes';
import { prepareSource, preparedText } from '../../../../src/core/scan';
import { runInSlices } from '../../../../src/core/steps';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
const fixture = (...segments: string[]) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', ...segments), 'utf8');

function plannerFor(text: string, Planner = FixPlanner): { planner: FixPlanner; findings: Finding[] } {
  const analysis = analyzePython(text);
  return { planner: new Planner(preparedText('file.py', text), analysis, kb), findings: findDeprecations(analysis, kb) };
}

/** A planner with one deliberately broken fix (an unclosed bracket), standing in for a faulty rule. */
class BrokenSessionPlanner extends FixPlanner {
  override replacementFix(finding: Finding): FindingFix | undefined {
    const outcome = super.replacementFix(finding);
    if (outcome?.status !== 'fix' || finding.ruleId !== 'FG-tensorflow.Session') return outcome;
    return { ...outcome, edits: outcome.edits.map((e) => ({ ...e, text: `${e.text}(` })) };
  }
}

function planOf(text: string): FilePlan {
  const { planner, findings } = plannerFor(text);
  return planner.planFile(findings);
}

function fix(text: string): string {
  return applyEdits(text, planOf(text).edits);
}

function outcomes(text: string): Array<{ rule: string; written: string; outcome: string }> {
  const { planner, findings } = plannerFor(text);
  return findings.map((f) => {
    const o: FindingFix = planner.planFinding(f);
    return { rule: f.ruleId, written: text.slice(f.span.from, f.span.to), outcome: o.status === 'fix' ? describeFix(o.title) : `manual: ${o.reason}` };
  });
}

/** Real-looking files of every shape the fixes meet: TF1 through aliases, keep_dims keywords, from-imports, AMP calls. */
const IDEMPOTENCE_FIXTURES = [
  ['migrations', 'tf1_fixable.py'],
  ['migrations', 'tf1_era.py'],
  ['migrations', 'torch_legacy.py'],
  ['fixes', 'from_imports.py'],
  ['fixes', 'windows_line_ends.py'],
  ['python', 'rename', 'amp_calls.py'],
  ['python', 'rename', 'tf_alias.py'],
  ['python', 'rename', 'compat_from_import.py'],
  ['python', 'rename', 'compat_v1_from.py'],
  ['python', 'rename', 'import_in_function.py'],
  ['python', 'compat_v1.py'],
];

suite('fix planner', () => {
  test('each finding maps to its fix or to the reason it has none', () => {
    const got = outcomes(fixture('migrations', 'tf1_fixable.py'));
    const find = (rule: string, written: string) => got.find((o) => o.rule === rule && o.written === written)?.outcome;
    assert.strictEqual(find('FG-tensorflow.reduce_sum.keep_dims', 'keep_dims'), 'Rename keyword keep_dims= to keepdims=');
    assert.strictEqual(find('FG-tensorflow.Session', 'tf.Session'), 'Replace with tf.compat.v1.Session');
    assert.strictEqual(find('FG-tensorflow.Session', 'v1.Session'), 'manual: already-written');
    assert.strictEqual(find('FG-tensorflow.gfile', 'gfile'), 'manual: in-import');
    assert.strictEqual(find('FG-tensorflow.placeholder', 'tf.placeholder'), 'manual: not-drop-in');
    assert.strictEqual(find('FG-tensorflow.reduce_max.keep_dims', 'keep_dims'), 'manual: keyword-without-rename', 'keepdims= is passed too');
    assert.strictEqual(find('FG-tensorflow.gfile.GFile', 'tf.gfile.GFile'), 'Replace with tf.io.gfile.GFile');
  });

  test('TF1-order positional arguments: the file plan writes them by keyword, as the fixture pair run on real TF says', () => {
    const before = fixture('python', 'reorder', 'reorder_calls.py');
    const after = fixture('python', 'reorder', 'reorder_calls.fixed.py');
    const body = (s: string) => s.slice(s.indexOf('\n') + 1); // the first line says which file it is
    assert.strictEqual(body(fix(before)), body(after));
    const titles = outcomes(before).filter((o) => o.rule.endsWith('.positional-order')).map((o) => o.outcome);
    assert.strictEqual(titles.length, 16);
    assert.ok(titles.every((t) => t.startsWith('Pass the arguments by keyword (')), titles.join('\n'));
    const unsafe = outcomes('import tensorflow as tf\ny = tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME", True)\n').find((o) => o.rule.endsWith('.positional-order'));
    assert.strictEqual(unsafe?.outcome, 'manual: reorder-unsafe');
  });

  test('a leading argument is inserted only where no positional argument would shift', () => {
    const got = outcomes(fixture('python', 'rename', 'amp_calls.py'));
    assert.deepStrictEqual(
      got.map((o) => o.outcome),
      [
        'Replace with torch.amp.GradScaler("cuda", …)',
        'Replace with torch.amp.GradScaler("cuda")',
        'Replace with torch.amp.autocast("cuda", …)',
        'Replace with torch.amp.autocast("cuda")',
        'Replace with torch.amp.autocast("cpu", …)',
        'Replace with torch.amp.autocast("cuda", …)',
        'manual: positional-arguments',
        'manual: positional-arguments',
      ],
    );
  });

  test('a whole file: every safe fix at once, each needed import added once after the existing imports', () => {
    const plan = planOf(fixture('fixes', 'from_imports.py'));
    assert.strictEqual(fix(fixture('fixes', 'from_imports.py')), fixture('fixes', 'from_imports.fixed.py'));
    assert.strictEqual(plan.fixes.length, 4);
    const imports = plan.edits.filter((e) => e.importLines);
    assert.strictEqual(imports.length, 1, 'one insertion for all imports');
    assert.deepStrictEqual(imports[0].importLines, ['import torch', 'import tensorflow']);
    assert.strictEqual(imports[0].fixes.length, 4, 'the import edit belongs to the four fixes that need it');
    for (let i = 1; i < plan.edits.length; i++) assert.ok(plan.edits[i - 1].to <= plan.edits[i].from, 'sorted, not overlapping');
  });

  test('an added import keeps the file\'s CRLF line ends', () => {
    assert.strictEqual(fix(fixture('fixes', 'windows_line_ends.py')), '"""Saved on Windows: CRLF line ends, which an added import line must keep."""\r\nfrom tensorflow import Session\r\nimport tensorflow\r\n\r\nsess = tensorflow.compat.v1.Session()\r\n');
  });

  test('idempotent: fixing a fixed file plans no edit, and every fixed file parses', () => {
    for (const segments of IDEMPOTENCE_FIXTURES) {
      const name = segments.join('/');
      const original = fixture(...segments);
      const once = fix(original);
      assert.strictEqual(syntaxErrorCount(once), 0, `${name} no longer parses after the fixes`);
      const again = planOf(once);
      assert.deepStrictEqual(again.edits, [], `${name}: a second run still edits`);
      assert.strictEqual(fix(once), once);
    }
    assert.notStrictEqual(fix(fixture('migrations', 'tf1_era.py')), fixture('migrations', 'tf1_era.py'), 'the fixtures do get fixed');
  });

  test('overlapping edits: the first fix is kept, the other is skipped with the reason', () => {
    const text = fixture('python', 'rename', 'tf_alias.py');
    const { planner, findings } = plannerFor(text);
    const session = findings.find((f) => f.ruleId === 'FG-tensorflow.Session')!;
    // Two rules reporting one span (as a merged knowledge source could) must not write it twice.
    const plan = planner.planFile([...findings, session]);
    const skipped = plan.skipped.filter((s) => s.reason === 'overlaps-another-fix');
    assert.strictEqual(skipped.length, 1);
    assert.match(skipped[0].message, /overlaps the fix of FG-tensorflow\.Session/);
    assert.strictEqual(applyEdits(text, plan.edits), fix(text));
  });

  test('a fix whose result would not parse is dropped, the others are kept', () => {
    const text = fixture('migrations', 'tf1_fixable.py');
    const { planner, findings } = plannerFor(text, BrokenSessionPlanner);
    const plan = planner.planFile(findings);
    assert.deepStrictEqual(
      plan.skipped.filter((s) => s.reason === 'would-break-syntax').map((s) => s.finding.ruleId),
      ['FG-tensorflow.Session'],
    );
    const fixed = applyEdits(text, plan.edits);
    assert.strictEqual(syntaxErrorCount(fixed), 0);
    assert.ok(fixed.includes('keepdims=True') && fixed.includes('tf.compat.v1.ConfigProto'), 'the other fixes stay');
    assert.ok(fixed.includes('sess = tf.Session(config=config)'), 'the broken one is not applied');
  });

  test('the plan is built in small steps an editor can run in slices and stop (Migrate This File, source.fixAll)', async () => {
    const text = `import tensorflow as tf\n\n${'sess = tf.Session()\n'.repeat(2000)}`;
    const { planner, findings } = plannerFor(text);
    const out: { plan?: FilePlan } = {};
    let steps = 0;
    const generator = planner.planFileInSteps(findings, out);
    while (!generator.next().done) steps++;
    assert.ok(steps >= 4000, `${steps} steps for 2,000 fixes`);
    assert.strictEqual(out.plan?.fixes.length, 2000);
    let pauses = 0;
    const stopped: { plan?: FilePlan } = {};
    const finished = await runInSlices(planner.planFileInSteps(findings, stopped), { sliceMs: 0, pause: async () => void pauses++, shouldStop: () => pauses >= 3 });
    assert.strictEqual(finished, false, 'stopped after three slices');
    assert.strictEqual(stopped.plan, undefined, 'no half-made plan');
  });

  test('when every fix breaks the syntax, the file is planned with a few parses, not one per fix', () => {
    const text = `import tensorflow as tf\n\nconfig = tf.ConfigProto()\n${'sess = tf.Session()\n'.repeat(400)}`;
    const { planner, findings } = plannerFor(text, BrokenSessionPlanner);
    const parse = parser.parse.bind(parser);
    const startParse = parser.startParse.bind(parser);
    let parses = 0;
    parser.parse = ((...args: Parameters<typeof parser.parse>) => {
      parses++;
      return parse(...args);
    }) as typeof parser.parse;
    parser.startParse = ((...args: Parameters<typeof parser.startParse>) => {
      parses++;
      return startParse(...args);
    }) as typeof parser.startParse;
    let plan: FilePlan;
    try {
      plan = planner.planFile(findings);
    } finally {
      parser.parse = parse;
      parser.startParse = startParse;
    }
    assert.strictEqual(plan.skipped.filter((s) => s.reason === 'would-break-syntax').length, 400);
    assert.strictEqual(syntaxErrorCount(applyEdits(text, plan.edits)), 0);
    assert.ok(applyEdits(text, plan.edits).includes('tf.compat.v1.ConfigProto()'), 'the fix that parses is kept');
    assert.ok(parses <= 6, `${parses} parses for 401 fixes`);
  });

  test('a file that already has syntax errors is left alone, with the line of the first error', () => {
    const plan = planOf(fixture('python', 'broken.py'));
    assert.deepStrictEqual(plan.edits, []);
    assert.match(plan.refused ?? '', /syntax errors \(near line \d+\)/);
    assert.ok(plan.syntaxErrorAt && plan.syntaxErrorAt.cell === undefined && plan.syntaxErrorAt.line >= 5);
    const half = planOf(fixture('fixes', 'half_edited.py'));
    assert.deepStrictEqual(half.edits, [], 'fixable findings, but the file does not parse');
    assert.deepStrictEqual(half.skipped.map((s) => s.reason), ['file-has-syntax-errors', 'file-has-syntax-errors']);
    assert.ok(plan.skipped.every((s) => s.reason === 'file-has-syntax-errors'));
  });

  test('in a notebook the refusal names the cell (counted among all cells) with the syntax error', () => {
    const json = fixture('fixes', 'tf1_cells.ipynb');
    const cells = parseIpynb(json).cells.map((c, i) => ({ ...c, source: i === 3 ? `${c.source}\ntotal = = 1` : c.source }));
    const prepared = prepareSource({ path: 'n.ipynb', cells }, { maxBytes: 1_000_000 });
    assert.ok(!('status' in prepared));
    const analysis = analyzePython(prepared.program);
    const plan = new FixPlanner(prepared, analysis, kb).planFile(findDeprecations(analysis, kb));
    assert.deepStrictEqual(plan.edits, []);
    assert.strictEqual(plan.syntaxErrorAt?.cell, 4);
    assert.match(plan.refused ?? '', /cell 4, near line \d+/);
  });
});

