/**
 * Writes new cell sources back into an .ipynb file's JSON text, changing only the `source` values: everything else
 * (outputs, metadata, key order, indentation, the trailing newline) stays byte for byte as the file had it.
 */
import type { SourcePiece } from './notebookPositions';

/** Lines as nbformat stores them: each keeps its line break; no empty string after a final one. */
function splitSourceLines(source: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') {
      lines.push(source.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < source.length) lines.push(source.slice(start));
  return lines;
}

/** The character before `offset` that is not JSON whitespace, and its offset. */
function previousToken(json: string, offset: number): { char: string; at: number } {
  let at = offset - 1;
  while (at >= 0 && /\s/.test(json[at])) at--;
  return { char: json[at] ?? '', at };
}

/**
 * The JSON text of one cell's new source, replacing the literals `pieces` span (quotes included). A list keeps the
 * separator the file used between its lines (Jupyter's `,\n    `), and lines that did not change keep their raw text.
 */
function encodeSource(json: string, pieces: readonly SourcePiece[], source: string): JsonEdit {
  const first = pieces[0];
  if (first.inList) {
    // An empty list: the new lines go inside its brackets, one literal each.
    const text = splitSourceLines(source).map((line) => JSON.stringify(line)).join(', ');
    return { from: first.rawFrom, to: first.rawTo, text };
  }
  const last = pieces[pieces.length - 1];
  const from = first.rawFrom - 1;
  const to = last.rawTo + 1;
  const opener = previousToken(json, from);
  if (opener.char !== '[') return { from, to, text: JSON.stringify(source) };
  const raw = pieces.map((p) => json.slice(p.rawFrom - 1, p.rawTo + 1));
  const old = raw.map((r) => JSON.parse(r) as string);
  const lines = splitSourceLines(source);
  let prefix = 0;
  while (prefix < old.length && prefix < lines.length && old[prefix] === lines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < lines.length - prefix && old[old.length - 1 - suffix] === lines[lines.length - 1 - suffix]) suffix++;
  const separator = pieces.length > 1 ? json.slice(pieces[0].rawTo + 1, pieces[1].rawFrom - 1) : `,${json.slice(opener.at + 1, from)}`;
  const encoded = lines.map((line, i) => {
    if (i < prefix) return raw[i];
    if (i >= lines.length - suffix) return raw[old.length - (lines.length - i)];
    return JSON.stringify(line);
  });
  return { from, to, text: encoded.join(separator) };
}

/** A replacement in the notebook's JSON text. */
export interface JsonEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * `json` with the sources of some cells replaced, and the replacements made (sorted, in the original JSON's offsets). `pieces` are the string literals of every cell's source (from
 * locateCellSources), `sources` the new source by index among all cells. A cell the scanner found no source for
 * cannot be placed and makes this return undefined, as does a JSON text that does not read back.
 */
export function rewriteNotebookSources(json: string, pieces: readonly SourcePiece[][], sources: ReadonlyMap<number, string>): { json: string; edits: JsonEdit[] } | undefined {
  const edits: JsonEdit[] = [];
  for (const [cell, source] of sources) {
    const literals = pieces[cell];
    if (!literals || literals.length === 0) return undefined;
    edits.push(encodeSource(json, literals, source));
  }
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += json.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  out += json.slice(at);
  try {
    JSON.parse(out);
  } catch {
    return undefined;
  }
  return { json: out, edits };
}
