"""Train the same small classifier with TensorFlow 2 and Keras 3."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def build_model(classes: int = 10) -> keras.Model:
    return keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(classes),
    ])


@tf.function
def train_step(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = keras.losses.sparse_categorical_crossentropy(y, logits, from_logits=True)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return tf.reduce_mean(loss)


def main() -> None:
    x = np.random.rand(512, 784).astype("float32")
    y = np.random.randint(0, 10, size=(512,))
    model = build_model()
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    model.fit(x, y, batch_size=64, epochs=2, validation_split=0.1)
    print(model.evaluate(x, y, verbose=0))


if __name__ == "__main__":
    main()
