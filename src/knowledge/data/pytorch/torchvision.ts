/** torchvision: pretrained models, transforms (v1 and v2), datasets, ops and image utilities. */
import { defineGroup } from '../../define';
import { VISION_DOCS, eq } from './common';
import { KERAS_APPLICATION_HEAD } from '../pairs';

const V = 'torchvision docs (docs.pytorch.org/vision/stable, 2026)';
const gen = (n: string) => `${VISION_DOCS}/generated/${n}.html`;
const base = { framework: 'pytorch' as const, verified: V, docs: gen };
/**
 * What every torchvision.models ↔ keras.applications pair differs in besides preprocessing (second audit of issue 30):
 * the builders default to weights=None, the Keras classes to weights='imagenet'.
 */
const KERAS_WEIGHTS = 'The Keras model loads ImageNet weights by default (weights="imagenet"; torchvision builds random ones unless weights= is given) and takes NHWC input';

export default [
  ...defineGroup({ ...base, module: '', sources: [`${VISION_DOCS}/index.html`] }, {
    torchvision: { kind: 'module', summary: 'The PyTorch computer-vision library: pretrained models, image transforms, datasets and detection ops; versioned separately from torch.', docs: `${VISION_DOCS}/index.html`, tags: ['transfer-learning'] },
  }),
  ...defineGroup({ ...base, module: 'torchvision', sources: [`${VISION_DOCS}/index.html`] }, {
    models: { kind: 'module', summary: 'Model builders with pretrained weights selected through weights= enums (e.g. ResNet50_Weights.DEFAULT), which replaced the old pretrained=True flag.', docs: `${VISION_DOCS}/models.html`, tags: ['transfer-learning'], equivalents: [eq('keras.applications')] },
    transforms: { kind: 'module', summary: 'Image transforms for PIL images and tensors (resize, crop, flip, normalise); the v2 namespace is the recommended successor.', docs: `${VISION_DOCS}/transforms.html`, tags: ['augmentation', 'data-pipeline'] },
    datasets: { kind: 'module', summary: 'Ready-made datasets (MNIST, CIFAR, ImageNet, COCO...) and ImageFolder, all returning (image, target) pairs.', docs: `${VISION_DOCS}/datasets.html`, tags: ['data-pipeline'], equivalents: [eq('keras.datasets')] },
    ops: { kind: 'module', summary: 'Vision operators such as nms, roi_align and box conversions.', docs: `${VISION_DOCS}/ops.html` },
    io: { kind: 'module', summary: 'Reading and decoding images and video into tensors.', docs: `${VISION_DOCS}/io.html` },
    utils: { kind: 'module', summary: 'Visual helpers: make_grid, save_image, draw_bounding_boxes.', docs: `${VISION_DOCS}/utils.html` },
  }),
  ...defineGroup({ ...base, module: 'torchvision.models', sources: [`${VISION_DOCS}/models.html`], docs: (n: string) => `${VISION_DOCS}/models/generated/${n}.html` }, {
    resnet18: { kind: 'function', summary: 'Builds ResNet-18; weights=ResNet18_Weights.DEFAULT loads ImageNet weights.', tags: ['transfer-learning'] },
    resnet50: { kind: 'function', summary: 'Builds ResNet-50; weights=ResNet50_Weights.DEFAULT loads the best available ImageNet weights. Replace model.fc for transfer learning.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.ResNet50', `Keras weights come from a different training run and expect caffe-style preprocessing; include_top=False drops the head. ${KERAS_APPLICATION_HEAD}`)] },
    vgg16: { kind: 'function', summary: 'Builds VGG-16 with optional ImageNet weights.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.VGG16', `${KERAS_WEIGHTS} through its caffe-style preprocess_input (BGR, minus the ImageNet means, no scaling), where torchvision's weights expect [0, 1] input normalised with the ImageNet mean and std. ${KERAS_APPLICATION_HEAD}`)] },
    mobilenet_v2: { kind: 'function', summary: 'Builds MobileNetV2 with optional ImageNet weights.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.MobileNetV2', `${KERAS_WEIGHTS} that its preprocess_input scales to [-1, 1], where torchvision's weights expect [0, 1] input normalised with the ImageNet mean and std. ${KERAS_APPLICATION_HEAD}`)] },
    efficientnet_b0: { kind: 'function', summary: 'Builds EfficientNet-B0 with optional ImageNet weights.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.EfficientNetB0', `${KERAS_WEIGHTS} in 0-255: the model includes its own rescaling and normalisation (preprocess_input passes input through). ${KERAS_APPLICATION_HEAD}`)] },
    vit_b_16: { kind: 'function', summary: 'Builds a ViT-B/16 vision transformer with optional pretrained weights.', tags: ['transfer-learning'] },
    get_model: { kind: 'function', summary: 'Builds any registered model by name, e.g. get_model("resnet50", weights="DEFAULT").', docs: `${VISION_DOCS}/models.html`, tags: ['transfer-learning'] },
    densenet121: { kind: 'function', summary: 'Builds DenseNet-121, where each layer receives the feature maps of all earlier layers in its block; optional ImageNet weights.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.DenseNet121', `${KERAS_WEIGHTS}; its preprocess_input normalises with the ImageNet mean and std, as torchvision's weights expect. ${KERAS_APPLICATION_HEAD}`)] },
    inception_v3: { kind: 'function', summary: 'Builds Inception v3, which expects 299x299 inputs; in training mode it also returns auxiliary logits unless aux_logits=False.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.InceptionV3', `${KERAS_WEIGHTS} that its preprocess_input scales to [-1, 1]; torchvision's weights take ImageNet-normalised input (transform_input=True converts it inside the model). ${KERAS_APPLICATION_HEAD}`)] },
    convnext_tiny: { kind: 'function', summary: 'Builds ConvNeXt-Tiny, a convolutional network modernised with transformer-style design choices; optional ImageNet weights.', tags: ['transfer-learning'], equivalents: [eq('keras.applications.ConvNeXtTiny', `${KERAS_WEIGHTS} in 0-255: the model includes its own normalisation (include_preprocessing=True). ${KERAS_APPLICATION_HEAD}`)] },
  }),
  ...defineGroup({ ...base, module: 'torchvision.transforms', sources: [`${VISION_DOCS}/transforms.html`] }, {
    Compose: { kind: 'class', summary: 'Chains several transforms into one callable.', tags: ['augmentation', 'data-pipeline'], equivalents: [eq('keras.Sequential', 'Keras preprocessing layers are stacked in a Sequential model or mapped over tf.data.')] },
    ToTensor: { kind: 'class', summary: 'Converts a PIL image or HxWxC uint8 array to a CxHxW float tensor scaled to [0, 1]; v2 replaces it with ToImage + ToDtype(scale=True).', tags: ['data-pipeline', 'mnist-mlp'] },
    Normalize: { kind: 'class', summary: 'Normalises each channel of a tensor image with given mean and std.', tags: ['data-pipeline'], equivalents: [eq('keras.layers.Normalization', 'Keras can learn mean/variance with adapt() and works channels-last.'), eq('keras.layers.Rescaling', 'With one mean and std, Rescaling(scale=1/std, offset=-mean/std) computes the same thing.')] },
    Resize: { kind: 'class', summary: 'Resizes an image; an int size scales the shorter side keeping aspect ratio.', tags: ['augmentation', 'data-pipeline'], equivalents: [eq('keras.layers.Resizing', 'An int is not accepted; Keras takes height and width. Resize antialiases by default (antialias=True), Resizing does not (antialias=False): pass antialias=True when downscaling.')] },
    CenterCrop: { kind: 'class', summary: 'Crops the centre of an image to a given size.', tags: ['augmentation'], equivalents: [eq('keras.layers.CenterCrop')] },
    RandomCrop: { kind: 'class', summary: 'Crops a random region of given size, optionally padding first.', tags: ['augmentation'], equivalents: [eq('keras.layers.RandomCrop')] },
    RandomResizedCrop: { kind: 'class', summary: 'Crops a random area and aspect ratio, then resizes; the standard ImageNet training augmentation.', tags: ['augmentation'] },
    RandomHorizontalFlip: { kind: 'class', summary: 'Flips an image horizontally with probability p (0.5).', tags: ['augmentation'], equivalents: [eq('keras.layers.RandomFlip', 'Use mode="horizontal".')] },
    RandomRotation: { kind: 'class', summary: 'Rotates by a random angle within given degrees; the corners it uncovers are filled with 0 and pixels are sampled by nearest neighbour by default.', tags: ['augmentation'], equivalents: [eq('keras.layers.RandomRotation', 'Keras takes a fraction of a full turn, not degrees, and by default fills the uncovered corners by reflection (fill_mode="reflect") with bilinear sampling; fill_mode="constant" with interpolation="nearest" gives torchvision\'s defaults.')] },
    ColorJitter: { kind: 'class', summary: 'Randomly changes brightness, contrast, saturation and hue.', tags: ['augmentation'] },
    Grayscale: { kind: 'class', summary: 'Converts an image to grayscale with 1 or 3 output channels (num_output_channels).', tags: ['augmentation'], equivalents: [eq('tensorflow.image.rgb_to_grayscale', 'TF always returns one channel.')] },
    RandomAffine: { kind: 'class', summary: 'Applies a random affine transform combining rotation, translation, scale and shear, each range given separately.', tags: ['augmentation'], equivalents: [eq('keras.layers.RandomTranslation', 'Keras splits the affine parts into separate layers: RandomTranslation, RandomZoom, RandomRotation.'), eq('keras.layers.RandomZoom')] },
    v2: { kind: 'module', summary: 'Second-generation transforms that also handle bounding boxes, masks and videos jointly with images; the recommended API in current torchvision.', docs: `${VISION_DOCS}/transforms.html`, tags: ['augmentation', 'data-pipeline'], section: 'changes-since-2023' },
  }),
  ...defineGroup({ ...base, module: 'torchvision.transforms.v2', sources: [`${VISION_DOCS}/transforms.html`] }, {
    Compose: { kind: 'class', summary: 'Chains v2 transforms; they apply consistently to images, boxes and masks passed together.', tags: ['augmentation', 'data-pipeline'] },
    ToImage: { kind: 'class', summary: 'Converts a PIL image or array into a tv_tensors.Image tensor without changing dtype or scale.', tags: ['data-pipeline'] },
    ToDtype: { kind: 'class', summary: 'Converts dtype; with scale=True also rescales values (e.g. uint8 0..255 to float 0..1).', tags: ['data-pipeline'] },
    Resize: { kind: 'class', summary: 'v2 resize for images, boxes and masks.', tags: ['augmentation'] },
    RandomResizedCrop: { kind: 'class', summary: 'v2 random resized crop that keeps boxes and masks aligned.', tags: ['augmentation'] },
    RandomHorizontalFlip: { kind: 'class', summary: 'v2 horizontal flip for images and their annotations.', tags: ['augmentation'] },
    Normalize: { kind: 'class', summary: 'v2 per-channel normalisation with mean and std.', tags: ['data-pipeline'] },
  }),
  ...defineGroup({ ...base, module: 'torchvision.datasets', sources: [`${VISION_DOCS}/datasets.html`] }, {
    MNIST: { kind: 'class', summary: 'The MNIST handwritten digits dataset (60k train/10k test 28x28 images); download=True fetches it.', tags: ['mnist-mlp', 'data-pipeline'], equivalents: [eq('keras.datasets.mnist', 'Keras returns NumPy arrays from load_data().')] },
    FashionMNIST: { kind: 'class', summary: 'Fashion-MNIST clothing images in the MNIST format.', tags: ['data-pipeline'], equivalents: [eq('keras.datasets.fashion_mnist')] },
    CIFAR10: { kind: 'class', summary: 'CIFAR-10 32x32 colour images in 10 classes.', tags: ['data-pipeline'], equivalents: [eq('keras.datasets.cifar10')] },
    ImageFolder: { kind: 'class', summary: 'Dataset from a directory tree with one sub-folder per class.', tags: ['data-pipeline', 'transfer-learning'], equivalents: [eq('keras.utils.image_dataset_from_directory', 'Keras resizes every image to image_size=(256, 256), shuffles, and batches by 32 by default; ImageFolder yields one (PIL image, class index) pair at a time at the image\'s own size, in a fixed order. Both number the classes in sorted folder order.')] },
  }),
  ...defineGroup({ ...base, module: 'torchvision.ops', sources: [`${VISION_DOCS}/ops.html`] }, {
    nms: { kind: 'function', summary: 'Non-maximum suppression of boxes by IoU threshold, returning kept indices.', equivalents: [eq('tensorflow.image.non_max_suppression')] },
    sigmoid_focal_loss: { kind: 'function', summary: 'Focal loss on logits from RetinaNet: binary cross-entropy down-weighted for easy examples (alpha 0.25, gamma 2); no reduction by default.', tags: ['loss-metrics'], equivalents: [eq('keras.losses.BinaryFocalCrossentropy', 'The Keras loss takes probabilities unless from_logits=True, applies alpha only with apply_class_balancing=True, and reduces to a mean by default.')] },
  }),
  ...defineGroup({ ...base, module: 'torchvision.io', sources: [`${VISION_DOCS}/io.html`] }, {
    read_image: { kind: 'function', summary: 'Reads a JPEG/PNG file into a CxHxW uint8 tensor.', tags: ['data-pipeline'] },
    decode_image: { kind: 'function', summary: 'Decodes encoded image bytes held in a uint8 tensor (JPEG or PNG, more formats in newer releases) into a CxHxW uint8 tensor.', tags: ['data-pipeline'], equivalents: [eq('tensorflow.io.decode_image', 'TF returns HWC.')] },
    decode_jpeg: { kind: 'function', summary: 'Decodes JPEG bytes into a CxHxW uint8 tensor; can decode on a CUDA device.', tags: ['data-pipeline'], equivalents: [eq('tensorflow.image.decode_jpeg', 'TF returns HWC.')] },
  }),
  ...defineGroup({ ...base, module: 'torchvision.utils', sources: [`${VISION_DOCS}/utils.html`] }, {
    make_grid: { kind: 'function', summary: 'Arranges a batch of images into a grid tensor for display.' },
    save_image: { kind: 'function', summary: 'Saves a tensor or batch (as a grid) to an image file.' },
  }),
];
