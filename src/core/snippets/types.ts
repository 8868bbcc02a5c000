/** Plain data types of the snippet catalog: paired TensorFlow/Keras and PyTorch examples of one task. */

export type SnippetFramework = 'tensorflow' | 'pytorch';

/**
 * An import a snippet needs.
 * `import torch` = {module:'torch'}; `import numpy as np` = {module:'numpy', alias:'np'};
 * `from torch import nn` = {module:'torch', name:'nn'};
 * `from torch.utils.data import DataLoader` = {module:'torch.utils.data', name:'DataLoader'}.
 */
export interface ImportSpec {
  module: string;
  name?: string;
  alias?: string;
}

export interface SnippetVariant {
  framework: SnippetFramework;
  /** VS Code snippet syntax: ${1:default} tab stops, $0 final; literal `$` written as `\\$`. */
  body: string;
  imports: ImportSpec[];
  /** Qualified APIs used, e.g. 'torch.nn.Linear'. */
  apis: string[];
  /** Minimum versions, e.g. 'PyTorch 2.0'. */
  requires?: string;
}

export interface SnippetTask {
  id: string;
  title: string;
  /** One or two sentences: what differs between the two. */
  differences: string;
  tensorflow: SnippetVariant;
  pytorch: SnippetVariant;
}
