/** TensorFlow, Keras and TF1-surface entries, gathered from the files of this folder. */
import type { KnowledgeEntry } from '../../types';
import core from './core';
import data from './data';
import distribute from './distribute';
import keras3 from './keras3';
import kerasLayers from './keras-layers';
import kerasModels from './keras-models';
import kerasTraining from './keras-training';
import nnMathImageIo from './nn-math-image-io';
import saving from './saving';
import tf1 from './tf1';
import counterparts from './counterparts';
import keras2Backend from './keras2-backend';

const entries: KnowledgeEntry[] = [
  ...core,
  ...nnMathImageIo,
  ...data,
  ...distribute,
  ...saving,
  ...kerasModels,
  ...kerasLayers,
  ...kerasTraining,
  ...keras2Backend,
  ...keras3,
  ...tf1,
  ...counterparts,
];
export default entries;
