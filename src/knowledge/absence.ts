/**
 * Notes for names the installed releases lack, made on lookup from src/knowledge/installed.ts rather than listed: what is
 * missing (or only raises), the news of a removed module above it, and the nearest successor the upgrade tables, an
 * entry of the base or the installed release itself knows. Out-of-tree device plugins (torch.npu) get a note of their own.
 */
import type { InstalledNames, Resolution } from './installed';
import { installedFramework } from './installed';
import type { KnowledgeEntry, Replacement, Status } from './types';

const shortName = (name: string) => name.replace(/^tensorflow\b/, 'tf');

/** What a lookup result says about a name the installed release lacks. */
export interface Absence {
  /** "TensorFlow 2.21": the release that lacks it. */
  release: string;
  /** The name or prefix that does not resolve (`tensorflow.contrib` for `tensorflow.contrib.layers.flatten`). */
  missing: string;
  /** The first line of what using it raises, for names that exist only as raising stubs. */
  raises?: string;
  /** `torch.npu.*`: a device module an out-of-tree plugin adds to torch when it is installed. */
  plugin?: true;
}

/** What the base already knows around an absent name. */
export interface AbsenceContext {
  /** The entry the name reaches through a namespace alias (the TF1 entry of a tf.compat.v1 name). */
  aliased?: KnowledgeEntry;
  /** A deprecated or removed module entry above the name (`tensorflow.contrib`): its news holds for the name. */
  module?: KnowledgeEntry;
  /** Any entry of the base by name (an external replacement is taken as it is). */
  entry: (name: string) => KnowledgeEntry | undefined;
}

/**
 * A device module an out-of-tree backend registers on torch (torch.npu by torch_npu, like torch.cuda in-tree): a
 * name `torch.X.Y` where torch has no X and Y is a name of torch.cuda, the interface such modules copy.
 */
function isDevicePlugin(name: string, resolution: Extract<Resolution, { state: 'absent' }>, installed: InstalledNames): boolean {
  if (resolution.parent !== 'torch' || resolution.raises !== undefined) return false;
  const rest = name.slice(resolution.missing.length + 1).split('.')[0];
  return rest !== '' && name.startsWith(resolution.missing + '.') && installed.usable(`torch.cuda.${rest}`);
}

/** The same last name higher up (keras.layers.normalization.BatchNormalization → keras.layers.BatchNormalization). */
function sameNameHigherUp(name: string, resolution: Extract<Resolution, { state: 'absent' }>, installed: InstalledNames): string | undefined {
  const parts = name.split('.');
  const parent = resolution.parent.split('.');
  const rest = parts.slice(resolution.missing.split('.').length);
  // Drop the missing segment and, if needed, more of what follows it, keeping the last name.
  for (let from = 0; from < rest.length; from++) {
    const candidate = [...parent, ...rest.slice(from)].join('.');
    if (installed.usable(candidate)) return candidate;
  }
  const last = parts[parts.length - 1];
  for (let cut = parent.length - 1; cut >= 1; cut--) {
    const candidate = [...parent.slice(0, cut), last].join('.');
    if (candidate !== name && installed.usable(candidate)) return candidate;
  }
  return undefined;
}

/** The nearest successor that is usable in the installed release, with how it was found; undefined when none is known. */
function successorOf(name: string, resolution: Extract<Resolution, { state: 'absent' }>, installed: InstalledNames, context: AbsenceContext, release: string): Replacement | undefined {
  const usable = (target: string | undefined): target is string => target !== undefined && target !== name && (installed.usable(target) || context.entry(target)?.replacement?.external === true);
  const table = installed.successor(name);
  if (usable(table)) return { name: table, note: `TensorFlow's upgrade tables (tf_upgrade_v2) map it to ${shortName(table)}; check its arguments.` };
  // Under a removed module or class whose replacement is a plain rename (tf.flags -> tf.compat.v1.flags), the same
  // rename holds for the name: tf.flags.DEFINE_integer -> tf.compat.v1.flags.DEFINE_integer, a fix can write it.
  const parent = context.module;
  if (parent?.status.state === 'removed' && parent.replacement?.dropIn && !parent.replacement.external && name.startsWith(`${parent.name}.`)) {
    const renamed = parent.replacement.name + name.slice(parent.name.length);
    // The renamed parent is the same object, so its members carry over even where the tree cannot list them
    // (protobuf classes: tf.compat.v1.RunOptions.FULL_TRACE); only a name known to be missing is refused.
    if (renamed !== name && installed.resolve(renamed).state !== 'absent') return { name: renamed, dropIn: true, note: parent.replacement.note };
  }
  const known = context.aliased?.replacement;
  if (known && (known.external || usable(known.name))) return { ...known, dropIn: undefined, leadingArgument: undefined };
  if (name.startsWith('tensorflow.') && !name.startsWith('tensorflow.compat.')) {
    const compat = name.replace(/^tensorflow\./, 'tensorflow.compat.v1.');
    if (usable(compat)) return { name: compat, note: `${release} keeps the TF1 API as ${shortName(compat)}; new code should use the TF2 API.` };
  }
  const higher = sameNameHigherUp(name, resolution, installed);
  if (usable(higher)) return { name: higher, note: `${release} has this name as ${shortName(higher)}; check its arguments.` };
  // The module's own replacement is advice for the name, never a rename of it (that would drop the rest of the name).
  const moduleNext = context.module?.replacement;
  if (moduleNext && (moduleNext.external || usable(moduleNext.name))) return { ...moduleNext, dropIn: undefined, leadingArgument: undefined, usage: undefined };
  return undefined;
}

/** The entry and absence facts for a name the installed release lacks (or has only as a raising stub). */
export function absentEntry(name: string, resolution: Extract<Resolution, { state: 'absent' }>, installed: InstalledNames, context: AbsenceContext): { entry: KnowledgeEntry; absence: Absence } {
  const framework = installedFramework(name) ?? 'tensorflow';
  const release = installed.release(framework);
  const plugin = isDevicePlugin(name, resolution, installed);
  const absence: Absence = { release, missing: resolution.missing, raises: resolution.raises, plugin: plugin || undefined };
  const verified = `${release} installed (src/knowledge/data/generated/installed-names.json, scripts/truth/installed_names.py)`;
  const docs = context.aliased?.docs ?? context.module?.docs ?? (framework === 'pytorch' ? 'https://docs.pytorch.org/docs/stable/' : framework === 'keras' ? 'https://keras.io/api/' : 'https://www.tensorflow.org/api_docs/python/tf');
  const kind = context.aliased?.kind ?? 'function';
  if (plugin) {
    const device = resolution.missing.slice('torch.'.length);
    return {
      absence,
      entry: {
        name,
        framework,
        kind,
        summary: `${release} itself has no torch.${device}: a device module that an out-of-tree backend package registers on torch when it is imported (torch._register_device_module), with names that follow torch.cuda. The code needs that package installed.`,
        status: { state: 'current' },
        verified,
        docs: 'https://docs.pytorch.org/docs/stable/generated/torch.utils.rename_privateuse1_backend.html',
        sources: ['https://github.com/pytorch/pytorch/blob/main/torch/__init__.py', 'https://docs.pytorch.org/docs/stable/generated/torch.utils.rename_privateuse1_backend.html'],
      },
    };
  }
  const what = resolution.raises
    ? `${release} has ${shortName(resolution.missing)} only as a stub: using it raises ${resolution.raises}`
    : resolution.missing === name
      ? `${shortName(resolution.parent)} in ${release} has no ${name.slice(resolution.parent.length + 1)}`
      : `${release} has no ${shortName(resolution.missing)}, so ${shortName(name)} does not resolve`;
  const moduleNews = context.module && context.module.status.state !== 'current' ? ` ${shortName(context.module.name)}: ${context.module.status.note ?? context.module.summary}` : '';
  const removedWithModule = context.module?.status.state === 'removed' ? context.module.status : undefined;
  const status: Status = {
    state: 'removed',
    since: removedWithModule?.since,
    date: removedWithModule?.since ? removedWithModule.date : undefined,
    note: resolution.raises ? `Using it raises in ${release} (checked against the installed release).` : `Not in ${release} (checked against the installed release).`,
  };
  const entry: KnowledgeEntry = { name, framework, kind, summary: `${what}.${moduleNews}`, status, verified, docs, sources: context.module?.sources ?? context.aliased?.sources ?? [] };
  const replacement = successorOf(name, resolution, installed, context, release);
  if (replacement) entry.replacement = replacement;
  return { entry, absence };
}
