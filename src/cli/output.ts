/**
 * Writes the report to a file descriptor synchronously, in batches. A closed pipe (`scan … | head`) or a full disk
 * becomes an OutputError the CLI turns into exit code 3 and one line on stderr, never a stack trace.
 */
import * as fs from 'node:fs';

export class OutputError extends Error {
  constructor(readonly code: string) {
    super(code === 'EPIPE' ? 'the output was closed before the report was complete (EPIPE)' : `cannot write the report (${code})`);
  }
}

const BATCH = 1 << 16;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Collects what is written in one reused 64 KB buffer and writes it out when full (and on `flush`). */
export class Output {
  private readonly batch = Buffer.allocUnsafe(BATCH);
  private used = 0;

  constructor(private readonly fd: number) {}

  /** Text is encoded as UTF-8 (a lone surrogate becomes U+FFFD); bytes are copied as they are. */
  write(chunk: string | Uint8Array): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (most > BATCH - this.used) {
      this.flush();
      if (most > BATCH) {
        this.writeAll(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        return;
      }
    }
    if (typeof chunk === 'string') this.used += this.batch.write(chunk, this.used, 'utf8');
    else {
      this.batch.set(chunk, this.used);
      this.used += chunk.length;
    }
  }

  flush(): void {
    if (this.used === 0) return;
    const bytes = this.batch.subarray(0, this.used);
    this.used = 0;
    this.writeAll(bytes);
  }

  private writeAll(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
        // A non-blocking pipe that is full: wait a moment for the reader instead of failing.
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 5);
          continue;
        }
        throw new OutputError(code);
      }
    }
  }
}

/** Messages on stderr: best effort, a closed stderr must not turn into a crash either. */
export function warn(line: string): void {
  try {
    fs.writeSync(2, `framework-guide: ${line}\n`);
  } catch {
    // Nothing left to tell the user with.
  }
}
