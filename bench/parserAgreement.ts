/**
 * Parser agreement with CPython: every .py file of the installed tensorflow, keras and torch packages that CPython
 * parses is parsed by our patched grammar and by the unpatched @lezer/python; a file with an error node is a false
 * error. Run: `node out/bench/parserAgreement.js [site-packages]` with FG_PYTHON set to the venv's python.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tree } from '@lezer/common';
import { parser as upstream } from '@lezer/python';
import { parser as ours } from '../src/core/python/parser';
import { isMain, toMarkdown, type BenchTable } from './tables';

const PACKAGES = ['tensorflow', 'keras', 'torch'];

/** 1-based line of the first error node, or undefined when the tree has none. */
function firstErrorLine(tree: Tree, text: string): number | undefined {
  let at: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (at !== undefined) return false;
      if (node.type.isError) {
        at = node.from;
        return false;
      }
      return undefined;
    },
  });
  if (at === undefined) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export interface AgreementResult {
  table: BenchTable;
  falseErrors: string[];
}

/** The site-packages folder of `python`. */
export function sitePackagesOf(python: string): string {
  return spawnSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
}

/** `withUpstream: false` skips parsing with the published grammar (half the time; the test/real layer needs only ours). */
export function benchParserAgreement(python: string, sitePackages: string, options: { repoRoot?: string; withUpstream?: boolean } = {}): AgreementResult {
  const roots = PACKAGES.map((p) => path.join(sitePackages, p)).filter((p) => fs.existsSync(p));
  if (roots.length === 0) throw new Error(`none of ${PACKAGES.join(', ')} is installed under ${sitePackages}`);
  const withUpstream = options.withUpstream ?? true;
  const script = path.join(options.repoRoot ?? process.cwd(), 'bench', 'cpython_parses.py');
  const run = spawnSync(python, [script, ...roots], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${python} ${script} failed: ${run.stderr}`);
  const verdicts = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; ok: boolean });
  const accepted = verdicts.filter((v) => v.ok);
  let upstreamFalse = 0;
  const falseErrors: string[] = [];
  let acceptedByUsOnly = 0;
  for (const { path: file } of accepted) {
    const text = fs.readFileSync(file, 'utf8');
    if (withUpstream && firstErrorLine(upstream.parse(text), text) !== undefined) upstreamFalse++;
    const line = firstErrorLine(ours.parse(text), text);
    if (line !== undefined) falseErrors.push(`${path.relative(sitePackages, file)}:${line}`);
  }
  for (const { path: file, ok } of verdicts) {
    if (ok) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (firstErrorLine(ours.parse(text), text) === undefined) acceptedByUsOnly++;
  }
  const version = spawnSync(python, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).stdout.trim();
  const table: BenchTable = {
    title: 'Parser agreement with CPython',
    headers: ['parser', '.py files', 'CPython parses', 'files with a false error'],
    rows: [
      ['@lezer/python 1.1.19 as published', String(verdicts.length), String(accepted.length), withUpstream ? String(upstreamFalse) : 'not measured'],
      ['ours (patched grammar, scripts/build-parser.mjs)', String(verdicts.length), String(accepted.length), String(falseErrors.length)],
    ],
    notes: [
      `Every .py file under ${PACKAGES.join(', ')} in ${sitePackages}; CPython ${version} ast.parse decides what is valid.`,
      `A false error: CPython parses the file, the parser puts an error node in it. Files CPython rejects (${verdicts.length - accepted.length}) are not counted; ${acceptedByUsOnly} of them parse without an error node here (lezer recovers, it does not validate).`,
    ],
  };
  return { table, falseErrors };
}

if (isMain('parserAgreement')) {
  const python = process.env.FG_PYTHON;
  if (!python) {
    process.stderr.write('parserAgreement: set FG_PYTHON to a Python with tensorflow, keras and torch installed\n');
    process.exit(2);
  }
  const sitePackages = process.argv[2] ?? sitePackagesOf(python);
  const { table, falseErrors } = benchParserAgreement(python, sitePackages);
  process.stdout.write(toMarkdown(table));
  for (const file of falseErrors) process.stdout.write(`false error: ${file}\n`);
}
