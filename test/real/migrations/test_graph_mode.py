"""The graph-mode facts (src/knowledge/data/tensorflow/graph-mode.json) against TensorFlow 2.21: each tf.compat.v1 call
raises what the file says under the default eager execution, and runs once tf.compat.v1.disable_v2_behavior() is called."""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FACTS = os.path.join(ROOT, "src", "knowledge", "data", "tensorflow", "graph-mode.json")

# One call per API, each with what it needs in graph mode (a variable to save or minimize over, a queue to run).
LOSS = "w = v1.get_variable('w', [1], initializer=v1.zeros_initializer())\nloss = tf.reduce_sum(w * 2.0)\n"
PROBES = {
    "tensorflow.placeholder": "v1.placeholder(tf.float32, [None, 3])",
    "tensorflow.sparse_placeholder": "v1.sparse_placeholder(tf.float32)",
    "tensorflow.Session": "v1.Session().run(tf.constant(1.0))",
    "tensorflow.InteractiveSession": "s = v1.InteractiveSession()\ns.run(tf.constant(1.0))\ns.close()",
    "tensorflow.summary.FileWriter": "v1.summary.FileWriter(logdir).close()",
    "tensorflow.summary.merge_all": "v1.summary.merge_all()",
    "tensorflow.summary.merge": "v1.summary.merge([v1.summary.scalar('x', tf.constant(1.0))])",
    "tensorflow.train.Saver": LOSS + "v1.train.Saver()",
    "tensorflow.train.start_queue_runners": "v1.train.start_queue_runners(sess=v1.Session())",
    "tensorflow.train.shuffle_batch": "v1.train.shuffle_batch([tf.constant([1.0])], 2, 10, 2)",
    "tensorflow.train.batch": "v1.train.batch([tf.constant([1.0])], 2)",
    "tensorflow.train.string_input_producer": "v1.train.string_input_producer(['a'])",
    "tensorflow.train.MonitoredTrainingSession": "v1.train.MonitoredTrainingSession().close()",
    # Eagerly the import itself raises; in graph mode it needs a file to read, exported from another graph.
    "tensorflow.train.import_meta_graph": (
        "if tf.executing_eagerly():\n"
        "    v1.train.import_meta_graph(meta)\n"
        "else:\n"
        "    w = v1.get_variable('w', [1])\n"
        "    v1.train.export_meta_graph(meta)\n"
        "    with tf.Graph().as_default():\n"
        "        v1.train.import_meta_graph(meta)"
    ),
    "tensorflow.train.Optimizer": LOSS + "v1.train.GradientDescentOptimizer(0.1).minimize(loss)",
    "tensorflow.train.AdamOptimizer": LOSS + "v1.train.AdamOptimizer(0.1).minimize(loss)",
    "tensorflow.train.GradientDescentOptimizer": LOSS + "v1.train.GradientDescentOptimizer(0.1).minimize(loss)",
    "tensorflow.train.MomentumOptimizer": LOSS + "v1.train.MomentumOptimizer(0.1, 0.9).minimize(loss)",
    "tensorflow.train.RMSPropOptimizer": LOSS + "v1.train.RMSPropOptimizer(0.1).minimize(loss)",
    "tensorflow.train.AdagradOptimizer": LOSS + "v1.train.AdagradOptimizer(0.1).minimize(loss)",
    "tensorflow.train.AdadeltaOptimizer": LOSS + "v1.train.AdadeltaOptimizer(0.1).minimize(loss)",
    "tensorflow.train.FtrlOptimizer": LOSS + "v1.train.FtrlOptimizer(0.1).minimize(loss)",
    # The builder constructs eagerly; adding a session's graph to it is what needs graph mode.
    "tensorflow.saved_model.builder": "v1.saved_model.builder.SavedModelBuilder(logdir + '/m').add_meta_graph_and_variables(v1.Session(), ['serve'])",
    "tensorflow.saved_model.builder.SavedModelBuilder": "v1.saved_model.builder.SavedModelBuilder(logdir + '/m').add_meta_graph_and_variables(v1.Session(), ['serve'])",
    "tensorflow.saved_model.simple_save": "x = tf.constant([1.0])\nv1.saved_model.simple_save(v1.Session(), logdir + '/s', {'x': x}, {'y': x * 2.0})",
}

RUNNER = r'''
import json, sys, tempfile, os
import tensorflow as tf
v1 = tf.compat.v1
graph = sys.argv[1] == "graph"
if graph:
    v1.disable_v2_behavior()
probes = json.loads(sys.stdin.read())
out = {}
for name, source in probes.items():
    scratch = tempfile.mkdtemp()
    scope = {"tf": tf, "v1": v1, "logdir": scratch, "meta": os.path.join(scratch, "m.meta")}
    try:
        if graph:
            # A fresh graph per call: MonitoredTrainingSession finalizes the one it runs in.
            with tf.Graph().as_default():
                exec(source, scope)
        else:
            exec(source, scope)
        out[name] = None
    except Exception as error:
        text = str(error).strip().splitlines()
        out[name] = f"{type(error).__name__}: {text[0] if text else ''}"
print(json.dumps(out))
'''


def run(mode):
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-c", RUNNER, mode], input=json.dumps(PROBES), capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def facts():
    with open(FACTS, encoding="utf-8") as f:
        return json.load(f)["apis"]


def test_every_graph_mode_fact_has_a_probe():
    assert sorted(PROBES) == sorted(facts())


def test_each_call_raises_what_the_facts_say_under_eager_execution():
    raised = run("eager")
    assert {name: raised[name] for name in PROBES} == {name: fact["raises"] for name, fact in facts().items()}


def test_each_call_runs_after_disable_v2_behavior():
    raised = run("graph")
    assert {name: error for name, error in raised.items() if error} == {}
