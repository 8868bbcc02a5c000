/** PyTorch entries (torch, torchvision), gathered from the files of this folder. */
import type { KnowledgeEntry } from '../../types';
import torch from './torch';
import submodules from './submodules';
import nn from './nn';
import nnutils from './nnutils';
import losses from './losses';
import functional from './functional';
import optim from './optim';
import data from './data';
import amp from './amp';
import compile from './compile';
import distributed from './distributed';
import torchvision from './torchvision';
import tensorOps from './tensor-ops';
import legacy from './legacy';

const entries: KnowledgeEntry[] = [
  ...torch, ...tensorOps, ...submodules, ...nn, ...nnutils, ...losses, ...functional, ...optim, ...data, ...amp, ...compile, ...distributed, ...torchvision, ...legacy,
];
export default entries;
