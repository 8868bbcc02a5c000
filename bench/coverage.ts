/**
 * Coverage on a corpus of real public code (bench/coverage-corpus.json, checked out outside the repository):
 * the share of framework call sites with a hover note, the share of uses of APIs the installed releases no longer
 * have that get a finding, "removed" findings on names that exist, and agreement with TensorFlow's tf_upgrade_v2
 * (its results from bench/tf_upgrade_report.py). Usage, after a --tests build:
 *   FG_CORPUS=${TMPDIR:-/tmp}/fg-corpus FG_TF_UPGRADE=${TMPDIR:-/tmp}/fg-tf-upgrade.json node out/bench/coverage.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanSource } from '../src/core/scan/scanFile';
import type { AnalysedFile } from '../src/core/scan/types';
import { KnowledgeBase } from '../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { Baseline, buildBaseline } from '../src/knowledge/baseline';
import { PRIVATE_PATHS, publicTwinOf } from '../src/knowledge/privatePaths';
import { TORCHFIX_NAMES } from '../src/knowledge/data/pytorch/torchfix';
import { Surfaces } from '../test/unit/knowledge/apiSurface';
import { isMain, toMarkdown, type BenchTable } from './tables';

const ROOTS = new Set(['tensorflow', 'keras', 'torch']);
/** PyTorch 2.13 exports these only as stubs that raise "now removed" (torch/_linalg_utils.py). */
const TORCH_STUBS = new Set(['torch.solve', 'torch.symeig', 'torch.lstsq', 'torch.eig', 'torch.matrix_rank']);

interface UpgradeResult {
  file: string;
  line: number;
  old: string;
  new: string | null;
  kind: 'rename' | 'module';
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(py|ipynb)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const canonical = (name: string) => name.replace(/^tf\./, 'tensorflow.');

function top(counts: Map<string, number>, n = 15): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => `${name} (${count})`)
    .join(', ');
}

const sumOf = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function benchCoverage(corpus: string, upgradeFile?: string): BenchTable {
  const surfaces = new Surfaces();
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
  const dumps = surfaces.baselineInputs();
  kb.attachBaseline(new Baseline(buildBaseline(dumps, PRIVATE_PATHS.present)));
  // Names outside the dumps that the installed releases have (checked by scripts/truth/private_paths.py) exist too.
  const exists = (name: string): boolean => surfaces.find(name) !== undefined || name in PRIVATE_PATHS.present || publicTwinOf(name) !== undefined;

  let sites = 0;
  let noted = 0;
  const distinct = new Map<string, boolean>();
  const unnoted = new Map<string, number>();
  let gone = 0;
  let goneFound = 0;
  const goneMissed = new Map<string, number>();
  const falseRemoved = new Map<string, number>();
  let files = 0;
  /** Uses (not imports) of the names TorchFix lists as deprecated or removed, and those with a finding of ours. */
  const torchfixNames = new Set(TORCHFIX_NAMES);
  const torchfixUses = new Map<string, number>();
  let torchfixFlagged = 0;
  /** file (relative to the corpus) -> line -> entry names of our findings there (.py files only). */
  const ours = new Map<string, Map<number, string[]>>();
  /** The same for our hints on code already written through tf.compat.v1, which tf_upgrade_v2 leaves as it is. */
  const oursCompat = new Map<string, Map<number, string[]>>();
  for (const file of walk(corpus)) {
    const scan = scanSource({ path: file, bytes: fs.readFileSync(file) }, kb, { maxBytes: 2_000_000, references: true });
    if (scan.status !== 'analysed') continue;
    const analysed = scan as AnalysedFile;
    if (!analysed.references.length) continue;
    files++;
    const relative = path.relative(corpus, file);
    if (file.endsWith('.py')) {
      const lines = new Map<number, string[]>();
      const compatLines = new Map<number, string[]>();
      for (const f of analysed.findings) {
        const into = f.compatV1 ? compatLines : lines;
        into.set(f.location.startLine, [...(into.get(f.location.startLine) ?? []), f.entryName]);
      }
      ours.set(relative, lines);
      oursCompat.set(relative, compatLines);
    }
    for (const reference of analysed.references) {
      const name = reference.qualifiedName;
      if (torchfixNames.has(name) && !reference.inImport) {
        bump(torchfixUses, name);
        const at = reference.location;
        if (analysed.findings.some((f) => f.location.cell === at.cell && f.location.from >= at.from && f.location.from < Math.max(at.to, at.from + 1))) torchfixFlagged++;
      }
      // Dunder attributes (keras.__version__) are not APIs of the dumps; they are left out of every measure.
      if (!ROOTS.has(name.split('.')[0]) || name.includes('.__')) continue;
      const { location } = reference;
      const findings = analysed.findings.filter((f) => f.location.cell === location.cell && f.location.from >= location.from && f.location.from < Math.max(location.to, location.from + 1));
      if (!reference.inImport) {
        sites++;
        const result = kb.lookup(name);
        // Under a removed module (tf.contrib.*, tensorflow.examples.*) the hover shows that module's note, which is the news.
        const has = result !== undefined && (result.match !== 'module' || result.entry.status.state !== 'current');
        if (has) noted++;
        else bump(unnoted, name);
        distinct.set(name, has);
      }
      // Import lines are not counted here: a removed name is reported where it is used (an import of a removed
      // module is reported on the import line, and its uses through the module fallback).
      if (reference.inImport) continue;
      if (!exists(name)) {
        gone++;
        if (findings.length) goneFound++;
        else bump(goneMissed, name);
      } else if (!TORCH_STUBS.has(name)) {
        for (const f of findings) if (f.status === 'removed' && !f.compatV1 && f.entryName === name) bump(falseRemoved, name);
      }
    }
  }
  const distinctNoted = [...distinct.values()].filter(Boolean).length;
  const rows: string[][] = [
    ['Framework call sites with a hover note', pct(noted, sites), `${noted} / ${sites}`],
    ['Distinct framework names with a hover note', pct(distinctNoted, distinct.size), `${distinctNoted} / ${distinct.size}`],
    ['Uses of APIs the installed releases lack that get a finding', pct(goneFound, gone), `${goneFound} / ${gone}`],
    ['"Removed" findings on a name that exists', String([...falseRemoved.values()].reduce((a, b) => a + b, 0)), top(falseRemoved) || '-'],
    ['Uses of names TorchFix lists as deprecated or removed that get a finding', pct(torchfixFlagged, sumOf(torchfixUses)), `${torchfixFlagged} / ${sumOf(torchfixUses)}`],
  ];
  const notes = [
    `${files} files with framework references in the corpus.`,
    `Uses of TorchFix-listed names: ${top(torchfixUses) || 'none'}. TorchFix itself was not run (its package and its libcst dependency are not installable here); its published symbol list (${TORCHFIX_NAMES.length} names, each checked against PyTorch 2.13) stands in for it.`, `Most frequent names without a note: ${top(unnoted) || '-'}.`, `Most frequent missing names without a finding: ${top(goneMissed) || '-'}.`];
  if (upgradeFile && fs.existsSync(upgradeFile)) {
    const upgrade = JSON.parse(fs.readFileSync(upgradeFile, 'utf8')) as { files: number; failed: unknown[]; results: UpgradeResult[] };
    const seen = new Set<string>();
    let theirs = 0;
    let agreed = 0;
    let theirsGone = 0;
    let agreedGone = 0;
    const missed = new Map<string, number>();
    for (const r of upgrade.results) {
      const key = `${r.file}:${r.line}:${r.old}`;
      if (seen.has(key) || !ours.has(r.file)) continue;
      seen.add(key);
      const old = canonical(r.old);
      const at = [...(ours.get(r.file)?.get(r.line) ?? []), ...(oursCompat.get(r.file)?.get(r.line) ?? [])];
      // Our entry may be the canonical name behind a namespace alias (tensorflow.keras.optimizers.SGD is keras.optimizers.SGD).
      const found = kb.lookup(old);
      const viaAlias = found?.match === 'alias' ? found.entry.name : undefined;
      const hit = at.some((e) => e === old || old.startsWith(e + '.') || canonical(r.old.replace(/^tf\.compat\.v1\./, 'tf.')) === e || e === viaAlias);
      const absent = surfaces.find(old) === undefined;
      theirs++;
      if (hit) agreed++;
      else bump(missed, r.old);
      if (absent) {
        theirsGone++;
        if (hit) agreedGone++;
      }
    }
    let ourTf = 0;
    let ourTfMatched = 0;
    const ourCompat = [...oursCompat.values()].reduce((n, lines) => n + [...lines.values()].reduce((m, names) => m + names.filter((e) => e.startsWith('tensorflow.')).length, 0), 0);
    const results = new Map<string, Set<number>>();
    for (const r of upgrade.results) (results.get(r.file) ?? results.set(r.file, new Set()).get(r.file))?.add(r.line);
    for (const [file, lines] of ours) {
      if (!results.has(file) && !upgrade.results.length) continue;
      for (const [line, names] of lines) {
        for (const name of names) {
          if (!name.startsWith('tensorflow.')) continue;
          ourTf++;
          if (results.get(file)?.has(line)) ourTfMatched++;
        }
      }
    }
    rows.push(
      ['tf_upgrade_v2 symbol renames/removals we also flag (same line)', pct(agreed, theirs), `${agreed} / ${theirs}`],
      ['... of those on names TF 2.21 no longer has', pct(agreedGone, theirsGone), `${agreedGone} / ${theirsGone}`],
      ['Our TensorFlow findings on a line tf_upgrade_v2 also reports (not counting tf.compat.v1 hints)', pct(ourTfMatched, ourTf), `${ourTfMatched} / ${ourTf}`],
      ['Our hints on code already written through tf.compat.v1 (tf_upgrade_v2 leaves it as is)', String(ourCompat), '-'],
    );
    notes.push(`tf_upgrade_v2 ran on ${upgrade.files} .py files mentioning tensorflow (${upgrade.failed.length} it could not parse). Its renames we do not flag, most frequent: ${top(missed) || '-'}.`);
  }
  return { title: 'Coverage on a corpus of public code', headers: ['Measure', 'Value', 'Count'], rows, notes };
}

if (isMain('coverage')) {
  const corpus = process.env.FG_CORPUS ?? path.join(os.tmpdir(), 'fg-corpus');
  process.stdout.write(toMarkdown(benchCoverage(corpus, process.env.FG_TF_UPGRADE ?? path.join(os.tmpdir(), 'fg-tf-upgrade.json'))));
}
