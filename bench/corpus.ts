/**
 * Puts the files a corpus manifest names (repository, commit, path) into a cache outside the repository, so the
 * benchmarks that measure real public code read them without the project ever holding them.
 *
 * Where the files come from: `FG_MIRRORS`, a folder of git mirrors named `<owner>+<name>` (a bare repository, or a
 * folder holding one as `repo/` or a clone's `repo/.git`), or else a blobless clone from GitHub into the cache. Every file is read at the
 * commit the manifest names, so a corpus measures the same bytes wherever it is materialised.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One file of a corpus: `repo` as `owner/name`, the commit, and the path inside the repository. */
export interface CorpusFileRef {
  repo: string;
  commit: string;
  path: string;
}

export interface Materialised {
  /** The cache folder: files are at `<root>/<owner>+<name>@<commit>/<path>`. */
  root: string;
  /** Files that could not be had, each with the reason. */
  missing: Array<{ ref: CorpusFileRef; reason: string }>;
}

/** `${FG_CORPUS_CACHE}` or `${TMPDIR}/fg-corpus-cache`: outside the repository, shared by every corpus. */
export function corpusCacheRoot(): string {
  return process.env.FG_CORPUS_CACHE ?? path.join(os.tmpdir(), 'fg-corpus-cache');
}

/** Where a corpus file is in the cache: one folder per repository and commit, so two manifests never collide. */
export function cachedPath(root: string, ref: CorpusFileRef): string {
  return path.join(root, `${ref.repo.replace('/', '+')}@${ref.commit}`, ...ref.path.split('/'));
}

function git(gitDir: string, args: string[]): { ok: boolean; stdout: Buffer; stderr: string } {
  const r = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8').trim() };
}

/** A git directory holding `repo`: a mirror under FG_MIRRORS, else a blobless clone in the cache (made once). */
function gitDirFor(repo: string, root: string): { dir?: string; reason?: string } {
  const key = repo.replace('/', '+');
  const mirrors = process.env.FG_MIRRORS;
  if (mirrors) {
    for (const candidate of [path.join(mirrors, key, 'repo'), path.join(mirrors, key, 'repo', '.git'), path.join(mirrors, key)]) {
      if (fs.existsSync(path.join(candidate, 'HEAD'))) return { dir: candidate };
    }
  }
  const clone = path.join(root, '.git-mirrors', `${key}.git`);
  if (fs.existsSync(path.join(clone, 'HEAD'))) return { dir: clone };
  fs.mkdirSync(path.dirname(clone), { recursive: true });
  const partial = `${clone}.partial-${process.pid}`;
  const r = spawnSync('git', ['clone', '--quiet', '--bare', '--filter=blob:none', `https://github.com/${repo}.git`, partial], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) {
    fs.rmSync(partial, { recursive: true, force: true });
    return { reason: `no mirror under FG_MIRRORS and git clone failed: ${(r.stderr ?? Buffer.alloc(0)).toString('utf8').trim().split('\n').pop() ?? ''}` };
  }
  fs.renameSync(partial, clone);
  return { dir: clone };
}

/**
 * Makes sure every file of `refs` is in the cache at its commit; a file already cached is kept.
 * Never throws for a missing repository or file: those come back in `missing`, so a bench can say what it lacks.
 */
export function materialiseCorpus(refs: readonly CorpusFileRef[], root = corpusCacheRoot()): Materialised {
  const missing: Materialised['missing'] = [];
  const byRepo = new Map<string, CorpusFileRef[]>();
  for (const ref of refs) byRepo.set(ref.repo, [...(byRepo.get(ref.repo) ?? []), ref]);
  for (const [repo, files] of byRepo) {
    // A cached file was renamed into place whole, at its commit: it is right as it is.
    const pending = files.filter((ref) => !fs.existsSync(cachedPath(root, ref)));
    if (pending.length === 0) continue;
    const { dir, reason } = gitDirFor(repo, root);
    if (!dir) {
      for (const ref of pending) missing.push({ ref, reason: reason ?? 'no git directory' });
      continue;
    }
    for (const ref of pending) {
      const blob = git(dir, ['cat-file', 'blob', `${ref.commit}:${ref.path}`]);
      if (!blob.ok) {
        missing.push({ ref, reason: blob.stderr || 'not at that commit' });
        continue;
      }
      const target = cachedPath(root, ref);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.tmp-${process.pid}`;
      fs.writeFileSync(temporary, blob.stdout);
      fs.renameSync(temporary, target);
    }
  }
  return { root, missing };
}
