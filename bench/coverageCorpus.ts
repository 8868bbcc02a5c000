/**
 * The coverage corpus manifest (bench/coverage-corpus.json): its entries checked, split into the development and test
 * halves, and expanded into the files each entry names, for bench/coverage.ts.
 */
import * as fs from 'node:fs';
import type { CorpusFileRef } from './corpus';

export type Half = 'dev' | 'test';
export const HALVES: readonly Half[] = ['dev', 'test'];

/** One repository of the manifest: the files it contributes (`"all"`: every .py and .ipynb file at the commit). */
export interface CoverageRepo {
  repo: string;
  commit: string;
  license: string;
  era: string;
  split: Half;
  files: string[] | 'all';
}

export interface CoverageManifest {
  note: string[];
  repos: CoverageRepo[];
  excluded?: Array<{ repo: string; reason: string }>;
}

/** One file to measure, with the half and era of its repository. */
export interface CoverageFile extends CorpusFileRef {
  split: Half;
  era: string;
}

/** The file kinds the coverage bench reads. */
export const CORPUS_EXTENSIONS = ['.py', '.ipynb'] as const;

/**
 * What is wrong with a manifest, one sentence a problem (empty when nothing is): the shape of each entry, a repository
 * listed twice (so never in both halves), a path listed twice.
 */
export function manifestProblems(manifest: unknown): string[] {
  const problems: string[] = [];
  const m = manifest as Partial<CoverageManifest> | undefined;
  if (!m || !Array.isArray(m.note) || !m.note.every((line) => typeof line === 'string')) problems.push('"note" is not a list of strings');
  if (!m || !Array.isArray(m.repos)) return [...problems, '"repos" is not a list'];
  const seen = new Set<string>();
  for (const [index, entry] of m.repos.entries()) {
    const at = `repos[${index}]${entry && typeof entry.repo === 'string' ? ` (${entry.repo})` : ''}`;
    if (!entry || typeof entry.repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(entry.repo)) {
      problems.push(`${at}: "repo" is not owner/name`);
      continue;
    }
    if (seen.has(entry.repo.toLowerCase())) problems.push(`${at}: listed more than once`);
    seen.add(entry.repo.toLowerCase());
    if (typeof entry.commit !== 'string' || !/^[0-9a-f]{40}$/.test(entry.commit)) problems.push(`${at}: "commit" is not 40 hex digits`);
    if (typeof entry.license !== 'string' || !entry.license) problems.push(`${at}: "license" is missing`);
    if (typeof entry.era !== 'string' || !entry.era) problems.push(`${at}: "era" is missing`);
    if (!HALVES.includes(entry.split)) problems.push(`${at}: "split" is neither "dev" nor "test"`);
    if (entry.files === 'all') continue;
    if (!Array.isArray(entry.files) || entry.files.length === 0) {
      problems.push(`${at}: "files" is neither "all" nor a non-empty list`);
      continue;
    }
    const paths = new Set<string>();
    for (const file of entry.files) {
      if (typeof file !== 'string' || !CORPUS_EXTENSIONS.some((ext) => file.endsWith(ext)) || file.startsWith('/') || file.split('/').includes('..')) {
        problems.push(`${at}: ${JSON.stringify(file)} is not a relative .py or .ipynb path`);
      } else if (paths.has(file)) problems.push(`${at}: ${file} is listed twice`);
      paths.add(file);
    }
  }
  return problems;
}

/** Reads and checks a manifest; throws with every problem when it is not right. */
export function readCoverageManifest(file: string): CoverageManifest {
  const manifest: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(`${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return manifest as CoverageManifest;
}

/**
 * The files the manifest names, in manifest order. `listAll` answers what `"files": "all"` stands for (every file of
 * the repository at the commit); only its .py and .ipynb files are kept. Repositories it cannot list come back in
 * `unlisted`, with the reason.
 */
export function expandManifest(
  manifest: CoverageManifest,
  listAll: (repo: string, commit: string) => { paths: string[]; reason?: string },
): { files: CoverageFile[]; unlisted: Array<{ repo: string; reason: string }> } {
  const files: CoverageFile[] = [];
  const unlisted: Array<{ repo: string; reason: string }> = [];
  for (const entry of manifest.repos) {
    let paths: string[];
    if (entry.files === 'all') {
      const listing = listAll(entry.repo, entry.commit);
      if (listing.reason !== undefined) unlisted.push({ repo: entry.repo, reason: listing.reason });
      paths = listing.paths.filter((p) => CORPUS_EXTENSIONS.some((ext) => p.endsWith(ext)));
    } else paths = entry.files;
    for (const p of paths) files.push({ repo: entry.repo, commit: entry.commit, path: p, split: entry.split, era: entry.era });
  }
  return { files, unlisted };
}

/** Per half: repositories and files, in total and by era (era -> [repositories, files]). */
export function halfCounts(files: readonly CoverageFile[]): Record<Half, { repos: number; files: number; byEra: Map<string, [number, number]> }> {
  const counts = {} as Record<Half, { repos: number; files: number; byEra: Map<string, [number, number]> }>;
  for (const half of HALVES) {
    const mine = files.filter((f) => f.split === half);
    const byEra = new Map<string, [number, number]>();
    const reposByEra = new Map<string, Set<string>>();
    for (const f of mine) {
      const repos = reposByEra.get(f.era) ?? new Set<string>();
      reposByEra.set(f.era, repos.add(f.repo));
      byEra.set(f.era, [repos.size, (byEra.get(f.era)?.[1] ?? 0) + 1]);
    }
    counts[half] = { repos: new Set(mine.map((f) => f.repo)).size, files: mine.length, byEra };
  }
  return counts;
}
