/**
 * Peak memory of the CLI on a large tree: generates 50,000 small Python files and notebooks (most with findings) in
 * a temporary folder, runs dist/cli.js under `/usr/bin/time -v` in each output format and prints the peak RSS.
 * Run: `node out/bench/scanMemory.js [files] [other-cli.js to compare]` after `node esbuild.config.js`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seededRandom } from './analyze';
import { isMain, toMarkdown, type BenchTable } from './tables';

const DEFAULT_FILES = 50_000;
const FILES_PER_FOLDER = 500;

const SNIPPETS = [
  'x = tf.placeholder(tf.float32, shape=[None, 3])',
  'sess = tf.Session()',
  'init = tf.global_variables_initializer()',
  'v = Variable(torch.zeros(3))',
  'y = F.sigmoid(torch.randn(4))',
  'z = F.tanh(torch.randn(4))  # framework-guide: ignore',
  'layer = tf.keras.layers.Dense(8)',
  'model = nn.Linear(4, 2)',
  'opt = torch.optim.Adam(model.parameters(), lr=1e-3)',
];
const HEADER = 'import tensorflow as tf\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch.autograd import Variable\n';

function pythonFile(random: () => number, index: number): string {
  const lines = [HEADER, `\ndef step_${index}(batch):`];
  const count = 10 + Math.floor(random() * 30);
  for (let i = 0; i < count; i++) lines.push(`    ${SNIPPETS[Math.floor(random() * SNIPPETS.length)]}`);
  lines.push('    return batch\n');
  return lines.join('\n');
}

function notebookFile(random: () => number, index: number): string {
  const cells = [
    { cell_type: 'markdown', metadata: {}, source: [`# Experiment ${index}\n`] },
    { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: HEADER.split('\n').map((l) => `${l}\n`) },
    { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: [0, 1, 2, 3].map(() => `${SNIPPETS[Math.floor(random() * SNIPPETS.length)]}\n`) },
  ];
  return JSON.stringify({ cells, metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

/** Writes the tree (every 25th file a notebook) and returns its folder and size in bytes. */
export function generateTree(files: number): { root: string; bytes: number } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-scan-memory-'));
  const random = seededRandom(16);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `pkg_${Math.floor(i / FILES_PER_FOLDER)}`);
    if (i % FILES_PER_FOLDER === 0) fs.mkdirSync(dir);
    const notebook = i % 25 === 24;
    const text = notebook ? notebookFile(random, i) : pythonFile(random, i);
    fs.writeFileSync(path.join(dir, `module_${i}.${notebook ? 'ipynb' : 'py'}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { root, bytes };
}

/** Peak RSS in KB and wall seconds of `node cli scan root --format format`, output thrown away. */
function measure(cli: string, root: string, format: string): { peakKb: number; seconds: number; exit: number | null; summary: string } {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'scan', '.', '--format', format], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const summary = run.stderr.split('\n').find((l) => l.includes('Scanned')) ?? '';
  const exit = /Exit status: (\d+)/.exec(run.stderr);
  return { peakKb: peak ? Number(peak[1]) : NaN, seconds, exit: exit ? Number(exit[1]) : run.status, summary: summary.replace(/^framework-guide: /, '') };
}

export function benchScanMemory(files = DEFAULT_FILES, compareWith?: string): BenchTable {
  const cli = path.join(process.cwd(), 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('build dist/cli.js first (node esbuild.config.js)');
  const { root, bytes } = generateTree(files);
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    for (const [label, script] of [['this build', cli], ...(compareWith ? [['compared build', compareWith]] : [])] as const) {
      for (const format of ['text', 'json', 'sarif']) {
        const m = measure(script, root, format);
        rows.push([label, format, `${(m.peakKb / 1024).toFixed(0)} MB`, `${m.seconds.toFixed(1)} s`, String(m.exit)]);
        if (format === 'json' && m.summary) notes.push(`${label}: ${m.summary}`);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return {
    title: `CLI peak memory on a generated tree of ${files.toLocaleString('en-US')} files`,
    headers: ['CLI', 'format', 'peak RSS', 'wall time', 'exit code'],
    rows,
    notes: [
      `${files.toLocaleString('en-US')} files (every 25th a notebook) in ${Math.ceil(files / FILES_PER_FOLDER)} folders, ${(bytes / 1e6).toFixed(1)} MB, 10–40 framework lines each; output to /dev/null; peak RSS from /usr/bin/time -v.`,
      ...notes,
    ],
  };
}

if (isMain('scanMemory')) {
  const files = process.argv[2] ? Number(process.argv[2]) : DEFAULT_FILES;
  process.stdout.write(toMarkdown(benchScanMemory(files, process.argv[3])));
}
