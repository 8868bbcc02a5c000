"""TensorFlow 1.x style code, the kind migration help is for. It does not run on TensorFlow 2."""
import tensorflow as tf

x = tf.placeholder(tf.float32, shape=[None, 784])
labels = tf.placeholder(tf.int64, shape=[None])
hidden = tf.layers.dense(x, 128, activation=tf.nn.relu)
logits = tf.layers.dense(hidden, 10)
loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
train_op = tf.train.AdamOptimizer(learning_rate=1e-3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(100):
        batch_x, batch_y = None, None  # load a batch here
        sess.run(train_op, feed_dict={x: batch_x, labels: batch_y})
