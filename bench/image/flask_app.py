"""The hand-written alternative bench/image compares the built-in server with: Flask + onnxruntime
(PyPI), served by gunicorn, as a typical model endpoint is written. Same request and response JSON.

    MODEL_PATH=model.onnx gunicorn -w 2 -b 127.0.0.1:PORT flask_app:app
"""

import os

import numpy as np
import onnxruntime as ort
from flask import Flask, jsonify, request

opts = ort.SessionOptions()
opts.intra_op_num_threads = int(os.environ.get("ORT_THREADS", "1"))
session = ort.InferenceSession(os.environ["MODEL_PATH"], opts, providers=["CPUExecutionProvider"])
input_name = session.get_inputs()[0].name
output_names = [o.name for o in session.get_outputs()]
app = Flask(__name__)


@app.post("/predict")
def predict():
    body = request.get_json(force=True)
    x = np.asarray(body["instances"], dtype=np.float32)
    outputs = session.run(output_names, {input_name: x})
    return jsonify({"outputs": {n: o.tolist() for n, o in zip(output_names, outputs)}})


@app.get("/healthz")
def healthz():
    return jsonify({"status": "ready"})
