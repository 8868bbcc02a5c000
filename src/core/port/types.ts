/** Plain result types of the model porter, shared by the two directions, the weight-porting code and the adapters. */
import type { PortLayerKind } from '../../knowledge/port';
import type { SourceFramework } from './extract';

/** One weight-carrying layer matched across the two models, by Python accessor relative to each model object. */
export interface WeightLink {
  kind: PortLayerKind;
  rank?: 1 | 2;
  /** A Keras Bidirectional wrapper around the recurrent layer (PyTorch bidirectional=True). */
  bidirectional?: boolean;
  /** `.fc1`, `[0]`, `.layers[2]`, `.features.layers[0]`. */
  source: string;
  target: string;
}

/** A construct the porter did not translate: the original code, quoted in a `# TODO(framework-guide)` line. */
export interface PortTodo {
  /** The original code. */
  code: string;
  /** Why, in a few words. */
  reason: string;
  /** A short label for reports (`nn.MultiheadAttention`, `if statement`). */
  construct: string;
}

export interface PortOptions {
  to: SourceFramework;
  /** Input shape without the batch dimension, used for PyTorch input sizes and for the check script. */
  inputShape?: number[];
}

export interface PortResult {
  /** The ported module: imports, the model, and the weight-porting function. */
  code: string;
  /** The Python expression that builds the ported model from the ported module (`Net()`, `model`). */
  targetModel: string;
  /** The Python expression that builds the original model from the original module. */
  sourceModel: string;
  sourceFramework: SourceFramework;
  targetFramework: SourceFramework;
  /** Name of the model in the source. */
  name: string;
  todos: PortTodo[];
  weights: WeightLink[];
  /** The input shape used (given, or read from the source). */
  inputShape?: number[];
  /** Integer inputs below this bound (models starting with an embedding); undefined for float inputs. */
  integerInputBelow?: number;
  /** How the PyTorch input sizes were obtained, for the header comment and reports. */
  sizes?: 'inferred' | 'lazy' | 'not-needed';
}

/** Thrown inside a translation to turn the enclosing statement or layer into a TODO line. */
export class TodoSignal extends Error {
  constructor(
    readonly construct: string,
    readonly reason: string,
  ) {
    super(`${construct}: ${reason}`);
  }
}

export function todo(construct: string, reason: string): never {
  throw new TodoSignal(construct, reason);
}
