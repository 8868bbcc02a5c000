/**
 * The porter's write-safety fuzz, judged by CPython: every hostile variant of every port fixture (strings, keyword
 * arguments and comments holding each of Python's line breaks around a call to a marker, other line ends, control
 * characters, Unicode names; see test/unit/core/port/hostileModels.ts) is ported, and `ast.parse` must read each port
 * without a syntax error and without the marker anywhere in its code.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MARKER, mutants, portAll } from '../unit/core/port/hostileModels';

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'port');

suite('real: the porter writes only code it meant, on 2,000 hostile models (CPython judges)', function () {
  this.timeout(600_000);

  test('every port parses with ast.parse and the marker is never code', () => {
    const python = process.env.FG_PYTHON;
    assert.ok(python, 'FG_PYTHON must name a Python 3 (see test/real/requirements.txt)');
    const ports: Array<{ id: string; code: string }> = [];
    let variants = 0;
    for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.py')).sort()) {
      for (const mutant of mutants(fs.readFileSync(path.join(fixtures, file), 'utf8'))) {
        variants++;
        for (const result of portAll(mutant.text)) ports.push({ id: `${file} ${mutant.kind} ${result.name} → ${result.targetFramework}`, code: result.code });
      }
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-port-fuzz-'));
    const input = path.join(dir, 'ports.json');
    fs.writeFileSync(input, JSON.stringify(ports));
    const run = spawnSync(python as string, [path.join(process.cwd(), 'test', 'real', 'port_fuzz_check.py'), input, MARKER], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(run.status, 0, run.stderr.slice(-2000));
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { id?: string; problem?: string; checked?: number });
    const problems = lines.filter((l) => l.problem).map((l) => `${l.id}: ${l.problem}`);
    assert.deepStrictEqual(problems.slice(0, 20), []);
    assert.strictEqual(lines.find((l) => l.checked !== undefined)?.checked, ports.length);
    assert.ok(variants >= 2000 && ports.length >= 2000, `${variants} variants, ${ports.length} ports`);
  });
});
