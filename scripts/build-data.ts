/** Build step: writes the knowledge base and the rendered comparison content as JSON next to the bundles. */
import * as fs from 'fs';
import * as path from 'path';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { renderContent, SECTION_ORDER } from '../src/knowledge/render';
import { SNIPPET_CATALOG } from '../src/core/snippets/catalog';
import { toVsCodeSnippets } from '../src/core/snippets/expand';

export function buildData(root: string, outDir: string): { entries: number; sections: number; snippets: number } {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'knowledge.json'), JSON.stringify(KNOWLEDGE_ENTRIES));
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
