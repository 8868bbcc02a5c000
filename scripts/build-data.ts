/** Build step: writes the knowledge base and the rendered comparison content as JSON next to the bundles. */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_ENTRIES } from '../src/knowledge/all';
import { renderContent, SECTION_ORDER } from '../src/knowledge/render';

export function buildData(root: string, outDir: string): { entries: number; sections: number } {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'knowledge.json'), JSON.stringify(ALL_ENTRIES));
  const contentDir = path.join(root, 'src', 'knowledge', 'content');
  const pages = new Map<string, string>();
  for (const id of SECTION_ORDER) {
    const file = path.join(contentDir, `${id}.md`);
    if (fs.existsSync(file)) pages.set(id, fs.readFileSync(file, 'utf8'));
  }
  const content = renderContent(pages);
  fs.writeFileSync(path.join(outDir, 'content.json'), JSON.stringify(content));
  return { entries: ALL_ENTRIES.length, sections: content.sections.length };
}
