/**
 * Analyses of open documents for an editor: the size limit is checked once per version, small texts are parsed
 * at once (reusing the previous tree), large ones in cancellable slices so no call blocks the host for long.
 */
import { AnalysisCache, analyzePythonAsync, exceedsUtf8Bytes, type TextChange } from './analyze';
import type { PythonAnalysis } from './types';

/** Above this many characters (about 40 ms of parsing, see bench/analyze) a first parse runs in slices. */
export const SLICED_PARSE_THRESHOLD = 100_000;

export interface DocumentRequest {
  /** Texts over this many UTF-8 bytes are not analysed. */
  maxBytes: number;
  /** Edits since the cached version, so the parse can reuse the previous tree. */
  changes?: readonly TextChange[];
  /** Checked between slices of a large parse; true abandons it. */
  shouldStop?: () => boolean;
}

export class DocumentAnalysisCache {
  private readonly cache: AnalysisCache;
  private readonly sliced = new Map<string, { version: number; analysis: PythonAnalysis }>();
  private readonly sizes = new Map<string, { version: number; tooLarge: boolean }>();
  private slicedParses = 0;

  constructor(capacity = 32) {
    this.cache = new AnalysisCache(capacity, { maxBytes: Number.MAX_SAFE_INTEGER });
  }

  /** Parses so far, synchronous and sliced. */
  get parseCount(): number {
    return this.cache.parseCount + this.slicedParses;
  }

  /** The analysis of version `version` of document `key`; 'too-large' over the limit; undefined when stopped. */
  async get(key: string, version: number, text: string, request: DocumentRequest): Promise<PythonAnalysis | 'too-large' | undefined> {
    const size = this.sizes.get(key);
    const tooLarge = size && size.version === version ? size.tooLarge : exceedsUtf8Bytes(text, request.maxBytes);
    this.sizes.set(key, { version, tooLarge });
    if (tooLarge) return 'too-large';
    const sliced = this.sliced.get(key);
    if (sliced?.version === version) return sliced.analysis;
    if (text.length <= SLICED_PARSE_THRESHOLD) return this.cache.get(key, version, text, request.changes);
    const analysis = await analyzePythonAsync(text, { maxBytes: Number.MAX_SAFE_INTEGER, shouldStop: request.shouldStop });
    if (analysis) {
      this.slicedParses++;
      this.sliced.set(key, { version, analysis });
    }
    return analysis;
  }

  delete(key: string): void {
    this.cache.delete(key);
    this.sliced.delete(key);
    this.sizes.delete(key);
  }

  clear(): void {
    this.cache.clear();
    this.sliced.clear();
    this.sizes.clear();
  }
}
