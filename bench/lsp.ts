/** A minimal LSP client over a child process's stdio: JSON-RPC framing, requests with timeouts, server requests answered. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Json = unknown;

interface Pending {
  resolve(value: Json): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class RequestTimeout extends Error {}

export interface LspServerOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Answers the server's workspace/configuration items (by section). */
  configuration?: (section: string | undefined) => Json;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private exited = false;
  /** The last lines the server wrote to stderr, for error reports. */
  stderrTail = '';

  constructor(private readonly options: LspServerOptions) {
    this.child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000)));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      const error = new Error(`server exited (${signal ?? code}): ${this.stderrTail.trim().split('\n').slice(-3).join(' / ')}`);
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(error);
      }
      this.pending.clear();
    });
    this.child.on('error', () => (this.exited = true));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  request(method: string, params: Json, timeoutMs: number): Promise<Json> {
    if (this.exited) return Promise.reject(new Error('server is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestTimeout(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    if (!this.exited) this.send({ jsonrpc: '2.0', method, params });
  }

  /** shutdown + exit, then SIGKILL if the server is still there after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, graceMs);
      this.notify('exit', null);
    } catch {
      // A server that does not answer shutdown is killed below.
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, graceMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private send(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /content-length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!match) {
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as { id?: number | string; method?: string; params?: Json; result?: Json; error?: { message: string } });
    }
  }

  private onMessage(message: { id?: number | string; method?: string; params?: Json; result?: Json; error?: { message: string } }): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answerServerRequest(message.method, message.params) });
      return;
    }
    if (message.method !== undefined || typeof message.id !== 'number') return; // notifications: diagnostics, logs, progress
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result ?? null);
  }

  private answerServerRequest(method: string, params: Json): Json {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: Array<{ section?: string }> }).items ?? [];
      return items.map((item) => this.options.configuration?.(item.section) ?? null);
    }
    return null; // client/registerCapability, window/workDoneProgress/create, ...
  }
}

/** The plain text of a textDocument/hover result (MarkupContent, MarkedString or an array of them). */
export function hoverText(result: Json): string {
  if (!result || typeof result !== 'object') return '';
  const contents = (result as { contents?: Json }).contents;
  const part = (c: Json): string => (typeof c === 'string' ? c : c && typeof c === 'object' && 'value' in c ? String((c as { value: unknown }).value) : '');
  return Array.isArray(contents) ? contents.map(part).join('\n') : part(contents);
}
