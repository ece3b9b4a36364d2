"""Models the serving tests need beyond test/fixtures/onnx, made with the real onnx library.

    python3 make_models.py OUT_DIR

- warmup-fails.onnx: loads fine but every run fails (Reshape of [batch, 3] to a fixed [2, 2]), so
  a server that skipped its warm-up inference would report ready.
- two-inputs.onnx: a [batch, 2] float and a [batch] int64 input; output y = a[:, 0] + b (double).
"""

import json
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save_model

OPSET = [helper.make_opsetid("", 17)]


def main(out):
    os.makedirs(out, exist_ok=True)
    made = {}
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 3])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 2])
    shape = numpy_helper.from_array(np.array([2, 2], dtype=np.int64), name="shape")
    g = helper.make_graph([helper.make_node("Reshape", ["x", "shape"], ["y"])], "warmup_fails", [x], [y], [shape])
    made["warmup_fails"] = os.path.join(out, "warmup-fails.onnx")
    save_model(helper.make_model(g, opset_imports=OPSET, ir_version=8), made["warmup_fails"])

    a = helper.make_tensor_value_info("a", TensorProto.FLOAT, ["batch", 2])
    b = helper.make_tensor_value_info("b", TensorProto.INT64, ["batch"])
    y = helper.make_tensor_value_info("y", TensorProto.DOUBLE, ["batch"])
    idx = numpy_helper.from_array(np.array(0, dtype=np.int64), name="idx")
    nodes = [
        helper.make_node("Gather", ["a", "idx"], ["a0"], axis=1),
        helper.make_node("Cast", ["a0"], ["a0d"], to=TensorProto.DOUBLE),
        helper.make_node("Cast", ["b"], ["bd"], to=TensorProto.DOUBLE),
        helper.make_node("Add", ["a0d", "bd"], ["y"]),
    ]
    g = helper.make_graph(nodes, "two_inputs", [a, b], [y], [idx])
    made["two_inputs"] = os.path.join(out, "two-inputs.onnx")
    save_model(helper.make_model(g, opset_imports=OPSET, ir_version=8), made["two_inputs"])
    print(json.dumps(made))


if __name__ == "__main__":
    main(sys.argv[1])
