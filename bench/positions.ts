/** Picks the hover positions every hover benchmark uses: seeded, on identifier tokens of framework references. */
import type { PythonAnalysis } from '../src/core/python';
import { LineIndex } from '../src/core/text/lineIndex';
import { seededRandom } from './analyze';

export interface HoverPosition {
  /** UTF-16 offset into the file. */
  offset: number;
  /** LSP position (0-based line, UTF-16 character). */
  line: number;
  character: number;
  /** The identifier under the position, to check that an answer is about it. */
  token: string;
}

/** Start offset of every line. */
export function lineStarts(text: string): readonly number[] {
  return new LineIndex(text).starts;
}

/**
 * `count` positions, each inside an identifier of a framework reference chain our analysis found (`nn`, `Linear`
 * in `nn.Linear`, `tensorflow` in an import), so the same positions are meaningful to every tool.
 */
export function pickHoverPositions(analysis: PythonAnalysis, count: number, seed: number): HoverPosition[] {
  const { text, references } = analysis;
  if (references.length === 0) return [];
  const lines = new LineIndex(text);
  const random = seededRandom(seed);
  const positions: HoverPosition[] = [];
  for (let attempts = 0; positions.length < count && attempts < count * 20; attempts++) {
    const reference = references[Math.floor(random() * references.length)];
    const written = text.slice(reference.span.from, reference.span.to);
    const tokens = [...written.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)];
    if (tokens.length === 0) continue;
    const token = tokens[Math.floor(random() * tokens.length)];
    const tokenStart = reference.span.from + (token.index ?? 0);
    const offset = tokenStart + Math.floor(random() * token[0].length);
    if (!analysis.symbolAt(offset)) continue;
    const { line, character } = lines.positionOf(offset);
    positions.push({ offset, line, character, token: token[0] });
  }
  return positions;
}
