/** Per-framework labels and the "which version to use today" advice shown on import lines. */
import versions from './content/versions.json';
import type { Framework } from './types';

export const FRAMEWORK_LABEL: Record<Framework, string> = { pytorch: 'PyTorch', tensorflow: 'TensorFlow', keras: 'Keras' };

export const CURRENT_VERSIONS = versions;

/** Advice for an import of a framework module, or undefined for names that are not a framework root. */
export function frameworkAdvice(moduleName: string, compatV1: boolean): string | undefined {
  const root = moduleName.split('.')[0];
  const tf = `TensorFlow ${versions.tensorflow.version} (${versions.tensorflow.date})`;
  const keras = `Keras ${versions.keras.version} (${versions.keras.date})`;
  const torch = `PyTorch ${versions.pytorch.version} (${versions.pytorch.date})`;
  if (compatV1 || moduleName === 'tensorflow.compat.v1') {
    return `**TF1 compatibility mode.** Code written for TensorFlow 1.x keeps running, but new code should use the TF2 API (eager execution, \`tf.function\`, Keras). Newest release checked: ${tf}.`;
  }
  switch (root) {
    case 'tensorflow':
      return `**Today:** TensorFlow 2 with Keras 3 (\`tf.keras\` is Keras 3 since TF 2.16). Newest releases checked: ${tf}, ${keras}.`;
    case 'keras':
      return `**Today:** Keras 3 runs on TensorFlow, JAX or PyTorch (set \`KERAS_BACKEND\`). Newest release checked: ${keras}.`;
    case 'tf_keras':
      return `**Legacy:** \`tf_keras\` is Keras 2, kept for code not yet moved to Keras 3. Newest releases checked: ${tf}, ${keras}.`;
    case 'torch':
    case 'torchvision':
    case 'torchaudio':
      return `**Today:** PyTorch 2 (eager by default, \`torch.compile\` to compile). Newest release checked: ${torch}.`;
    default:
      return undefined;
  }
}
