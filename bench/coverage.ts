/**
 * Coverage on a corpus of real public code (bench/coverage-corpus.json), reported for its development and test halves
 * apart: the share of framework call sites with a hover note, the share of uses of APIs the installed releases no
 * longer have that get a finding, "removed" findings on names that exist, and agreement with TensorFlow's
 * tf_upgrade_v2 (run by bench/tf_upgrade_report.py). Whether a name exists is asked of the installed releases
 * themselves: every distinct name the corpus uses goes through scripts/truth/private_paths.py --candidates, which
 * imports and reads it (a name that only raises when used counts as missing). Usage, after `node esbuild.config.js --tests`:
 *
 *   FG_MIRRORS=<folder of git mirrors> FG_PYTHON=<python with tensorflow> node out/bench/coverage.js [--show-test]
 *
 * bench/corpus.ts puts the manifest's files into FG_CORPUS_CACHE (default ${TMPDIR:-/tmp}/fg-corpus-cache), from the
 * mirrors, or cloned from GitHub without FG_MIRRORS. With FG_PYTHON, tf_upgrade_v2 runs once per file list and its
 * results are kept in FG_TF_UPGRADE (default ${TMPDIR:-/tmp}/fg-tf-upgrade.json), and the installed releases' answers
 * in FG_EXISTENCE (default ${TMPDIR:-/tmp}/fg-existence.json); without it both come only from files made for the same
 * lists, and existence falls back to the API dumps and private-paths.json. Both halves' figures are printed; the names behind them (the
 * most frequent misses, names without a note, false "removed" findings) only for the dev half, unless --show-test is
 * given: that is for the end of a piece of work measured on the test half, never while it is being tuned.
 * `--unjudged-dev FILE` writes the dev half's names that installed-names.json cannot judge (private modules' names), the
 * input of scripts/truth/private-paths.txt; the test half is never listed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanSource } from '../src/core/scan/scanFile';
import type { AnalysedFile } from '../src/core/scan/types';
import { KnowledgeBase } from '../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { Baseline, buildBaseline } from '../src/knowledge/baseline';
import INSTALLED from '../src/knowledge/data/generated/installed-names.json';
import { InstalledNames, type InstalledData } from '../src/knowledge/installed';
import { PRIVATE_PATHS, publicTwinOf } from '../src/knowledge/privatePaths';
import { TORCHFIX_NAMES } from '../src/knowledge/data/pytorch/torchfix';
import { Surfaces } from '../test/unit/knowledge/apiSurface';
import { cachedPath, listFilesAt, materialiseCorpus } from './corpus';
import { CORPUS_EXTENSIONS, expandManifest, halfCounts, HALVES, readCoverageManifest, type CoverageFile, type Half } from './coverageCorpus';
import { isMain, toMarkdown, type BenchTable } from './tables';

const ROOTS = new Set(['tensorflow', 'keras', 'torch']);

interface UpgradeResult {
  file: string;
  line: number;
  old: string;
  new: string | null;
  kind: 'rename' | 'module';
}

/** bench/tf_upgrade_report.py's output; `scanned` and `list_sha256` are there when it was given a file list. */
interface UpgradeReport {
  files: number;
  scanned?: string[];
  failed: Array<{ file: string; error: string }>;
  results: UpgradeResult[];
  list_sha256?: string;
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const cell = (part: number, whole: number) => `${pct(part, whole)} (${part} / ${whole})`;
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

/** What one half of the corpus gives; every measure is a ratio of two of these counts. */
interface Tally {
  /** Files with framework references, and their repositories. */
  files: number;
  repos: Set<string>;
  sites: number;
  /** Call sites whose name has a note of its own (exact or through an alias, not a parent module's). */
  notedOwn: number;
  /** Call sites with a note of their own or under a deprecated or removed module, whose note is then the news. */
  noted: number;
  distinct: Map<string, { own: boolean; any: boolean }>;
  unnotedOwn: Map<string, number>;
  unnoted: Map<string, number>;
  gone: number;
  goneFound: number;
  goneMissed: Map<string, number>;
  falseRemoved: Map<string, number>;
  /** Uses (not imports) of the names TorchFix lists as deprecated or removed, and those with a finding of ours. */
  torchfixUses: Map<string, number>;
  torchfixFlagged: number;
  /** file (relative to the cache) -> line -> entry names of our findings there (.py files only). */
  ours: Map<string, Map<number, string[]>>;
  /** The same for our hints on code already written through tf.compat.v1, which tf_upgrade_v2 leaves as it is. */
  oursCompat: Map<string, Map<number, string[]>>;
}

function emptyTally(): Tally {
  return {
    files: 0,
    repos: new Set(),
    sites: 0,
    notedOwn: 0,
    noted: 0,
    distinct: new Map(),
    unnotedOwn: new Map(),
    unnoted: new Map(),
    gone: 0,
    goneFound: 0,
    goneMissed: new Map(),
    falseRemoved: new Map(),
    torchfixUses: new Map(),
    torchfixFlagged: 0,
    ours: new Map(),
    oursCompat: new Map(),
  };
}

/** The knowledge as the extension has it (base plus baseline), and what the installed releases have. */
interface Judges {
  kb: KnowledgeBase;
  surfaces: Surfaces;
  /** The name resolves in the installed releases and using it does not raise. */
  exists: (name: string) => boolean;
  torchfixNames: Set<string>;
}

/** The installed releases' answer per name (scripts/truth/private_paths.py --candidates): present, absent or `raises …`. */
type Answers = Record<string, string>;

function makeJudges(answers: Answers | undefined): Judges {
  const surfaces = new Surfaces();
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES, new InstalledNames(INSTALLED as InstalledData));
  kb.attachBaseline(new Baseline(buildBaseline(surfaces.baselineInputs(), PRIVATE_PATHS.present)));
  // Without the installed releases' answers: the dumps and the names private_paths.py checked for the product.
  const known = (name: string): boolean => surfaces.find(name) !== undefined || name in PRIVATE_PATHS.present || publicTwinOf(name) !== undefined;
  const exists = (name: string): boolean => (answers && name in answers ? answers[name] === 'present' : known(name));
  return { kb, surfaces, exists, torchfixNames: new Set(TORCHFIX_NAMES) };
}

/** Framework names a file's references measure (not dunders); the same filter tallyFile applies. */
function measuredNames(analysed: AnalysedFile): string[] {
  return analysed.references.map((r) => r.qualifiedName).filter((name) => ROOTS.has(name.split('.')[0]) && !name.includes('.__'));
}

/**
 * The installed releases' answers for exactly these names: read from `out` when it was made for the same list, else made
 * by running scripts/truth/private_paths.py --candidates with FG_PYTHON. Undefined, with the reason, when neither can be had.
 */
function answersFor(names: string[], out: string, log: (line: string) => void): { answers?: Answers; reason?: string } {
  const listing = names.map((n) => `${n}\n`).join('');
  const digest = createHash('sha256').update(listing, 'utf8').digest('hex');
  const listFile = `${out}.names.txt`;
  const read = (): Answers | undefined => {
    if (!fs.existsSync(out) || !fs.existsSync(`${out}.sha256`) || fs.readFileSync(`${out}.sha256`, 'utf8').trim() !== digest) return undefined;
    return JSON.parse(fs.readFileSync(out, 'utf8')) as Answers;
  };
  const kept = read();
  if (kept) return { answers: kept };
  const python = process.env.FG_PYTHON;
  if (!python) return { reason: `${out} was not made for this corpus's names and FG_PYTHON is not set to run scripts/truth/private_paths.py` };
  fs.writeFileSync(listFile, listing);
  log(`coverage: asking the installed releases about ${names.length} names …`);
  const run = spawnSync(python, [path.join(process.cwd(), 'scripts', 'truth', 'private_paths.py'), '--candidates', listFile, '--answers', out], {
    env: { ...process.env, CUDA_VISIBLE_DEVICES: '', TF_CPP_MIN_LOG_LEVEL: '2' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) return { reason: `scripts/truth/private_paths.py failed: ${(run.stderr || String(run.error ?? '')).trim().split('\n').pop() ?? ''}` };
  fs.writeFileSync(`${out}.sha256`, `${digest}\n`);
  const made = read();
  return made ? { answers: made } : { reason: `${out} does not answer the name list after scripts/truth/private_paths.py ran` };
}

/** Adds one analysed file to its half's tally. */
function tallyFile(tally: Tally, analysed: AnalysedFile, file: CoverageFile, relative: string, judges: Judges): void {
  const { kb, exists, torchfixNames } = judges;
  tally.files++;
  tally.repos.add(file.repo);
  if (file.path.endsWith('.py')) {
    const lines = new Map<number, string[]>();
    const compatLines = new Map<number, string[]>();
    for (const f of analysed.findings) {
      const into = f.compatV1 ? compatLines : lines;
      into.set(f.location.startLine, [...(into.get(f.location.startLine) ?? []), f.entryName]);
    }
    tally.ours.set(relative, lines);
    tally.oursCompat.set(relative, compatLines);
  }
  for (const reference of analysed.references) {
    const name = reference.qualifiedName;
    if (torchfixNames.has(name) && !reference.inImport) {
      bump(tally.torchfixUses, name);
      const at = reference.location;
      if (analysed.findings.some((f) => f.location.cell === at.cell && f.location.from >= at.from && f.location.from < Math.max(at.to, at.from + 1))) tally.torchfixFlagged++;
    }
    // Dunder attributes (keras.__version__) are not APIs of the dumps; they are left out of every measure.
    if (!ROOTS.has(name.split('.')[0]) || name.includes('.__')) continue;
    // Import lines are not counted: a removed name is reported where it is used (an import of a removed module is
    // reported on the import line, and its uses through the module fallback).
    if (reference.inImport) continue;
    const { location } = reference;
    const findings = analysed.findings.filter((f) => f.location.cell === location.cell && f.location.from >= location.from && f.location.from < Math.max(location.to, location.from + 1));
    tally.sites++;
    const result = kb.lookup(name);
    const own = result !== undefined && result.match !== 'module';
    // Under a removed module (tf.contrib.*, tensorflow.examples.*) the hover shows that module's note, which is the news.
    const any = own || (result !== undefined && result.entry.status.state !== 'current');
    if (own) tally.notedOwn++;
    else bump(tally.unnotedOwn, name);
    if (any) tally.noted++;
    else bump(tally.unnoted, name);
    tally.distinct.set(name, { own, any });
    if (!exists(name)) {
      tally.gone++;
      if (findings.length) tally.goneFound++;
      else bump(tally.goneMissed, name);
    } else {
      // Any "removed" finding on the API itself counts, whichever entry made it (its own, an alias's or a module's);
      // findings on one of its keywords or on an argument order are about the call, not the name.
      for (const f of findings) if (f.status === 'removed' && !f.compatV1 && f.ruleId === `FG-${f.entryName}` && !f.argumentReorder) bump(tally.falseRemoved, name);
    }
  }
}

/** Agreement with tf_upgrade_v2 on one half: its results on that half's files against our findings there. */
interface Agreement {
  files: number;
  failed: number;
  theirs: number;
  agreed: number;
  theirsGone: number;
  agreedGone: number;
  ourTf: number;
  ourTfMatched: number;
  ourCompat: number;
  missed: Map<string, number>;
}

function agreementOf(tally: Tally, halfFiles: ReadonlySet<string>, upgrade: UpgradeReport, judges: Judges): Agreement {
  const { kb, surfaces } = judges;
  const mine = (file: string) => tally.ours.has(file);
  const inHalf = (file: string) => halfFiles.has(file);
  const results = upgrade.results.filter((r) => inHalf(r.file));
  const seen = new Set<string>();
  const a: Agreement = { files: (upgrade.scanned ?? []).filter(inHalf).length, failed: upgrade.failed.filter((f) => inHalf(f.file)).length, theirs: 0, agreed: 0, theirsGone: 0, agreedGone: 0, ourTf: 0, ourTfMatched: 0, ourCompat: 0, missed: new Map() };
  for (const r of results) {
    const key = `${r.file}:${r.line}:${r.old}`;
    if (seen.has(key) || !mine(r.file)) continue;
    seen.add(key);
    const old = canonical(r.old);
    const at = [...(tally.ours.get(r.file)?.get(r.line) ?? []), ...(tally.oursCompat.get(r.file)?.get(r.line) ?? [])];
    // Our entry may be the canonical name behind a namespace alias (tensorflow.keras.optimizers.SGD is keras.optimizers.SGD).
    const found = kb.lookup(old);
    const viaAlias = found?.match === 'alias' ? found.entry.name : undefined;
    // Our finding may name the API itself where tf_upgrade_v2 names its module (tf.contrib.layers.flatten under tf.contrib).
    const hit = at.some((e) => e === old || old.startsWith(e + '.') || e.startsWith(old + '.') || canonical(r.old.replace(/^tf\.compat\.v1\./, 'tf.')) === e || e === viaAlias);
    const absent = surfaces.find(old) === undefined;
    a.theirs++;
    if (hit) a.agreed++;
    else bump(a.missed, r.old);
    if (absent) {
      a.theirsGone++;
      if (hit) a.agreedGone++;
    }
  }
  a.ourCompat = [...tally.oursCompat.values()].reduce((n, lines) => n + [...lines.values()].reduce((m, names) => m + names.filter((e) => e.startsWith('tensorflow.')).length, 0), 0);
  const lines = new Map<string, Set<number>>();
  for (const r of results) lines.set(r.file, (lines.get(r.file) ?? new Set()).add(r.line));
  for (const [file, ourLines] of tally.ours) {
    if (!lines.has(file) && !results.length) continue;
    for (const [line, names] of ourLines) {
      for (const name of names) {
        if (!name.startsWith('tensorflow.')) continue;
        a.ourTf++;
        if (lines.get(file)?.has(line)) a.ourTfMatched++;
      }
    }
  }
  return a;
}

/** Where a corpus file is, relative to the cache: the key of tf_upgrade_v2's results and of our findings. */
const relativeKey = (root: string, file: CoverageFile) => path.relative(root, cachedPath(root, file)).split(path.sep).join('/');

/**
 * tf_upgrade_v2's results for exactly these files: read from `out` when it was made for the same list, else made by
 * running bench/tf_upgrade_report.py with FG_PYTHON. Undefined, with the reason, when neither can be had.
 */
function upgradeReportFor(root: string, relativePy: string[], out: string, log: (line: string) => void): { report?: UpgradeReport; reason?: string } {
  const listing = relativePy.map((p) => `${p}\n`).join('');
  const digest = createHash('sha256').update(listing, 'utf8').digest('hex');
  const read = (): UpgradeReport | undefined => {
    if (!fs.existsSync(out)) return undefined;
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as UpgradeReport;
    return report.list_sha256 === digest ? report : undefined;
  };
  const kept = read();
  if (kept) return { report: kept };
  const python = process.env.FG_PYTHON;
  if (!python) return { reason: `${out} was not made for this corpus's file list and FG_PYTHON is not set to run bench/tf_upgrade_report.py` };
  const listFile = `${out}.files.txt`;
  fs.writeFileSync(listFile, listing);
  log(`coverage: tf_upgrade_v2 on ${relativePy.length} .py files (a few minutes) …`);
  const run = spawnSync(python, [path.join(process.cwd(), 'bench', 'tf_upgrade_report.py'), root, out, '--files', listFile], {
    env: { ...process.env, CUDA_VISIBLE_DEVICES: '', TF_CPP_MIN_LOG_LEVEL: '2' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) return { reason: `bench/tf_upgrade_report.py failed: ${(run.stderr || String(run.error ?? '')).trim().split('\n').pop() ?? ''}` };
  const made = read();
  return made ? { report: made } : { reason: `${out} does not answer the file list after bench/tf_upgrade_report.py ran` };
}

export interface CoverageOptions {
  manifestFile: string;
  /** Where tf_upgrade_v2's results are kept (and made, with FG_PYTHON). */
  upgradeFile: string;
  /** Where the installed releases' answers about the corpus's names are kept (and made, with FG_PYTHON). */
  existenceFile: string;
  /** List the test half's names too (misses, names without a note, false "removed" findings). */
  showTest: boolean;
  /** Where to write the dev half's names the installed-names tree does not judge (for scripts/truth/private-paths.txt). */
  unjudgedDev?: string;
  log?: (line: string) => void;
}

export function benchCoverage(options: CoverageOptions): BenchTable {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const manifest = readCoverageManifest(options.manifestFile);
  const { files, unlisted } = expandManifest(manifest, (repo, commit) => listFilesAt(repo, commit, CORPUS_EXTENSIONS));
  log(`coverage: materialising ${files.length} files …`);
  const { root, missing } = materialiseCorpus(files);
  const why = new Map(missing.map((m) => [`${m.ref.repo}@${m.ref.commit}:${m.ref.path}`, m.reason.split('\n')[0]]));
  const reasonLacking = (f: CoverageFile) => why.get(`${f.repo}@${f.commit}:${f.path}`);
  const present = files.filter((f) => reasonLacking(f) === undefined);

  const scanned = (kb: KnowledgeBase, file: CoverageFile): AnalysedFile | undefined => {
    const scan = scanSource({ path: cachedPath(root, file), bytes: fs.readFileSync(cachedPath(root, file)) }, kb, { maxBytes: 2_000_000, references: true });
    return scan.status === 'analysed' && (scan as AnalysedFile).references.length ? (scan as AnalysedFile) : undefined;
  };
  // First the names, so the installed releases can be asked about each once; then the measures.
  const plain = new KnowledgeBase(KNOWLEDGE_ENTRIES);
  const names = new Set<string>();
  for (const file of present) for (const name of measuredNames(scanned(plain, file) ?? ({ references: [] } as unknown as AnalysedFile))) names.add(name);
  const existence = answersFor([...names].sort(), options.existenceFile, log);
  if (options.unjudgedDev) {
    const tree = new InstalledNames(INSTALLED as InstalledData);
    const dev = new Set<string>();
    for (const file of present) if (file.split === 'dev') for (const name of measuredNames(scanned(plain, file) ?? ({ references: [] } as unknown as AnalysedFile))) if (tree.resolve(name).state === 'unknown') dev.add(name);
    fs.writeFileSync(options.unjudgedDev, [...dev].sort().map((n) => `${n}\n`).join(''));
    log(`coverage: ${dev.size} dev-half names the tree does not judge -> ${options.unjudgedDev}`);
  }
  const judges = makeJudges(existence.answers);
  const tallies: Record<Half, Tally> = { dev: emptyTally(), test: emptyTally() };
  const halfFiles: Record<Half, Set<string>> = { dev: new Set(), test: new Set() };
  log(`coverage: analysing ${present.length} files …`);
  for (const file of present) {
    const relative = relativeKey(root, file);
    halfFiles[file.split].add(relative);
    const analysed = scanned(judges.kb, file);
    if (analysed) tallyFile(tallies[file.split], analysed, file, relative, judges);
  }

  const upgrade = upgradeReportFor(root, present.filter((f) => f.path.endsWith('.py')).map((f) => relativeKey(root, f)), options.upgradeFile, log);
  const agreements = upgrade.report ? { dev: agreementOf(tallies.dev, halfFiles.dev, upgrade.report, judges), test: agreementOf(tallies.test, halfFiles.test, upgrade.report, judges) } : undefined;

  const counts = halfCounts(files);
  const both = (f: (t: Tally, half: Half) => string) => HALVES.map((half) => f(tallies[half], half));
  const distinctOwn = (t: Tally) => [...t.distinct.values()].filter((d) => d.own).length;
  const distinctAny = (t: Tally) => [...t.distinct.values()].filter((d) => d.any).length;
  const rows: string[][] = [
    ['Repositories', ...both((t, half) => `${counts[half].repos} (${t.repos.size} with framework references)`)],
    ['Files in the manifest', ...both((_, half) => `${counts[half].files} (${present.filter((f) => f.split === half).length} materialised)`)],
    ['Files with framework references', ...both((t) => String(t.files))],
    ['Framework call sites with a hover note of their own', ...both((t) => cell(t.notedOwn, t.sites))],
    ["Framework call sites with a hover note, counting a removed module's note", ...both((t) => cell(t.noted, t.sites))],
    ['Distinct framework names with a hover note of their own', ...both((t) => cell(distinctOwn(t), t.distinct.size))],
    ["Distinct framework names with a hover note, counting a removed module's note", ...both((t) => cell(distinctAny(t), t.distinct.size))],
    ['Uses of APIs the installed releases lack that get a finding', ...both((t) => cell(t.goneFound, t.gone))],
    ['"Removed" findings on a name that exists', ...both((t) => String(sumOf(t.falseRemoved)))],
    ['Uses of names TorchFix lists as deprecated or removed that get a finding', ...both((t) => cell(t.torchfixFlagged, sumOf(t.torchfixUses)))],
  ];
  if (agreements) {
    const each = (f: (a: Agreement) => string) => HALVES.map((half) => f(agreements[half]));
    rows.push(
      ['tf_upgrade_v2 symbol renames/removals we also flag (same line)', ...each((a) => cell(a.agreed, a.theirs))],
      ['... of those on names TF 2.21 no longer has', ...each((a) => cell(a.agreedGone, a.theirsGone))],
      ['Our TensorFlow findings on a line tf_upgrade_v2 also reports (not counting tf.compat.v1 hints)', ...each((a) => cell(a.ourTfMatched, a.ourTf))],
      ['Our hints on code already written through tf.compat.v1 (tf_upgrade_v2 leaves it as is)', ...each((a) => String(a.ourCompat))],
    );
  }

  const eras = (half: Half) => [...counts[half].byEra].map(([era, [repos, n]]) => `${era} ${repos} / ${n}`).join('; ');
  const notes = [
    `Corpus: bench/coverage-corpus.json, materialised by bench/corpus.ts outside the repository (FG_CORPUS_CACHE). The dev half holds the 14 repositories the coverage work was tuned on plus new ones; the test half holds only repositories never tuned on. By era (repositories / files in the manifest): dev: ${eras('dev')}. Test: ${eras('test')}.`,
    "A note of its own: the name's entry, exactly or through a namespace alias (generated baseline notes included). Counting a removed module's note: also the names under a deprecated or removed module (tf.contrib.*), whose hover shows that module's note.",
    existence.answers
      ? `"APIs the installed releases lack": names that do not resolve when imported and read in the installed TensorFlow ${INSTALLED.meta.versions.tensorflow}, Keras ${INSTALLED.meta.versions.keras} and PyTorch ${INSTALLED.meta.versions.torch}, or that resolve only to a stub that raises when used (scripts/truth/private_paths.py --candidates, asked about all ${names.size} distinct names of the corpus).`
      : `"APIs the installed releases lack": names that neither the API dumps nor src/knowledge/data/generated/private-paths.json know (${existence.reason}).`,
    `TorchFix itself was not run (its package and its libcst dependency are not installable here); its published symbol list (${TORCHFIX_NAMES.length} names, each checked against PyTorch 2.13) stands in for it.`,
  ];
  if (unlisted.length) notes.push(`Repositories that could not be listed: ${unlisted.map((u) => `${u.repo} (${u.reason})`).join('; ')}.`);
  for (const half of HALVES) {
    const lost = files.filter((f) => f.split === half && reasonLacking(f) !== undefined);
    if (lost.length) notes.push(`${half === 'dev' ? 'Dev' : 'Test'} half, files that could not be had: ${lost.map((f) => `${f.repo}:${f.path} (${reasonLacking(f)})`).join('; ')}.`);
  }
  if (agreements) for (const half of HALVES) notes.push(`tf_upgrade_v2 ran on ${agreements[half].files} .py files of the ${half} half mentioning tensorflow (${agreements[half].failed} it could not parse).`);
  else notes.push(`No tf_upgrade_v2 rows: ${upgrade.reason}.`);
  for (const half of HALVES) {
    const t = tallies[half];
    const label = half === 'dev' ? 'Dev half' : 'Test half';
    if (half === 'test' && !options.showTest) {
      notes.push('Test half: the names behind its figures are not listed (run with --show-test at the end of a piece of work).');
      continue;
    }
    notes.push(
      `${label}, uses of TorchFix-listed names: ${top(t.torchfixUses) || 'none'}.`,
      `${label}, most frequent names without a note of their own: ${top(t.unnotedOwn) || '-'}.`,
      `${label}, most frequent names without a note, counting a removed module's note: ${top(t.unnoted) || '-'}.`,
      `${label}, most frequent missing names without a finding: ${top(t.goneMissed) || '-'}.`,
      `${label}, "removed" findings on a name that exists: ${top(t.falseRemoved) || '-'}.`,
    );
    if (agreements) notes.push(`${label}, tf_upgrade_v2 renames we do not flag, most frequent: ${top(agreements[half].missed) || '-'}.`);
  }
  return { title: 'Coverage on a corpus of public code, by half', headers: ['Measure', 'Dev half', 'Test half'], rows, notes };
}

if (isMain('coverage')) {
  process.stdout.write(
    toMarkdown(
      benchCoverage({
        manifestFile: path.join(process.cwd(), 'bench', 'coverage-corpus.json'),
        upgradeFile: process.env.FG_TF_UPGRADE ?? path.join(os.tmpdir(), 'fg-tf-upgrade.json'),
        existenceFile: process.env.FG_EXISTENCE ?? path.join(os.tmpdir(), 'fg-existence.json'),
        showTest: process.argv.includes('--show-test'),
        unjudgedDev: process.argv.includes('--unjudged-dev') ? process.argv[process.argv.indexOf('--unjudged-dev') + 1] : undefined,
      }),
    ),
  );
}
