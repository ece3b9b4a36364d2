"""A model of a known size for bench/image: y = x @ W (W float32 [1024, N] random, seed given).

    python3 make_model.py OUT.onnx SEED [MEGABYTES]

Random weights compress poorly, so the model layer's pushed size stays close to the file's size.
"""

import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save_model

out, seed = sys.argv[1], int(sys.argv[2])
mb = float(sys.argv[3]) if len(sys.argv) > 3 else 8.0
cols = max(1, int(mb * 1024 * 1024 / 4 / 1024))
w = np.random.default_rng(seed).standard_normal((1024, cols)).astype(np.float32)
x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 1024])
y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", cols])
g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "bench", [x], [y], [numpy_helper.from_array(w, "W")])
save_model(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), out)
