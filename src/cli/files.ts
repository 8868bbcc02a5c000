/** Finds the Python files and notebooks under the scan paths, skipping VCS, dependency, virtualenv and gitignored folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folder names never worth scanning: VCS data, installed packages, caches. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'venv', '.venv', '__pycache__', 'site-packages', '.tox', '.mypy_cache', '.ipynb_checkpoints']);
const SCANNED_EXTENSIONS = new Set(['.py', '.pyi', '.ipynb']);

interface GitignoreScope {
  base: string;
  rules: Ignore;
}

/**
 * `missing`: a path given on the command line does not exist; `error`: a folder could not be read; `warning`: the scan
 * goes on as it is (an unreadable .gitignore).
 */
export type WalkEvent =
  | { kind: 'file'; file: string }
  | { kind: 'missing'; file: string; message: string }
  | { kind: 'error'; file: string; message: string }
  | { kind: 'warning'; file: string; message: string };

function isIgnored(full: string, isDirectory: boolean, scopes: readonly GitignoreScope[]): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.base, full).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

function* walkDirectory(dir: string, scopes: readonly GitignoreScope[]): Generator<WalkEvent> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'error', file: dir, message: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    return;
  }
  // A virtualenv is recognised by its marker file, whatever the folder is called.
  if (entries.some((e) => e.isFile() && e.name === 'pyvenv.cfg')) return;
  let innerScopes = scopes;
  if (entries.some((e) => e.isFile() && e.name === '.gitignore')) {
    try {
      innerScopes = [...scopes, { base: dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) }];
    } catch (err) {
      yield { kind: 'warning', file: path.join(dir, '.gitignore'), message: `cannot read .gitignore, its rules are not applied (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isIgnored(full, true, innerScopes)) continue;
      yield* walkDirectory(full, innerScopes);
    } else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      if (!isIgnored(full, false, innerScopes)) yield { kind: 'file', file: full };
    }
  }
}

/**
 * Files to scan under each path, in a stable order; a file named explicitly is scanned whatever its folder. Each file
 * comes once however the paths overlap (`scan tree tree/sub`), so no finding or diff hunk is reported twice.
 */
export function* findScanTargets(paths: readonly string[], exclude?: Exclusions): Generator<WalkEvent> {
  const seen = new Set<string>();
  for (const event of findAllTargets(paths, exclude)) {
    if (event.kind === 'file') {
      if (seen.has(event.file)) continue;
      seen.add(event.file);
    }
    yield event;
  }
}

/** A project's `exclude` patterns (gitignore syntax), relative to `base`: the folder of the file that lists them. */
export interface Exclusions {
  base: string;
  patterns: readonly string[];
}

function* findAllTargets(paths: readonly string[], exclude: Exclusions | undefined): Generator<WalkEvent> {
  // Excluded files are skipped while walking folders; a file named on the command line is scanned anyway, as in ruff.
  const scopes: GitignoreScope[] = exclude?.patterns.length ? [{ base: path.resolve(exclude.base), rules: ignore().add([...exclude.patterns]) }] : [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'error', file: given, message: code === 'ENOENT' ? 'no such file or folder' : `cannot access (${code ?? String(err)})` };
      continue;
    }
    if (stat.isDirectory()) yield* walkDirectory(path.resolve(given), scopes);
    else yield { kind: 'file', file: path.resolve(given) };
  }
}
