/** Build step: writes the knowledge base and the rendered comparison content as JSON next to the bundles. */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { buildBaseline, type DumpRecord } from '../src/knowledge/baseline';
import type { Framework } from '../src/knowledge/types';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { PRIVATE_PATHS } from '../src/knowledge/privatePaths';
import { renderContent, SECTION_ORDER } from '../src/knowledge/render';
import { SNIPPET_CATALOG } from '../src/core/snippets/catalog';
import { toJsonLines } from '../src/core/load/jsonLines';
import { scanEntriesJson } from '../src/knowledge/scanEntries';
import { toVsCodeSnippets } from '../src/core/snippets/expand';

/** The baseline from the API dumps the truth tests use (test/fixtures/truth, made by scripts/truth/dump_api.py). */
function readBaseline(truthDir: string) {
  const dumps = (
    [
      ['tensorflow', 'tensorflow', 'tensorflow'],
      ['keras', 'keras', 'keras'],
      ['pytorch', 'torch', 'torch'],
    ] as Array<[Framework, string, string]>
  ).map(([framework, file, versionKey]) => {
    const parsed = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(truthDir, `${file}.json.gz`))).toString('utf8')) as {
      meta: { versions: Record<string, string> };
      names: Record<string, DumpRecord>;
    };
    return { framework, version: parsed.meta.versions[versionKey], names: parsed.names };
  });
  return buildBaseline(dumps, PRIVATE_PATHS.present);
}

/** The CLI's knowledge entries as JSON (embedded in dist/cli.js by esbuild.config.js). */
export function scanKnowledgeJson(): string {
  return scanEntriesJson(KNOWLEDGE_ENTRIES);
}

/** The names of the installed releases (src/knowledge/installed.ts) as compact JSON, for dist/ and the CLI bundle. */
export function installedNamesJson(root: string): string {
  return JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'src', 'knowledge', 'data', 'generated', 'installed-names.json'), 'utf8')));
}

export function buildData(root: string, outDir: string): { entries: number; sections: number; snippets: number } {
  fs.mkdirSync(outDir, { recursive: true });
  // One entry per line: the extension parses it in slices (src/core/load/jsonLines.ts).
  fs.writeFileSync(path.join(outDir, 'knowledge.json'), toJsonLines(KNOWLEDGE_ENTRIES));
  // Read with knowledge.json: findings on names the installed releases lack need it as much as the entries.
  fs.writeFileSync(path.join(outDir, 'installed-names.json'), installedNamesJson(root));
  const baseline = readBaseline(path.join(root, 'test', 'fixtures', 'truth'));
  // Compressed: the baseline is read by the browser build too, over http; DecompressionStream inflates it.
  fs.writeFileSync(path.join(outDir, 'baseline.json.gz'), zlib.gzipSync(JSON.stringify(baseline), { level: 9 }));
  const contentDir = path.join(root, 'src', 'knowledge', 'content');
  const pages = new Map<string, string>();
  for (const id of SECTION_ORDER) {
    const file = path.join(contentDir, `${id}.md`);
    if (fs.existsSync(file)) pages.set(id, fs.readFileSync(file, 'utf8'));
  }
  const content = renderContent(pages);
  fs.writeFileSync(path.join(outDir, 'content.json'), JSON.stringify(content));
  // contributes.snippets is generated from the same catalog as the Insert Snippet command, so they never drift.
  fs.mkdirSync(path.join(outDir, 'snippets'), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'snippets', 'python.json'), JSON.stringify(toVsCodeSnippets(SNIPPET_CATALOG), null, 1));
  return { entries: KNOWLEDGE_ENTRIES.length, sections: content.sections.length, snippets: SNIPPET_CATALOG.length };
}
