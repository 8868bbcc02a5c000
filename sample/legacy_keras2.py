"""Keras 2 code that reaches into the backend module: Keras 3 removed these helpers (keras.ops has most of them)."""
import keras
import numpy as np
from keras import backend as K


def cosine_similarity(a, b):
    a = a / K.sqrt(K.sum(K.square(a), axis=-1, keepdims=True))
    b = b / K.sqrt(K.sum(K.square(b), axis=-1, keepdims=True))
    return K.sum(a * b, axis=-1)


inputs = keras.Input(shape=(16,))
outputs = keras.layers.Dense(4)(inputs)
model = keras.Model(inputs, outputs)
print(K.int_shape(model.output), K.mean(K.constant(np.ones(3))))
