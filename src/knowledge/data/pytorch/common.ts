/** Shared defaults for the PyTorch data files: where facts were checked and how docs URLs are formed. */
import type { ApiRef } from '../../types';
import { docsUrl } from '../../define';

export const DOCS = 'https://docs.pytorch.org/docs/stable';
export const VISION_DOCS = 'https://docs.pytorch.org/vision/stable';

/** Checked against the current docs and, for names that already existed, the installed Debian torch 1.13. */
export const VERIFIED_113 = 'PyTorch stable docs (docs.pytorch.org, 2026); name and defaults checked in torch 1.13 (Debian)';
/** For names newer than torch 1.13: only the docs and release material could be checked. */
export const VERIFIED_DOCS = 'PyTorch stable docs (docs.pytorch.org, 2026) and release material; not present in torch 1.13';

export const generated = docsUrl.torch;
export const page = (file: string, anchor?: string): string => `${DOCS}/${file}${anchor ? `#${anchor}` : ''}`;

/** A cross-framework pointer; keeps the data files short. */
export const eq = (name: string, note?: string): ApiRef => (note ? { name, note } : { name });
