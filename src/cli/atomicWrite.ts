/**
 * Writes files the way a user's code must be written: new bytes go to a temporary file beside the target, are
 * synced, and replace the target by a rename, so a crash or a full disk leaves either the old file or the new one,
 * never a truncated mix. A target that was read earlier is replaced only if it still holds the bytes that were read
 * and is still a regular file at that path: an edit saved meanwhile, or a symlink or pipe put in its place, is left
 * alone. Several files are written together or not at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a target held when it was read: its identity and bytes. The write goes ahead only while all still hold. */
export interface ReadState {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  bytes: Uint8Array;
}

export interface WriteTarget {
  path: string;
  bytes: Uint8Array | string;
  /** Set when the target was read and analysed: it must still be the same regular file with the same bytes. */
  expect?: ReadState;
}

/**
 * `changed`: a target no longer holds what was read (`reason` says how); otherwise the write itself failed on `path`
 * (`reason` is the error code, e.g. ENOSPC). Either way nothing was written.
 */
export type WriteResult = { ok: true } | { ok: false; changed: boolean; path: string; reason: string };

/** The file-system calls used, so tests can make a write fail as a full disk would. */
export type WriteIo = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'lstatSync' | 'readFileSync' | 'fchmodSync' | 'fchownSync' | 'linkSync'>;

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

function temporaryName(target: string, role: string): string {
  const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return path.join(path.dirname(target), `.${path.basename(target)}.${role}-${process.pid}-${random}`);
}

/** Why the target may no longer be replaced, or undefined when it still holds what was read. */
function changedSince(io: WriteIo, target: string, expect: ReadState): string | undefined {
  let stat: fs.Stats;
  try {
    stat = io.lstatSync(target);
  } catch (err) {
    return `it could not be checked before writing (${errorCode(err)})`;
  }
  if (stat.isSymbolicLink()) return 'it was replaced by a symbolic link while it was analysed';
  if (!stat.isFile()) return 'it is no longer a regular file';
  if (stat.dev !== expect.dev || stat.ino !== expect.ino) return 'it was replaced while it was analysed';
  if (stat.size !== expect.size || stat.mtimeMs !== expect.mtimeMs) return 'it changed while it was analysed';
  let now: Buffer;
  try {
    now = io.readFileSync(target);
  } catch (err) {
    return `it could not be checked before writing (${errorCode(err)})`;
  }
  return Buffer.from(expect.bytes.buffer, expect.bytes.byteOffset, expect.bytes.byteLength).equals(now) ? undefined : 'it changed while it was analysed';
}

/** Creates, fills and syncs a temporary file beside `target`, with the mode (and, where allowed, owner) it has. */
function writeTemporary(io: WriteIo, target: string, bytes: Uint8Array | string): string {
  let existing: fs.Stats | undefined;
  try {
    existing = io.lstatSync(target);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
  }
  if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  const temporary = temporaryName(target, 'fg-new');
  const fd = io.openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  try {
    if (existing) {
      io.fchmodSync(fd, existing.mode & 0o7777);
      try {
        io.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // Only the superuser may give a file away: the new file then belongs to whoever runs the fix.
      }
    }
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let written = 0;
    while (written < data.byteLength) written += io.writeSync(fd, data, written, data.byteLength - written);
    io.fsyncSync(fd);
  } catch (err) {
    io.closeSync(fd);
    io.unlinkSync(temporary);
    throw err;
  }
  io.closeSync(fd);
  return temporary;
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Clean-up of our own temporary files: nothing to tell the user if one is already gone.
  }
}

function resolveLink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Syncs a folder so a rename in it survives a crash; not every platform can open a folder, which is fine. */
function syncFolder(folder: string): void {
  quietly(() => {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/**
 * Writes every target or none: all new contents are written and synced first, then every `expect` is checked, then
 * the renames happen; if one rename fails, the targets already renamed get their old bytes back.
 */
export function writeAtomically(requested: readonly WriteTarget[], io: WriteIo = fs): WriteResult {
  const temporaries: string[] = [];
  /** Per target: a hard link to its old file (to put it back), and whether there was one. */
  const olds: Array<{ existed: boolean; backup?: string }> = [];
  const cleanUp = () => {
    for (const file of temporaries) if (file) quietly(() => io.unlinkSync(file));
    for (const old of olds) if (old.backup) quietly(() => io.unlinkSync(old.backup as string));
  };
  // A target named through a symbolic link (an output path in a linked folder) is written where the link points;
  // a target that was read is checked as it is, so a link put in its place is refused, not followed.
  const targets = requested.map((t) => (t.expect ? t : { ...t, path: resolveLink(t.path) }));
  for (const target of targets) {
    try {
      temporaries.push(writeTemporary(io, target.path, target.bytes));
    } catch (err) {
      cleanUp();
      return { ok: false, changed: false, path: target.path, reason: errorCode(err) };
    }
  }
  for (const target of targets) {
    const changed = target.expect && changedSince(io, target.path, target.expect);
    if (changed) {
      cleanUp();
      return { ok: false, changed: true, path: target.path, reason: changed };
    }
  }
  for (const target of targets) {
    const backup = temporaryName(target.path, 'fg-old');
    try {
      io.linkSync(target.path, backup);
      olds.push({ existed: true, backup });
    } catch (err) {
      olds.push({ existed: errorCode(err) !== 'ENOENT' });
    }
  }
  for (let i = 0; i < targets.length; i++) {
    try {
      io.renameSync(temporaries[i], targets[i].path);
      temporaries[i] = '';
    } catch (err) {
      // Put back what the earlier renames replaced: the old file from its link, or no file where there was none.
      for (let j = 0; j < i; j++) {
        const { existed, backup } = olds[j];
        if (backup) quietly(() => io.renameSync(backup, targets[j].path));
        else if (!existed) quietly(() => io.unlinkSync(targets[j].path));
        olds[j] = { existed };
      }
      cleanUp();
      return { ok: false, changed: false, path: targets[i].path, reason: errorCode(err) };
    }
  }
  cleanUp();
  for (const folder of new Set(targets.map((t) => path.dirname(t.path)))) syncFolder(folder);
  return { ok: true };
}
