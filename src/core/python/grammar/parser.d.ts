// Types of the generated parser.js (scripts/build-parser.mjs writes it; this file is kept by hand).
import type { LRParser } from '@lezer/lr';

export declare const parser: LRParser;
