/** Picks the hover positions every hover benchmark uses: seeded, on identifier tokens of framework references. */
import type { PythonAnalysis } from '../src/core/python';
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
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * `count` positions, each inside an identifier of a framework reference chain our analysis found (`nn`, `Linear`
 * in `nn.Linear`, `tensorflow` in an import), so the same positions are meaningful to every tool.
 */
export function pickHoverPositions(analysis: PythonAnalysis, count: number, seed: number): HoverPosition[] {
  const { text, references } = analysis;
  if (references.length === 0) return [];
  const starts = lineStarts(text);
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
    const line = lineOf(starts, offset);
    positions.push({ offset, line, character: offset - starts[line], token: token[0] });
  }
  return positions;
}
