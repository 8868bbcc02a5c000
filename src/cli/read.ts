/** Reads one file for the scan: regular files only, never more than the size limit plus one byte. */
import * as fs from 'node:fs';
import { skipped, type SkippedFile } from '../core/scan';
import type { ReadState } from './atomicWrite';

/** The file as read: its bytes, and its identity then (a fix checks it again before writing). */
export type ReadOutcome = { kind: 'bytes'; bytes: Uint8Array; state: ReadState } | { kind: 'skipped'; result: SkippedFile } | { kind: 'unreadable'; message: string };

function describeType(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/** O_NONBLOCK keeps an open() of a FIFO that replaced the file after the stat from waiting for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 16;

/**
 * The bytes of `file` (shown to the user as `shown`), or why there are none. A stat first (pipes and devices are
 * never opened), then a read that stops after `maxBytes + 1` bytes, so a file that lies about its size (/proc) or
 * grows while read cannot make the scan hold more than the limit.
 */
export function readScanFile(file: string, shown: string, maxBytes: number): ReadOutcome {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { kind: 'unreadable', message: `cannot read (${errorCode(err)})` };
  }
  if (!stat.isFile()) return { kind: 'skipped', result: skipped(shown, 'not-regular-file', describeType(stat)) };
  if (stat.size > maxBytes) return { kind: 'skipped', result: skipped(shown, 'too-large', `${stat.size} bytes, limit ${maxBytes}`) };
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    return { kind: 'unreadable', message: `cannot read (${errorCode(err)})` };
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { kind: 'skipped', result: skipped(shown, 'not-regular-file', 'replaced while scanned') };
    const limit = maxBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(stat.size + 1, CHUNK)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { kind: 'skipped', result: skipped(shown, 'too-large', `more than ${maxBytes} bytes`) };
    const bytes = buffer.subarray(0, length);
    return { kind: 'bytes', bytes, state: { dev: opened.dev, ino: opened.ino, size: opened.size, mtimeMs: opened.mtimeMs, bytes } };
  } catch (err) {
    return { kind: 'unreadable', message: `cannot read (${errorCode(err)})` };
  } finally {
    fs.closeSync(fd);
  }
}
