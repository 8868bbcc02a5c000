/** Keras 3 model classes and model-level helpers (compile/fit are methods and documented with Model). */
import { defineGroup, docsUrl } from '../../define';

const KERAS_API = 'https://github.com/keras-team/keras/blob/master/keras/api/__init__.py';
const tfKerasDocs = (name: string) => docsUrl.tf(name.replace(/^keras\./, 'tensorflow.keras.'));

const defaults = { framework: 'keras' as const, module: 'keras', verified: 'Keras 3.16 (keras-team/keras keras/api, snapshot of 2026-08-21), read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27', sources: [KERAS_API], docs: tfKerasDocs };

export default defineGroup(defaults, {
  Model: { kind: 'class', summary: 'A trainable graph of layers with compile(), fit(), evaluate() and predict(); build it functionally from Inputs or by subclassing with call().', tags: ['subclassed-model', 'sequential-model', 'training-loop'], section: 'ease-of-use', equivalents: [{ name: 'torch.nn.Module', note: 'PyTorch modules have no built-in fit(); the loop (zero_grad, backward, step) is written by hand or taken from a library.' }] },
  Sequential: { kind: 'class', summary: 'A linear stack of layers; the quickest way to define a feed-forward model.', tags: ['sequential-model', 'mnist-mlp'], equivalents: [{ name: 'torch.nn.Sequential', note: 'PyTorch layers need explicit input sizes (in_features, in_channels).' }] },
  Input: { kind: 'function', summary: 'Declares a model input (shape without the batch dimension) for the functional API; replaces TF1 placeholders.', tags: ['sequential-model', 'mnist-mlp'] },
  'models.load_model': { kind: 'function', summary: 'Loads a model saved with model.save(): the .keras zip format (Keras 3) or legacy .h5.', tags: ['checkpoints', 'inference'], equivalents: [{ name: 'torch.load', note: 'PyTorch usually saves state_dict and rebuilds the module in code before load_state_dict.' }] },
  'models.clone_model': { kind: 'function', summary: 'Builds a new model with the same architecture and freshly initialised weights.' },
  'models.Model': { kind: 'class', summary: 'Same class as keras.Model, exported under keras.models.', tags: ['subclassed-model'] },
  'models.Sequential': { kind: 'class', summary: 'Same class as keras.Sequential, exported under keras.models.', tags: ['sequential-model'] },
  'saving.load_model': { kind: 'function', summary: 'Loads a .keras model file; safe_mode blocks lambda deserialisation by default.', tags: ['checkpoints'] },
  'saving.save_model': { kind: 'function', summary: 'Saves a model to a .keras file (what model.save does).', tags: ['checkpoints'], equivalents: [{ name: 'torch.save' }] },
  'saving.register_keras_serializable': { kind: 'decorator', summary: 'Registers a custom layer or model class so saved models can be reloaded.', tags: ['custom-layer', 'checkpoints'] },
  layers: { kind: 'module', summary: 'Keras layers: core, convolution, pooling, recurrent, attention, normalisation and preprocessing layers.', equivalents: [{ name: 'torch.nn' }] },
  models: { kind: 'module', summary: 'Model classes and model loading/cloning helpers.' },
  saving: { kind: 'module', summary: 'Saving and loading of .keras files and serialisation registration.', tags: ['checkpoints'] },
  utils: { kind: 'module', summary: 'Utilities: dataset builders from directories, to_categorical, plotting, PyDataset.' },
  'utils.to_categorical': { kind: 'function', summary: 'One-hot encodes integer class vectors.', tags: ['data-pipeline'], equivalents: [{ name: 'torch.nn.functional.one_hot' }] },
  'utils.image_dataset_from_directory': { kind: 'function', summary: 'Builds a batched tf.data.Dataset of images and labels from class sub-folders.', tags: ['data-pipeline', 'transfer-learning'], equivalents: [{ name: 'torchvision.datasets.ImageFolder', note: 'ImageFolder is a Dataset of (PIL image, class index) pairs at their own size, in a fixed order: add transforms.Resize for the resizing done here (image_size=(256, 256)) and a DataLoader with shuffle=True for batches. Both number the classes in sorted folder order.' }] },
  'utils.text_dataset_from_directory': { kind: 'function', summary: 'Builds a dataset of texts and labels from class sub-folders.', tags: ['data-pipeline'] },
  'utils.PyDataset': { kind: 'class', summary: 'Base class for Python data sources with __getitem__ returning batches, with optional multiprocessing; Keras 3 successor of Sequence.', tags: ['data-pipeline'], equivalents: [{ name: 'torch.utils.data.Dataset', note: 'A PyTorch Dataset returns single samples; batching happens in DataLoader.' }] },
  'utils.set_random_seed': { kind: 'function', summary: 'Seeds Python, NumPy and the backend framework in one call.', equivalents: [{ name: 'torch.manual_seed', note: 'torch.manual_seed seeds PyTorch only: call random.seed and numpy.random.seed too for the same coverage.' }] },
  'utils.plot_model': { kind: 'function', summary: 'Draws the model graph to an image (needs pydot and graphviz).' },
  datasets: { kind: 'module', summary: 'Small built-in datasets (MNIST, CIFAR-10, IMDB...) returned as NumPy arrays.', tags: ['mnist-mlp'], equivalents: [{ name: 'torchvision.datasets' }] },
  'datasets.mnist': { kind: 'module', summary: 'MNIST digits; mnist.load_data() returns ((x_train, y_train), (x_test, y_test)) as uint8 arrays.', tags: ['mnist-mlp'], equivalents: [{ name: 'torchvision.datasets.MNIST', note: 'torchvision yields PIL images unless a transform such as ToTensor is given.' }] },
  'datasets.cifar10': { kind: 'module', summary: 'CIFAR-10 colour images in 10 classes as NumPy arrays (NHWC).', equivalents: [{ name: 'torchvision.datasets.CIFAR10' }] },
  'datasets.fashion_mnist': { kind: 'module', summary: 'Fashion-MNIST clothing images, same format as MNIST.', equivalents: [{ name: 'torchvision.datasets.FashionMNIST' }] },
});
