/**
 * Names public code uses outside the dumped public API, checked against the installed frameworks by
 * scripts/truth/private_paths.py: private paths that are the very object of a public name, and names that exist with
 * no public twin (private helpers, module flags). The first get the public name's note, the second a baseline note.
 */
import data from './data/generated/private-paths.json';

export interface PrivatePathData {
  /** Private path -> the dumped public name bound to the same object (`is`). */
  sameAs: Record<string, string>;
  /** Names that exist with no public twin -> kind letter (m, c, f, k), as the baseline writes kinds. */
  present: Record<string, string>;
  /** Names the installed releases do not have. */
  absent: string[];
}

export const PRIVATE_PATHS = data as unknown as PrivatePathData;

/** The public name a private path (or a name under one, `…StateDictType.FULL_STATE_DICT`) denotes, if the data has it. */
export function publicTwinOf(name: string, table: Readonly<Record<string, string>> = PRIVATE_PATHS.sameAs): string | undefined {
  for (let cut = name.length; cut > 0; cut = name.lastIndexOf('.', cut - 1)) {
    const twin = table[name.slice(0, cut)];
    if (twin !== undefined) return twin + name.slice(cut);
  }
  return undefined;
}
