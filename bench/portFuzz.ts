/**
 * The porter's write-safety fuzz on real models (issue 29): every file of the port corpus (bench/port-corpus.json,
 * both halves: this measures safety, not what the porter covers) mutated the ways test/unit/core/port/hostileModels.ts
 * does — strings, keyword arguments and comments holding each of Python's line breaks around a call to a marker,
 * other line ends, control characters, Unicode names — and every model found ported to the other framework. Each port
 * is judged by lezer and by CPython's `ast.parse` (test/real/port_fuzz_check.py): it must parse, hold no control
 * character, and never have the marker in its code.
 *
 * Usage, after `node esbuild.config.js --tests`:
 *   FG_PYTHON=<python 3> FG_MIRRORS=<folder of git mirrors> node out/bench/portFuzz.js
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeProblems, MARKER, mutants, portAll } from '../test/unit/core/port/hostileModels';
import { cachedPath, materialiseCorpus } from './corpus';
import { parsePortCorpus } from './portCorpus';
import { isMain, toMarkdown, type BenchTable } from './tables';

export function benchPortFuzz(python: string | undefined): BenchTable {
  const corpus = parsePortCorpus(fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'port-corpus.json'), 'utf8'));
  const files = new Map<string, { repo: string; commit: string; path: string }>();
  for (const m of corpus.models) files.set(`${m.repo}@${m.commit}:${m.path}`, { repo: m.repo, commit: m.commit, path: m.path });
  const { root, missing } = materialiseCorpus([...files.values()]);
  const ports: Array<{ id: string; code: string }> = [];
  const lezerProblems: string[] = [];
  let variants = 0;
  let read = 0;
  for (const ref of files.values()) {
    const file = cachedPath(root, ref);
    if (!fs.existsSync(file)) continue;
    read++;
    for (const mutant of mutants(fs.readFileSync(file, 'utf8'))) {
      variants++;
      for (const result of portAll(mutant.text)) {
        const id = `${ref.repo}:${ref.path} ${mutant.kind} ${result.name} → ${result.targetFramework}`;
        ports.push({ id, code: result.code });
        const problems = codeProblems(result.code);
        if (problems.length) lezerProblems.push(`${id}: ${problems.join('; ')}`);
      }
    }
  }
  let cpython = 'not run (FG_PYTHON unset)';
  const cpythonProblems: string[] = [];
  if (python) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-port-fuzz-'));
    const input = path.join(dir, 'ports.json');
    fs.writeFileSync(input, JSON.stringify(ports));
    const run = spawnSync(python, [path.join(__dirname, '..', '..', 'test', 'real', 'port_fuzz_check.py'), input, MARKER], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    fs.rmSync(dir, { recursive: true, force: true });
    for (const line of run.stdout.split('\n').filter((l) => l.startsWith('{'))) {
      const parsed = JSON.parse(line) as { id?: string; problem?: string; checked?: number };
      if (parsed.problem) cpythonProblems.push(`${parsed.id}: ${parsed.problem}`);
      if (parsed.checked !== undefined) cpython = `${parsed.checked} ports read, ${cpythonProblems.length} with a problem`;
    }
    if (run.status !== 0) cpython = `failed: ${run.stderr.slice(-300)}`;
  }
  return {
    title: 'Write-safety fuzz of the porter on real models',
    headers: ['measure', 'value'],
    rows: [
      ['corpus files read', `${read} of ${files.size}${missing.length ? ` (${missing.length} missing)` : ''}`],
      ['mutated sources', String(variants)],
      ['ports written', String(ports.length)],
      ['ports with a problem (lezer: syntax error, control character, marker as code)', String(lezerProblems.length)],
      ['CPython ast.parse', cpython],
    ],
    notes: [...lezerProblems.slice(0, 10), ...cpythonProblems.slice(0, 10)],
  };
}

if (isMain('portFuzz')) process.stdout.write(toMarkdown(benchPortFuzz(process.env.FG_PYTHON)));
