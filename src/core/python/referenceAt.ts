/** Finding the reference behind a span (a finding's, a syntax node's) without indexing every reference of a file. */
import type { FrameworkReference, Span } from './types';
import { firstAtOrAfter } from '../sortedSearch';

/**
 * The reference spanning exactly `span` (the last one, should two share it), by binary search over `references` in
 * document order: a map of them all cost an allocation per reference on every diagnostics refresh of a large file.
 */
export function referenceAt(references: readonly FrameworkReference[], span: Span): FrameworkReference | undefined {
  const low = firstAtOrAfter(0, references.length, (i) => references[i].span.from, span.from);
  let found: FrameworkReference | undefined;
  for (let i = low; i < references.length && references[i].span.from === span.from; i++) if (references[i].span.to === span.to) found = references[i];
  return found;
}
