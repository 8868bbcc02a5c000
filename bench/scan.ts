/**
 * Workspace scan throughput: files per second of our CLI (whole process, and its core loop in-process) against
 * one CPython process parsing the same files with ast, over a generated tree of 2,000 .py and .ipynb files.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findScanTargets } from '../src/cli/files';
import { readScanFile } from '../src/cli/read';
import { scanSource } from '../src/core/scan';
import { DEFAULT_MAX_BYTES } from '../src/core/python';
import { KnowledgeBase } from '../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { benchDir, dataDir, generate, seededRandom } from './analyze';
import { isMain, median, ratio, toMarkdown, type BenchTable } from './tables';

const TREE_FILES = 2_000;
/** Every 50th file is a notebook: 40 of 2,000. */
const NOTEBOOK_EVERY = 50;
const TREE_VERSION = 'scan-tree v2';
/** One run each keeps `npm run bench` under five minutes; the tree is large enough for stable figures. */
const RUNS = 1;

function notebookJson(code: string): string {
  const cells = code.split(/\n(?=\n(?:class|def|@))/).map((source, i) => ({
    cell_type: 'code',
    id: `cell-${i + 1}`,
    metadata: {},
    execution_count: null,
    outputs: [],
    source: (i === 1 ? '%matplotlib inline\n' : '') + source.trim() + '\n',
  }));
  const markdown = { cell_type: 'markdown', id: 'cell-0', metadata: {}, source: ['# Generated benchmark notebook\n'] };
  return JSON.stringify({ cells: [markdown, ...cells], metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

/** The repository's sample/ files (real-looking scripts and a notebook), copied into the tree as they are. */
function sampleFiles(): string[] {
  const dir = path.join(process.cwd(), 'sample');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.py') || f.endsWith('.ipynb')).sort().map((f) => path.join(dir, f)) : [];
}

/**
 * bench/.data/scan-tree: the sample/ files plus generated ones up to 2,000 (20 folders of 100, 30–400 lines each),
 * the same on every run; rebuilt only when the recipe or the samples change.
 */
export function prepareScanTree(): string {
  const root = path.join(dataDir, 'scan-tree');
  const samples = sampleFiles();
  const stamp = path.join(root, '.stamp');
  const recipe = [TREE_VERSION, ...samples.map((f) => `${path.basename(f)} ${fs.statSync(f).size} ${fs.statSync(f).mtimeMs}`)].join('\n');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === recipe && countFiles(root) === TREE_FILES) return root;
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'sample'), { recursive: true });
  for (const file of samples) fs.copyFileSync(file, path.join(root, 'sample', path.basename(file)));
  const random = seededRandom(2024);
  for (let i = 0; i < TREE_FILES - samples.length; i++) {
    const folder = path.join(root, `pkg_${String(Math.floor(i / 100)).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const code = generate(30 + Math.floor(random() * 370), i + 1);
    const name = `module_${String(i).padStart(4, '0')}`;
    if (i % NOTEBOOK_EVERY === NOTEBOOK_EVERY - 1) fs.writeFileSync(path.join(folder, `${name}.ipynb`), notebookJson(code));
    else fs.writeFileSync(path.join(folder, `${name}.py`), code);
  }
  fs.writeFileSync(stamp, recipe);
  return root;
}

function countFiles(root: string): number {
  let files = 0;
  for (const event of findScanTargets([root])) if (event.kind === 'file') files++;
  return files;
}

function treeBytes(root: string): number {
  let bytes = 0;
  for (const event of findScanTargets([root])) if (event.kind === 'file') bytes += fs.statSync(event.file).size;
  return bytes;
}

/** Our CLI as a user runs it, output to a file; wall time of the whole process. */
function timeCli(root: string): { ms: number[]; files: number; error?: string } {
  const outFile = path.join(dataDir, 'scan-output.json');
  const ms: number[] = [];
  let files = 0;
  for (let run = 0; run < RUNS; run++) {
    const out = fs.openSync(outFile, 'w');
    const t0 = performance.now();
    const cli = spawnSync(process.execPath, [path.join(process.cwd(), 'dist', 'cli.js'), 'scan', root, '--format', 'json'], { stdio: ['ignore', out, 'pipe'], timeout: 120_000 });
    const elapsed = performance.now() - t0;
    fs.closeSync(out);
    if (cli.status !== 0) return { ms, files, error: `exit ${cli.status ?? cli.signal}: ${String(cli.stderr).slice(0, 200)}` };
    ms.push(elapsed);
    files = (JSON.parse(fs.readFileSync(outFile, 'utf8')) as { summary: { files: number } }).summary.files;
  }
  return { ms, files };
}

/** The CLI's loop (walk, read, analyse, findings) in this process, without start-up and JSON output. */
function timeCore(root: string): { ms: number[]; files: number; references: number } {
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
  const ms: number[] = [];
  let files = 0;
  let references = 0;
  for (let run = 0; run < RUNS; run++) {
    files = 0;
    references = 0;
    const t0 = performance.now();
    for (const event of findScanTargets([root])) {
      if (event.kind !== 'file') continue;
      const read = readScanFile(event.file, event.file, DEFAULT_MAX_BYTES);
      if (read.kind !== 'bytes') continue;
      const result = scanSource({ path: event.file, bytes: read.bytes }, kb, { maxBytes: DEFAULT_MAX_BYTES, references: true });
      if (result.status === 'analysed') {
        files++;
        references += result.references.length;
      }
    }
    ms.push(performance.now() - t0);
  }
  return { ms, files, references };
}

function timePython(root: string): { wallMs: number[]; inProcessMs: number[]; files: number; references: number; syntaxErrors: number; error?: string } {
  const wallMs: number[] = [];
  const inProcessMs: number[] = [];
  let files = 0;
  let references = 0;
  let syntaxErrors = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const py = spawnSync('python3', [path.join(benchDir, 'baseline_scan.py'), root], { encoding: 'utf8', timeout: 120_000 });
    const elapsed = performance.now() - t0;
    if (py.status !== 0) return { wallMs, inProcessMs, files, references, syntaxErrors, error: (py.stderr || String(py.error)).trim().split('\n').pop() };
    const result = JSON.parse(py.stdout) as { files: number; references: number; syntax_errors: number; seconds: number };
    syntaxErrors = result.syntax_errors;
    wallMs.push(elapsed);
    inProcessMs.push(result.seconds * 1000);
    files = result.files;
    references = result.references;
  }
  return { wallMs, inProcessMs, files, references, syntaxErrors };
}

export interface ScanBenchResult {
  table: BenchTable;
  cliFilesPerSecond?: number;
  coreFilesPerSecond: number;
  pythonFilesPerSecond?: number;
  pythonInProcessFilesPerSecond?: number;
}

export function benchScan(): ScanBenchResult {
  const root = prepareScanTree();
  const megabytes = treeBytes(root) / 1e6;
  const cli = timeCli(root);
  const core = timeCore(root);
  const python = timePython(root);
  const perSecond = (files: number, ms: number) => (files / ms) * 1000;
  const cliMs = cli.ms.length ? median(cli.ms) : undefined;
  const coreMs = median(core.ms);
  const pyWall = python.wallMs.length ? median(python.wallMs) : undefined;
  const pyIn = python.inProcessMs.length ? median(python.inProcessMs) : undefined;
  const row = (tool: string, files: number, ms: number | undefined, vsPython: number | undefined, note: string) => [
    tool,
    ms === undefined ? 'failed' : String(files),
    ms === undefined ? 'failed' : `${(ms / 1000).toFixed(2)} s`,
    ms === undefined ? 'failed' : perSecond(files, ms).toFixed(0),
    ms === undefined ? '—' : (megabytes / (ms / 1000)).toFixed(1),
    ms === undefined || vsPython === undefined ? '—' : `${ratio(vsPython, ms)}`,
    note,
  ];
  const cliFps = cliMs !== undefined ? perSecond(cli.files, cliMs) : undefined;
  const coreFps = perSecond(core.files, coreMs);
  const pyFps = pyWall !== undefined ? perSecond(python.files, pyWall) : undefined;
  const pyInFps = pyIn !== undefined ? perSecond(python.files, pyIn) : undefined;
  return {
    cliFilesPerSecond: cliFps,
    coreFilesPerSecond: coreFps,
    pythonFilesPerSecond: pyFps,
    pythonInProcessFilesPerSecond: pyInFps,
    table: {
      title: `Workspace scan (${TREE_FILES.toLocaleString('en-US')} files, ${megabytes.toFixed(1)} MB): ours vs one python3 process with ast`,
      headers: ['tool', 'files', RUNS === 1 ? 'time (1 run)' : `time (median of ${RUNS})`, 'files/s', 'MB/s', 'python time / ours (same scope)', 'what is timed'],
      rows: [
        row('**ours**: `node dist/cli.js scan <dir> --format json`', cli.files, cliMs, pyWall, cli.error ?? 'whole process: Node start-up, walk (.gitignore aware), read, analyse, findings, JSON to a file'),
        row('ours, in-process core', core.files, coreMs, pyIn, `walk + read + analyse + findings (readScanFile + scanSource), no start-up, no output; ${core.references.toLocaleString('en-US')} references`),
        row('python3 ast (bench/baseline_scan.py)', python.files, pyWall, undefined, python.error ?? 'whole process: start-up, os.walk, read, ast.parse + framework-name walk'),
        row('python3 ast, in-process', python.files, pyIn, undefined, `same without interpreter start-up; ${python.references.toLocaleString('en-US')} references`),
      ],
      notes: [
        `Tree: bench/.data/scan-tree: the ${sampleFiles().length} files of sample/ plus generated files up to ${TREE_FILES.toLocaleString('en-US')} in 20 folders (30–400 lines, mixed TF/PyTorch), every ${NOTEBOOK_EVERY}th a .ipynb with one %magic line; seeded, identical on every run.`,
        'Python syntax errors (baseline): ' + (python.error ? 'n/a' : `${python.syntaxErrors} file(s) ast.parse rejects, counted as scanned.`),
        'The Python baseline parses and resolves names but reports nothing (no findings, no positions, no JSON), so it does less work than the CLI; the ratio column compares whole process with whole process and in-process with in-process.',
      ],
    },
  };
}

if (isMain('scan')) process.stdout.write(toMarkdown(benchScan().table));
