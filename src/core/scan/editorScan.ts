/**
 * What an editor shows for a file before it has analysed the file itself, computed away from its UI thread (the first
 * scan worker of the desktop extension host): the scan pipeline's findings and the models the Port CodeLens marks, from
 * one parse. The findings are finishScan's, so they are the ones the editor's own analysis gives.
 */
import type { KnowledgeBase } from '../../knowledge';
import { findModelHeadersInSteps, type ModelHeader } from '../port/extract';
import { analyzeWithFragments } from '../python/analyze';
import { drain } from '../steps';
import { finishScan, preparedText } from './scanFile';
import type { FileScan } from './types';

export interface EditorScan {
  scan: FileScan;
  headers: ModelHeader[];
}

/** The scan of `text` (a document at `path`) and its model headers; plain data, so a worker can post it. */
export function scanForEditor(path: string, text: string, kb: KnowledgeBase): EditorScan {
  const parsed = analyzeWithFragments(text);
  const scan = finishScan(preparedText(path, text), parsed.analysis, kb);
  // An analysed text keeps its whole tree as its one fragment; after a failed parse there is none and no model either.
  const whole = parsed.fragments[0];
  const out: { headers?: ModelHeader[] } = {};
  if (whole) drain(findModelHeadersInSteps(text, whole.tree, parsed.analysis, out));
  return { scan, headers: out.headers ?? [] };
}
