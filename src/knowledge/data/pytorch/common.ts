/** Shared defaults for the PyTorch data files: where facts were checked and how docs URLs are formed. */
import type { ApiRef } from '../../types';
import { docsUrl } from '../../define';

export const DOCS = 'https://docs.pytorch.org/docs/stable';
export const VISION_DOCS = 'https://docs.pytorch.org/vision/stable';

/** Checked against the current docs; names, statuses and quoted defaults against the installed PyTorch 2.13 (truth.test.ts). */
export const VERIFIED_113 = 'PyTorch stable docs (docs.pytorch.org, 2026); names, status and quoted defaults checked against PyTorch 2.13.0 installed (test/fixtures/truth), 2026-11-27';
/** Facts from the docs and release material; names, statuses and quoted defaults against the installed PyTorch 2.13. */
export const VERIFIED_DOCS = 'PyTorch stable docs (docs.pytorch.org, 2026) and release material; names, status and quoted defaults checked against PyTorch 2.13.0 installed (test/fixtures/truth), 2026-11-27';

export const generated = docsUrl.torch;
export const page = (file: string, anchor?: string): string => `${DOCS}/${file}${anchor ? `#${anchor}` : ''}`;

/** A cross-framework pointer; keeps the data files short. */
export const eq = (name: string, note?: string): ApiRef => (note ? { name, note } : { name });
