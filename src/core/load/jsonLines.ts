/**
 * A JSON array written one element per line, and read back in slices: one JSON.parse of the whole knowledge base held
 * an extension host for ~20 ms on the first diagnostics, while a few hundred lines parse in well under the 4 ms a
 * slice may take. The file stays one valid JSON array, so any other reader can still parse it at once.
 */

import { yieldToEvents } from '../steps';

/** `items` as a JSON array with one element per line. */
export function toJsonLines(items: readonly unknown[]): string {
  return `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`;
}

/** Elements parsed per slice. */
const LINES_PER_SLICE = 200;

/**
 * Parses a JSON array, `LINES_PER_SLICE` elements at a time with `pause` in between when it is written as toJsonLines
 * writes it; any other JSON array is parsed at once. Rejects on invalid JSON, as JSON.parse throws.
 */
export async function parseJsonLines<T>(text: string, pause: () => Promise<void> = yieldToEvents): Promise<T[]> {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // JSON.stringify escapes line breaks inside strings and, without indentation, never starts a line with white space: in
  // this layout every line between the brackets is one element. An indented (pretty-printed) array is parsed at once.
  if (lines.length < 3 || lines[0] !== '[' || lines[lines.length - 1] !== ']' || /^\s/.test(lines[1])) return JSON.parse(text) as T[];
  const items: T[] = [];
  for (let from = 1; from < lines.length - 1; from += LINES_PER_SLICE) {
    if (from > 1) await pause();
    const chunk = lines.slice(from, Math.min(from + LINES_PER_SLICE, lines.length - 1));
    // Every element line but the last ends with the comma that separates it from the next.
    const last = chunk.length - 1;
    if (chunk[last].endsWith(',')) chunk[last] = chunk[last].slice(0, -1);
    for (const item of JSON.parse(`[${chunk.join('\n')}]`) as T[]) items.push(item);
  }
  return items;
}
