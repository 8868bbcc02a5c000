/**
 * The real layer for the model porter: ports every model of test/fixtures/port/models.json, runs each generated
 * check script with the real TensorFlow/Keras and PyTorch (FG_PYTHON) and asserts that the models expected to port
 * fully have no TODO line and produce the same outputs as the original. Prints a table of the results.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkScript, portModel, type PortResult } from '../../src/core/port';

interface Entry {
  file: string;
  name?: string;
  to: 'keras' | 'pytorch';
  inputShape?: number[];
  checkInputShape?: number[];
  expect: 'full' | 'todo';
  origin: string;
}

interface Outcome {
  entry: Entry;
  result?: PortResult;
  error?: string;
  check?: { ok: boolean; message: string };
}

const fixtures = path.join(process.cwd(), 'test', 'fixtures', 'port');
const manifest = JSON.parse(fs.readFileSync(path.join(fixtures, 'models.json'), 'utf8')) as { models: Entry[] };

suite('real: port models between PyTorch and Keras', () => {
  const outcomes = new Map<string, Outcome>();

  suiteSetup(function () {
    this.timeout(900_000);
    const python = process.env.FG_PYTHON;
    assert.ok(python, 'FG_PYTHON must name a Python with tensorflow, keras and torch (see test/real/requirements.txt)');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-port-'));
    const checks: string[] = [];
    for (const entry of manifest.models) {
      const original = path.join(fixtures, entry.file);
      const outcome: Outcome = { entry };
      outcomes.set(entry.file, outcome);
      const ported = portModel(fs.readFileSync(original, 'utf8'), entry.name ? { name: entry.name } : {}, { to: entry.to, ...(entry.inputShape ? { inputShape: entry.inputShape } : {}) });
      if (!ported.ok) {
        outcome.error = ported.message;
        continue;
      }
      outcome.result = ported.result;
      const base = path.join(work, entry.file.replace(/\.py$/, ''));
      fs.writeFileSync(`${base}_ported.py`, ported.result.code);
      const shape = entry.checkInputShape ?? entry.inputShape;
      fs.writeFileSync(`${base}_check.py`, checkScript(ported.result, original, `${base}_ported.py`, shape ? { inputShape: shape } : {}));
      checks.push(`${base}_check.py`);
    }
    const run = spawnSync(python as string, [path.join(process.cwd(), 'test', 'real', 'port_checks.py'), ...checks], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status === 0) fs.rmSync(work, { recursive: true, force: true }); // kept for inspection when the checks fail
    assert.strictEqual(run.status, 0, `port_checks.py failed: ${run.stderr.slice(-2000)}`);
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const report = JSON.parse(line) as { path: string; ok: boolean; message: string };
      const file = `${path.basename(report.path).replace(/_check\.py$/, '')}.py`;
      const outcome = outcomes.get(file);
      if (outcome) outcome.check = { ok: report.ok, message: report.message };
    }
    printTable([...outcomes.values()]);
  });

  for (const entry of manifest.models) {
    const direction = entry.to === 'keras' ? 'PyTorch → Keras' : 'Keras → PyTorch';
    if (entry.expect === 'full') {
      test(`${entry.file} (${direction}) ports without TODO lines and matches numerically`, () => {
        const outcome = outcomes.get(entry.file) as Outcome;
        assert.ok(outcome.result, outcome.error);
        assert.deepStrictEqual(
          outcome.result.todos.map((t) => `${t.construct}: ${t.reason}`),
          [],
        );
        assert.ok(outcome.check?.ok, `check: ${outcome.check?.message ?? 'not run'}`);
      });
    } else {
      test(`${entry.file} (${direction}) marks what it cannot port with TODO lines`, () => {
        const outcome = outcomes.get(entry.file) as Outcome;
        assert.ok(outcome.result, outcome.error);
        assert.ok(outcome.result.todos.length > 0, 'expected TODO lines');
        assert.match(outcome.result.code, /# TODO\(framework-guide\): /);
      });
    }
  }
});

function printTable(outcomes: Outcome[]): void {
  const rows = outcomes.map((o) => {
    const todos = o.result?.todos ?? [];
    const result = o.error ? 'not ported' : todos.length ? `${todos.length} TODO` : 'full';
    const check = o.check ? (o.check.ok ? 'passed' : 'failed') : '-';
    return [o.entry.file, o.entry.to === 'keras' ? 'torch→keras' : 'keras→torch', result, check, [...new Set(todos.map((t) => t.construct))].join(', ')];
  });
  const header = ['model', 'direction', 'port', 'check', 'TODO constructs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const full = outcomes.filter((o) => o.result && o.result.todos.length === 0).length;
  const passed = outcomes.filter((o) => o.check?.ok).length;
  console.log([line(header), ...rows.map(line)].join('\n'));
  console.log(`port: ${outcomes.length} models, ${full} ported fully, ${outcomes.length - full} with TODO lines, ${passed} checks passed`);
}
