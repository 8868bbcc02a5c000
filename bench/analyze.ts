/**
 * Benchmarks analyzePython against a CPython ast baseline and measures symbolAt latency; prints a markdown table.
 * Also the generator of the 1k/10k/100k-line mixed TF/PyTorch files the other benchmarks reuse.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython } from '../src/core/python';
import { seededRandom } from '../test/unit/seededRandom';
import { isMain, percentile, toMarkdown, type BenchTable } from './tables';

export { seededRandom };

export const benchDir = path.join(process.cwd(), 'bench');
export const dataDir = path.join(benchDir, '.data');
export const GENERATED_SIZES = [1_000, 10_000, 100_000] as const;

const HEADER = `import os
import numpy as np
import tensorflow as tf
import torch

from torch import nn
from torch.utils.data import DataLoader
from tensorflow import keras
`;

/** Blocks of realistic mixed TF/PyTorch code; {i} makes names unique per block. */
const BLOCKS = [
  `
class Net{i}(nn.Module):
    def __init__(self, hidden=64):
        super().__init__()
        self.fc = nn.Linear(128, hidden)
        self.out = nn.Linear(hidden, 10)

    def forward(self, x):
        x = torch.relu(self.fc(x))  # hidden layer
        return torch.log_softmax(self.out(x), dim=1)
`,
  `
def build_keras_{i}(units=32):
    model = keras.Sequential([
        keras.layers.Dense(units, activation="relu"),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(10),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
    return model
`,
  `
@tf.function
def train_step_{i}(model, x, y, optimizer):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss
`,
  `
def torch_loop_{i}(model, loader: DataLoader, epochs=3):
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for epoch in range(epochs):
        for batch, target in loader:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(batch), target)
            loss.backward()
            opt.step()
    values = [np.mean([1, 2, 3]) for _ in range(3)]
    return os.path.join("runs", f"epoch-{epoch}"), values
`,
];

/** A mixed TF/PyTorch file of about `lines` lines; the same `seed` always gives the same text. */
export function generate(lines: number, seed: number): string {
  const random = seededRandom(seed);
  const parts = [HEADER];
  let count = HEADER.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const block = BLOCKS[Math.floor(random() * BLOCKS.length)].replace(/\{i\}/g, String(i));
    parts.push(block);
    count += block.split('\n').length - 1;
  }
  return parts.join('');
}

/** Writes bench/.data/mixed_<lines>.py for each generated size (seeded by the size) and returns the paths. */
export function prepareGeneratedFiles(): string[] {
  fs.mkdirSync(dataDir, { recursive: true });
  return GENERATED_SIZES.map((lines) => {
    const file = path.join(dataDir, `mixed_${lines}.py`);
    const text = generate(lines, lines);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    return file;
  });
}

export interface AnalyzeBenchResult {
  table: BenchTable;
  /** Per generated size: bytes and mean seconds per whole-file analysis (python undefined when it failed). */
  sizes: Array<{ lines: number; bytes: number; oursSeconds: number; pythonSeconds?: number }>;
}

/** Whole-file analysis throughput, ours against CPython's ast.parse plus a walk, and symbolAt at random offsets. */
export function benchAnalyze(): AnalyzeBenchResult {
  const sizes = GENERATED_SIZES;
  const files = prepareGeneratedFiles();

  const baseline = spawnSync('python3', [path.join(benchDir, 'baseline_ast.py'), ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const pythonResults: Array<{ seconds: number; bytes: number; references: number }> | undefined = baseline.status === 0 ? JSON.parse(baseline.stdout) : undefined;
  if (!pythonResults) console.error(`python3 baseline failed: ${baseline.stderr || baseline.error}`);

  const rows: string[][] = [];
  const measured: AnalyzeBenchResult['sizes'] = [];
  files.forEach((file, index) => {
    const text = fs.readFileSync(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    const options = { maxBytes: 100_000_000 };
    // Steady state, the same on both sides: at least 0.2 s of warm-up, then the mean of at least 5 runs
    // lasting at least 0.3 s (small files otherwise measure the JIT warming up, not the analysis).
    const warmUntil = performance.now() + 200;
    do analyzePython(text, options);
    while (performance.now() < warmUntil);
    let runs = 0;
    let analysis = analyzePython(text, options);
    const start = performance.now();
    do {
      analysis = analyzePython(text, options);
      runs++;
    } while (runs < 5 || performance.now() - start < 300);
    const seconds = (performance.now() - start) / 1000 / runs;

    const random = seededRandom(99);
    const latencies: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const offset = Math.floor(random() * text.length);
      const t0 = performance.now();
      analysis.symbolAt(offset);
      latencies.push((performance.now() - t0) * 1000);
    }
    latencies.sort((a, b) => a - b);
    const py = pythonResults?.[index];
    measured.push({ lines: sizes[index], bytes, oursSeconds: seconds, pythonSeconds: py?.seconds });
    const mbps = (b: number, s: number) => (b / 1e6 / s).toFixed(1);
    rows.push([
      sizes[index].toLocaleString('en-US'),
      `${(bytes / 1024).toFixed(0)} KB`,
      `${(seconds * 1000).toFixed(1)} ms`,
      py ? `${(py.seconds * 1000).toFixed(1)} ms` : 'missing',
      mbps(bytes, seconds),
      py ? mbps(py.bytes, py.seconds) : 'missing',
      py ? `${(py.seconds / seconds).toFixed(2)}×` : '—',
      String(analysis.references.length),
      py ? String(py.references) : 'missing',
      `${percentile(latencies, 50).toFixed(2)} µs`,
      `${percentile(latencies, 99).toFixed(2)} µs`,
    ]);
  });
  const table: BenchTable = {
    title: 'Whole-file analysis throughput (ours vs python3 ast.parse + walk)',
    headers: ['lines', 'size', 'analyse (ours)', 'python ast', 'ours MB/s', 'python ast MB/s', 'python time / ours', 'refs (ours)', 'refs (python)', 'symbolAt p50', 'symbolAt p99'],
    rows,
    notes: [
      'Steady state on both sides: at least 0.2 s of warm-up, then the mean of at least 5 runs lasting at least 0.3 s. Ours: analyzePython (lezer parse + import resolution + reference collection). Python: `ast.parse` plus a walk resolving framework names through imports (bench/baseline_ast.py), run by `python3` on PATH.',
      'symbolAt: 1,000 random offsets (seeded), any token, on the analysed file.',
    ],
  };
  return { table, sizes: measured };
}

if (isMain('analyze')) process.stdout.write(toMarkdown(benchAnalyze().table));
