"""The TF1 compatibility idiom: TF1 code kept running on TensorFlow 2."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, shape=[None, 3])
w = tf.get_variable("w", shape=[3, 1])
y = tf.matmul(x, w)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
