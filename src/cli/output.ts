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

export class Output {
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH) this.flush();
  }

  flush(): void {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
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
