/**
 * The language servers users already have, as hover peers: pyright-langserver (npm) and pylsp (Jedi, Debian),
 * installed on demand into ~/.cache/framework-guide-bench, spoken to over LSP, timed at the same positions as ours.
 * Run alone it checks both peers and prints a few of their answers, so a run never times error replies.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzePython } from '../src/core/python';
import { dataDir, prepareGeneratedFiles } from './analyze';
import { hoverText, LspClient, RequestTimeout } from './lsp';
import { pickHoverPositions, type HoverPosition } from './positions';
import { isMain } from './tables';

export const PEER_CACHE_DIR = path.join(os.homedir(), '.cache', 'framework-guide-bench');
/** Debian's interpreter, where python3-torch and python3-pylsp live (python3 on PATH may be another one). */
export const PEER_PYTHON = '/usr/bin/python3';

export type PeerName = 'pyright' | 'pylsp';

export interface PeerServer {
  name: PeerName;
  command: string;
  args: string[];
  version: string;
  /** pyright's CLI script, for its version line. */
  cli?: string;
  configuration?: (section: string | undefined) => unknown;
}

export type PeerAvailability = { ok: true; server: PeerServer } | { ok: false; name: PeerName; reason: string };

function run(command: string, args: string[], cwd: string, timeoutMs: number) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** pyright from the cache folder, installed there with npm when absent. */
export function ensurePyright(log: (line: string) => void): PeerAvailability {
  const packageDir = path.join(PEER_CACHE_DIR, 'node_modules', 'pyright');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    fs.mkdirSync(PEER_CACHE_DIR, { recursive: true });
    const manifest = path.join(PEER_CACHE_DIR, 'package.json');
    if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'framework-guide-bench-peers', private: true }, null, 2) + '\n');
    log(`peers: npm install pyright into ${PEER_CACHE_DIR} …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = run(npm, ['install', 'pyright', '--no-audit', '--no-fund', '--prefix', PEER_CACHE_DIR], PEER_CACHE_DIR, 300_000);
    if (install.status !== 0) return { ok: false, name: 'pyright', reason: `npm install failed: ${(install.stderr || String(install.error)).trim().split('\n').pop()}` };
  }
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    ok: true,
    server: {
      name: 'pyright',
      command: process.execPath,
      args: [path.join(packageDir, 'langserver.index.js'), '--stdio'],
      version,
      cli: path.join(packageDir, 'index.js'),
      // pyright asks for "python" (pythonPath) and "python.analysis"; defaults otherwise, as a user would have.
      configuration: (section) => (section === 'python' ? { pythonPath: PEER_PYTHON } : section === 'python.analysis' ? { diagnosticMode: 'openFilesOnly' } : null),
    },
  };
}

/** pylsp for Debian's python3, installed with apt-get when absent and we are root. */
export function ensurePylsp(log: (line: string) => void): PeerAvailability {
  const probe = () => run(PEER_PYTHON, ['-c', 'import pylsp, jedi; print(pylsp.__version__)'], os.tmpdir(), 30_000);
  let check = probe();
  if (check.status !== 0 && process.getuid?.() === 0) {
    log('peers: apt-get install -y python3-pylsp …');
    const install = run('apt-get', ['install', '-y', 'python3-pylsp'], os.tmpdir(), 300_000);
    if (install.status !== 0) return { ok: false, name: 'pylsp', reason: `apt-get install python3-pylsp failed: ${(install.stderr || String(install.error)).trim().split('\n').pop()}` };
    check = probe();
  }
  if (check.status !== 0) return { ok: false, name: 'pylsp', reason: `${PEER_PYTHON} cannot import pylsp (install python3-pylsp)` };
  return { ok: true, server: { name: 'pylsp', command: PEER_PYTHON, args: ['-m', 'pylsp'], version: check.stdout.trim() } };
}

export function ensurePeers(log: (line: string) => void): PeerAvailability[] {
  const torch = run(PEER_PYTHON, ['-c', 'import torch'], os.tmpdir(), 60_000);
  if (torch.status !== 0) log(`peers: warning: ${PEER_PYTHON} cannot import torch, so the peers cannot resolve it (apt-get install python3-torch)`);
  return [ensurePyright(log), ensurePylsp(log)];
}

export interface PeerHoverResult {
  status: 'ok' | 'missing' | 'timeout' | 'failed';
  detail?: string;
  /** didOpen to the first non-empty hover answer (the server's own parse and analysis). */
  firstMs?: number;
  /** Round trips of the timed hovers, in request order (ms). */
  latencies: number[];
  /** Positions timed (the first `latencies.length` of the list). */
  requested: number;
  nonEmpty: number;
  /** Answers whose text contains the identifier under the position. */
  mentionsToken: number;
  samples: Array<{ token: string; text: string }>;
}

export interface PeerHoverOptions {
  count: number;
  /** Time for didOpen → first answer before the peer is reported as a timeout. */
  readyTimeoutMs: number;
  /** Time for all timed hovers; the positions answered by then are reported. */
  budgetMs: number;
  requestTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the peer on a folder holding only `file`, waits until it answers, then times hovers one after another. */
export async function measurePeerHover(peer: PeerAvailability, file: string, positions: readonly HoverPosition[], options: PeerHoverOptions): Promise<PeerHoverResult> {
  const result: PeerHoverResult = { status: 'ok', latencies: [], requested: Math.min(options.count, positions.length), nonEmpty: 0, mentionsToken: 0, samples: [] };
  if (!peer.ok) return { ...result, status: 'missing', detail: peer.reason };
  const server = peer.server;
  const workspace = path.join(dataDir, 'peers', `${server.name}-${path.basename(file, '.py')}`);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  const copy = path.join(workspace, path.basename(file));
  fs.copyFileSync(file, copy);
  const text = fs.readFileSync(copy, 'utf8');
  const uri = pathToFileURL(copy).href;
  const client = new LspClient({ command: server.command, args: server.args, cwd: workspace, configuration: server.configuration });
  try {
    await client.request(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'framework-guide-bench' },
        rootUri: pathToFileURL(workspace).href,
        workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }],
        capabilities: {
          textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, synchronization: { didSave: true } },
          workspace: { configuration: true, workspaceFolders: true },
        },
      },
      60_000,
    );
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: { python: { pythonPath: PEER_PYTHON } } });
    const opened = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const hover = (p: HoverPosition, timeoutMs: number) => client.request('textDocument/hover', { textDocument: { uri }, position: { line: p.line, character: p.character } }, timeoutMs);

    // Ready at the first non-empty answer, trying the positions in turn (Jedi has nothing to say on some names);
    // only then does timing start.
    const readyBy = opened + options.readyTimeoutMs;
    for (let probe = 0; ; probe++) {
      const left = readyBy - performance.now();
      if (left <= 0) return { ...result, status: 'timeout', detail: `no non-empty hover answer within ${options.readyTimeoutMs / 1000} s of didOpen` };
      try {
        if (hoverText(await hover(positions[probe % positions.length], left)).trim()) break;
      } catch (err) {
        if (err instanceof RequestTimeout) continue;
        throw err;
      }
      if (probe >= 20) await sleep(100);
    }
    result.firstMs = performance.now() - opened;

    const stopAt = performance.now() + options.budgetMs;
    for (const position of positions.slice(0, result.requested)) {
      if (performance.now() > stopAt) {
        result.detail = `budget of ${options.budgetMs / 1000} s reached after ${result.latencies.length} hovers`;
        break;
      }
      const t0 = performance.now();
      let answer: unknown;
      try {
        answer = await hover(position, options.requestTimeoutMs);
      } catch (err) {
        if (!(err instanceof RequestTimeout)) throw err;
        result.detail = `a hover took over ${options.requestTimeoutMs / 1000} s`;
        break;
      }
      result.latencies.push(performance.now() - t0);
      const shown = hoverText(answer);
      if (shown.trim()) result.nonEmpty++;
      if (shown.includes(position.token)) result.mentionsToken++;
      if (result.samples.length < 3 && shown.trim() && result.latencies.length % 17 === 1) result.samples.push({ token: position.token, text: shown.replace(/\s+/g, ' ').slice(0, 120) });
    }
    if (result.latencies.length === 0) return { ...result, status: 'timeout' };
    return result;
  } catch (err) {
    return { ...result, status: 'failed', detail: (err as Error).message };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  // Usage: node out/bench/peers.js [file index 0|1|2] [pyright|pylsp]
  const peers = ensurePeers((line) => console.error(line));
  const file = prepareGeneratedFiles()[Number(process.argv[2] ?? 0)];
  const positions = pickHoverPositions(analyzePython(fs.readFileSync(file, 'utf8'), { maxBytes: Number.MAX_SAFE_INTEGER }), 20, 7);
  const only = process.argv[3];
  for (const peer of peers.filter((p) => !only || (p.ok ? p.server.name : p.name) === only)) {
    const name = peer.ok ? `${peer.server.name} ${peer.server.version}` : peer.name;
    const r = await measurePeerHover(peer, file, positions, { count: 20, readyTimeoutMs: 120_000, budgetMs: 30_000, requestTimeoutMs: 10_000 });
    console.log(`## ${name}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
    if (r.firstMs !== undefined) console.log(`first hover after didOpen: ${r.firstMs.toFixed(0)} ms; ${r.nonEmpty}/${r.latencies.length} non-empty, ${r.mentionsToken} mention the token`);
    for (const s of r.samples) console.log(`- on \`${s.token}\`: ${s.text}`);
  }
}

if (isMain('peers')) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
