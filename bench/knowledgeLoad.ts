/**
 * Knowledge load cost: size and parse time of dist/knowledge.json (hand-written entries plus generated migration rules,
 * read on first use) and of dist/baseline.json.gz (every public API name, read only when a hover needs a name the
 * base lacks), inflated with DecompressionStream as the extension does. Run after a build: node out/bench/knowledgeLoad.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KnowledgeBase, type KnowledgeEntry } from '../src/knowledge';
import { Baseline, type BaselineData } from '../src/knowledge/baseline';
import { formatBytes, formatMs, isMain, median, toMarkdown, type BenchTable } from './tables';
import * as zlib from 'node:zlib';

const RUNS = 15;

async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export async function benchKnowledgeLoad(dist = path.join(process.cwd(), 'dist')): Promise<BenchTable> {
  const knowledge = fs.readFileSync(path.join(dist, 'knowledge.json'));
  const baseline = fs.readFileSync(path.join(dist, 'baseline.json.gz'));
  const baseTimes: number[] = [];
  const baselineTimes: number[] = [];
  let entries = 0;
  let names = 0;
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    const kb = new KnowledgeBase(JSON.parse(new TextDecoder().decode(knowledge)) as KnowledgeEntry[]);
    baseTimes.push(performance.now() - start);
    entries = kb.size;
    start = performance.now();
    const attached = new Baseline(JSON.parse(await inflate(baseline)) as BaselineData);
    kb.attachBaseline(attached);
    kb.lookup('tensorflow.group');
    baselineTimes.push(performance.now() - start);
    names = attached.size;
  }
  return {
    title: 'Knowledge load (median of 15 runs, this machine)',
    headers: ['File', 'Read when', 'Records', 'Size on disk', 'Size gzip', 'Load (parse + index)'],
    rows: [
      ['dist/knowledge.json', 'first hover/diagnostic', String(entries), formatBytes(knowledge.length), formatBytes(zlib.gzipSync(knowledge).length), formatMs(median(baseTimes))],
      ['dist/baseline.json.gz', 'first name the base lacks', String(names), formatBytes(baseline.length), formatBytes(baseline.length), formatMs(median(baselineTimes))],
    ],
    notes: ['The baseline load includes gzip inflation with DecompressionStream, as in the extension (desktop and web).'],
  };
}

if (isMain('knowledgeLoad')) {
  benchKnowledgeLoad()
    .then((table) => process.stdout.write(toMarkdown(table)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
