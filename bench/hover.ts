/**
 * Hover latency at the same positions: our hover provider's core path against pyright-langserver and pylsp.
 * Ours runs the code src/extension/hover.ts runs, minus the vscode wrapping: DocumentAnalysisCache (size
 * check once per version, cached analysis) → symbolAt → kb.lookup → composeHoverNote.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePython, DocumentAnalysisCache, SLICED_PARSE_THRESHOLD } from '../src/core/python';
import { composeHoverNote } from '../src/core/notes/hoverNote';
import { KnowledgeBase, type KnowledgeEntry } from '../src/knowledge';
import { GENERATED_SIZES, prepareGeneratedFiles } from './analyze';
import { ensurePeers, measurePeerHover, type PeerAvailability, type PeerHoverResult } from './peers';
import { lineStarts, pickHoverPositions, type HoverPosition } from './positions';
import { formatMs, isMain, percentile, ratio, toMarkdown, type BenchTable } from './tables';

/** The 100k-line file is 3.6 MB, over the 2 MB default of frameworkGuide.analysis.maxFileSize: raised here. */
const MAX_FILE_SIZE = 10_000_000;
const HOVER_CONFIG = { frameworks: ['tensorflow', 'keras', 'pytorch'], verbosity: 'detailed', showEquivalents: true } as const;

export const OUR_POSITIONS = 1000;
export const PEER_POSITIONS = 200;
const POSITION_SEED = 1234;

/** The provider's work per hover request, with its caches, minus the vscode wrapping (MarkdownString, Range). */
class ProviderCorePath {
  private readonly documents = new DocumentAnalysisCache(32);

  constructor(private readonly kb: KnowledgeBase) {}

  /** The hover markdown at (line, character), or undefined where the provider shows nothing. */
  async hover(key: string, text: string, starts: readonly number[], line: number, character: number): Promise<string | undefined> {
    const analysis = await this.documents.get(key, 1, text, { maxBytes: MAX_FILE_SIZE });
    if (!analysis || analysis === 'too-large') return undefined;
    const symbol = analysis.symbolAt(starts[line] + character);
    if (!symbol) return undefined;
    const result = this.kb.lookup(symbol.qualifiedName);
    if (!result || !(HOVER_CONFIG.frameworks as readonly string[]).includes(result.entry.framework)) return undefined;
    return composeHoverNote(symbol, result, HOVER_CONFIG, (n) => this.kb.resolve(n)).markdown;
  }
}

/** What KnowledgeStore does on the first hover of a session: read dist/knowledge.json and index it. */
function loadKnowledge(): { kb: KnowledgeBase; ms: number } {
  const t0 = performance.now();
  const entries = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'dist', 'knowledge.json'), 'utf8')) as KnowledgeEntry[];
  const kb = new KnowledgeBase(entries);
  return { kb, ms: performance.now() - t0 };
}

interface OurHoverResult {
  firstMs: number;
  latencies: number[];
  nonEmpty: number;
}

async function measureOurHover(kb: KnowledgeBase, file: string, positions: readonly HoverPosition[]): Promise<OurHoverResult> {
  const text = fs.readFileSync(file, 'utf8');
  const starts = lineStarts(text);
  const provider = new ProviderCorePath(kb);
  const t0 = performance.now();
  await provider.hover(file, text, starts, positions[0].line, positions[0].character);
  const firstMs = performance.now() - t0;
  const latencies: number[] = [];
  let nonEmpty = 0;
  for (const p of positions) {
    const start = performance.now();
    const note = await provider.hover(file, text, starts, p.line, p.character);
    latencies.push(performance.now() - start);
    if (note) nonEmpty++;
  }
  return { firstMs, latencies, nonEmpty };
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** One table row per tool and file: lines | tool | positions | p50 | p99 | p99 vs ours | first hover | answers. */
function peerRow(lines: string, name: string, peer: PeerHoverResult, oursSamePositions: readonly number[]): string[] {
  if (peer.latencies.length === 0) {
    const label = peer.status === 'ok' ? 'timeout' : peer.status;
    return [lines, name, '0', label, label, '—', peer.firstMs !== undefined ? formatMs(peer.firstMs) : label, '—'];
  }
  const s = sorted(peer.latencies);
  const ours = sorted(oursSamePositions.slice(0, peer.latencies.length));
  return [
    lines,
    name,
    `${peer.latencies.length}${peer.latencies.length < peer.requested ? ` (budget; of ${peer.requested})` : ''}`,
    formatMs(percentile(s, 50)),
    formatMs(percentile(s, 99)),
    `${ratio(percentile(s, 99), percentile(ours, 99))} slower`,
    formatMs(peer.firstMs ?? NaN),
    `${peer.nonEmpty} non-empty, ${peer.mentionsToken} name the token`,
  ];
}

export interface HoverBenchOptions {
  peers?: PeerAvailability[];
  log?: (line: string) => void;
}

/** Per file and tool: p50/p99 and first hover; `summary` keeps the numbers run.ts puts in the overview table. */
export interface HoverBenchResult {
  table: BenchTable;
  summary: Array<{ lines: number; oursP99: number; oursFirstMs: number; peers: Array<{ name: string; p99?: number; oursP99SamePositions?: number; firstMs?: number; status: string; n: number }> }>;
}

/** The hover table: ours at 1,000 positions per file, each peer at the first 200 of the same positions. */
export async function benchHover(options: HoverBenchOptions = {}): Promise<HoverBenchResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const peers = options.peers ?? ensurePeers(log);
  const files = prepareGeneratedFiles();
  const { kb, ms: knowledgeMs } = loadKnowledge();
  const rows: string[][] = [];
  const notes: string[] = [];
  const summary: HoverBenchResult['summary'] = [];
  for (const [index, file] of files.entries()) {
    const lines = GENERATED_SIZES[index];
    const label = lines.toLocaleString('en-US');
    const positions = pickHoverPositions(analyzePython(fs.readFileSync(file, 'utf8'), { maxBytes: Number.MAX_SAFE_INTEGER }), OUR_POSITIONS, POSITION_SEED + index);
    log(`hover: ours on ${path.basename(file)} …`);
    const ours = await measureOurHover(kb, file, positions);
    const oursSorted = sorted(ours.latencies);
    rows.push([label, '**ours** (provider core path)', String(positions.length), formatMs(percentile(oursSorted, 50)), formatMs(percentile(oursSorted, 99)), '1×', formatMs(ours.firstMs), `${ours.nonEmpty} notes shown`]);
    const entry: HoverBenchResult['summary'][number] = { lines, oursP99: percentile(oursSorted, 99), oursFirstMs: ours.firstMs, peers: [] };
    for (const peer of peers) {
      const name = peer.ok ? `${peer.server.name} ${peer.server.version}` : peer.name;
      log(`hover: ${name} on ${path.basename(file)} …`);
      const big = lines >= 100_000;
      const result = await measurePeerHover(peer, file, positions, { count: PEER_POSITIONS, readyTimeoutMs: big ? 120_000 : 60_000, budgetMs: big ? 30_000 : 20_000, requestTimeoutMs: 15_000 });
      rows.push(peerRow(label, name, result, ours.latencies));
      const n = result.latencies.length;
      entry.peers.push({
        name,
        status: result.status === 'ok' && n === 0 ? 'timeout' : result.status,
        n,
        firstMs: result.firstMs,
        p99: n ? percentile(sorted(result.latencies), 99) : undefined,
        oursP99SamePositions: n ? percentile(sorted(ours.latencies.slice(0, n)), 99) : undefined,
      });
      if (result.detail) notes.push(`${name}, ${label} lines: ${result.status === 'ok' ? '' : `${result.status}: `}${result.detail}.`);
      if (index === 0) for (const s of result.samples) notes.push(`${name} sample answer on \`${s.token}\`: “${s.text.replace(/\|/g, '\\|')}…”`);
    }
    summary.push(entry);
  }
  const table: BenchTable = {
    title: 'Hover latency at the same positions (ours vs pyright-langserver vs pylsp)',
    headers: ['lines', 'tool', 'positions timed', 'p50', 'p99', 'p99 vs ours (same positions)', 'first hover', 'answers'],
    rows,
    notes: [
      `Positions: ${OUR_POSITIONS.toLocaleString('en-US')} per file, seeded, inside identifiers of framework reference chains (\`nn\`, \`Linear\`, \`keras\`, \`tensorflow\` in imports …). Peers get the first ${PEER_POSITIONS} of the same list, fewer when their time budget (20 s per file, 30 s at 100k lines) ran out; the ratio compares p99 over exactly the positions the peer answered.`,
      'Ours: in-process, the provider core path of src/extension/hover.ts (DocumentAnalysisCache: size check once per version, cached analysis → symbolAt → kb.lookup → composeHoverNote, detailed verbosity), without VS Code\'s IPC or the MarkdownString wrapping. Peers: LSP round trips over stdio to a separate process, requests one after another.',
      `First hover: ours with a fresh cache, so it includes the parse (sliced analyzePythonAsync above ${SLICED_PARSE_THRESHOLD.toLocaleString('en-US')} characters, as the extension does); peers from didOpen to the first non-empty answer (their parse, binding and import resolution). The knowledge base load on a session's first hover (read + JSON.parse dist/knowledge.json + index) comes on top for ours: ${formatMs(knowledgeMs)}.`,
      `The 100,000-line file is 3.6 MB, over the default frameworkGuide.analysis.maxFileSize (2 MB) where our hover shows nothing; measured with the limit raised to ${MAX_FILE_SIZE / 1e6} MB.`,
      'Peers run with default settings except the interpreter: /usr/bin/python3 with Debian\'s python3-torch (pyright: python.pythonPath through workspace/configuration; pylsp: started by that interpreter, Jedi). TensorFlow is not installed there, so peers cannot resolve `tf.*`/`keras.*` (pyright answers "(module) tf", Jedi often nothing). One server per file on a folder holding only that file; timing starts after its first non-empty answer.',
      ...notes,
    ],
  };
  return { table, summary };
}

if (isMain('hover')) {
  benchHover()
    .then((result) => process.stdout.write(toMarkdown(result.table)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
