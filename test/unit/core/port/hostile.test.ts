// Write safety of the porter: hostile variants of every port fixture (strings, keyword arguments and comments holding
// each of Python's line breaks around a call to a marker, other line ends, control characters, Unicode names) port to
// code that parses, where the marker is never code, and where changes to comments or line ends change no code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codeProblems, codeTokens, MARKER, mutants, portAll } from './hostileModels';

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'port');

suite('core/port: hostile models', function () {
  // About 2,000 ports of mutated models.
  this.timeout(300_000);

  test('every port of every hostile variant of the fixtures parses, and no text of the model becomes code', () => {
    let ports = 0;
    let variants = 0;
    const failures: string[] = [];
    for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.py')).sort()) {
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
      const originals = portAll(text).map((r) => codeTokens(r.code));
      for (const mutant of mutants(text)) {
        variants++;
        const results = portAll(mutant.text);
        ports += results.length;
        for (const result of results) {
          const problems = codeProblems(result.code);
          if (problems.length) failures.push(`${file} ${mutant.kind} → ${result.targetFramework}: ${problems.join('; ')}`);
        }
        if (mutant.codeUnchanged && mutant.kind !== 'original') {
          const tokens = results.map((r) => codeTokens(r.code));
          if (JSON.stringify(tokens) !== JSON.stringify(originals)) failures.push(`${file} ${mutant.kind}: the port's code differs from the original's`);
        }
      }
    }
    assert.deepStrictEqual(failures.slice(0, 20), []);
    assert.ok(variants >= 2000 && ports >= 2000, `${variants} variants, ${ports} ports`);
  });

  test('parameters and their defaults are rebuilt from tokens too (a default string with breaks stays one literal)', () => {
    const text = [
      'import torch.nn as nn',
      '',
      '',
      'class Net(nn.Module):',
      `    def __init__(self, width: int = 8, mode="""x\u2028${MARKER}()\r#""", *args, **kwargs):`,
      '        super().__init__()',
      '        self.fc = nn.Linear(4, width)',
      '',
      '    def forward(self, x):',
      '        return self.fc(x)',
      '',
    ].join('\n');
    const [result] = portAll(text);
    assert.ok(result, 'the model ports');
    assert.deepStrictEqual(codeProblems(result.code), []);
    assert.ok(result.code.includes('def __init__(self, width: int = 8, mode="x\\u2028FG_INJECTED()\\n#"'), result.code);
  });
});
