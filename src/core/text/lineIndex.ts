/** Offset → line/column for a text without an editor document: the scan pipeline, the CLI and the benchmarks. */

export class LineIndex {
  /**
   * Start offset of every line (0-based lines). `\n`, `\r\n` and a lone `\r` each end a line, as in VS Code and in
   * CPython's tokenizer, so a file saved with old Mac line ends does not put every position on line 1.
   */
  readonly starts: readonly number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a /* \n */) starts.push(i + 1);
      else if (code === 0x0d /* \r */ && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
    }
    this.starts = starts;
  }

  /** The 0-based line holding `offset` (binary search). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** 0-based line and character (UTF-16 code units) of `offset`. */
  positionOf(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }
}
