/**
 * Names public code uses outside the dumped public API, checked against the installed frameworks by
 * scripts/truth/private_paths.py: private paths that are the very object of a public name, and names that exist with
 * no public twin (private helpers, module flags). The first get the public name's note, the second a baseline note.
 */
import data from './data/generated/private-paths.json';
import type { Resolution } from './installed';
import type { KnowledgeEntry } from './types';

export interface PrivatePathData {
  meta?: { versions: Record<string, string> };
  /** Private path -> the dumped public name bound to the same object (`is`). */
  sameAs: Record<string, string>;
  /** Names that exist with no public twin -> kind letter (m, c, f, k), as the baseline writes kinds. */
  present: Record<string, string>;
  /** Names the installed releases do not have. */
  absent: string[];
  /** Names that resolve only to a stub that raises when used, with the first line of the error. */
  raises?: Record<string, string>;
  /** Keras 3 names (`keras.losses.mean_squared_error`) whose tf.keras path the installed TensorFlow lacks. */
  tfKerasMissing: string[];
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

const absentSets = new WeakMap<PrivatePathData, Set<string>>();

/**
 * What the installed releases said about a name outside the tree of installed-names.json (a private path such as
 * tensorflow.python.eager.tape.stop_recording, checked by importing it): absent when the name or a prefix is.
 */
export function checkedAbsence(name: string, data: PrivatePathData = PRIVATE_PATHS): Extract<Resolution, { state: 'absent' }> | undefined {
  let absentNames = absentSets.get(data);
  if (!absentNames) absentSets.set(data, (absentNames = new Set(data.absent)));
  const parts = name.split('.');
  for (let length = 2; length <= parts.length; length++) {
    const prefix = parts.slice(0, length).join('.');
    const raises = data.raises?.[prefix];
    if (absentNames.has(prefix) || raises !== undefined) return { state: 'absent', missing: prefix, parent: parts.slice(0, length - 1).join('.'), raises };
  }
  return undefined;
}

/**
 * tf.keras.X for the Keras 3 names the tf.keras view lacks: exact entries, so the tf.keras -> keras alias does not
 * claim them; the dumps show the absence in the installed release, not the release that dropped them.
 */
export function tfKerasMissingEntries(data: PrivatePathData = PRIVATE_PATHS): KnowledgeEntry[] {
  const tfVersion = data.meta?.versions.tensorflow ?? '';
  return data.tfKerasMissing.map((name) => ({
    name: `tensorflow.${name}`,
    framework: 'keras' as const,
    kind: 'function' as const,
    summary: `The tf.keras of TensorFlow ${tfVersion} has no ${name.slice('keras.'.length)}; Keras 3 (import keras) has ${name}.`,
    status: { state: 'removed' as const, note: 'Not in the installed release (checked on the installed modules).' },
    verified: `TensorFlow ${tfVersion} / Keras ${data.meta?.versions.keras ?? ''} modules (scripts/truth/private_paths.py)`,
    docs: `https://keras.io/api/${name.split('.')[1]}/`,
    sources: ['https://keras.io/guides/migrating_to_keras_3/'],
    replacement: { name, note: `import keras and call ${name}; the tf.keras view only re-exports part of Keras 3.` },
  }));
}
