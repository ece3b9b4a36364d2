#!/usr/bin/env python3
"""Python side of bench/model-scan (run.mjs drives it).

  bench_helper.py make-inputs WORKDIR     large inputs: 1 GiB joblib of numpy arrays, 2 GiB joblib
                                          (peak-RSS run), ~1 GiB PyTorch-format zip, 10,000 pickles
  bench_helper.py detect CORPUS OUT.json  runs picklescan and modelscan (their Python APIs, one
                                          process) on every fixture in CORPUS/manifest.json

Nothing here unpickles anything: picklescan and modelscan only parse, and the inputs are written
with the real pickler/joblib/zipfile.
"""
import collections
import io
import json
import os
import pickle
import struct
import sys
import zipfile


def make_joblib(path, total_bytes, seed):
    import joblib
    import numpy as np

    rng = np.random.default_rng(seed)
    per = 64 * 1024 * 1024
    arrays = {}
    k = 0
    left = total_bytes
    while left > 0:
        n = min(per, left) // 8
        arrays[f"layer{k}"] = rng.random(n)
        left -= n * 8
        k += 1
    # A little model structure around the arrays, like a fitted estimator's state would carry.
    obj = {"arrays": arrays, "meta": collections.OrderedDict(version=1, classes=np.arange(10))}
    joblib.dump(obj, path)


def make_torch_zip(path, total_bytes):
    """torch.save layout: archive/data.pkl (protocol 2, persistent ids) + stored storages."""
    # The same stand-in torch the test fixtures use (pickles name torch._utils._rebuild_tensor_v2
    # and torch.FloatStorage without torch installed).
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "model"))
    from make_fixtures import install_fake_torch

    torch, utils = install_fake_torch()
    _rebuild_tensor_v2, FloatStorage = utils._rebuild_tensor_v2, torch.FloatStorage

    class Storage:
        def __init__(self, key, numel):
            self.key, self.numel = key, numel

    class Tensor:
        def __init__(self, st):
            self.st = st

        def __reduce__(self):
            return (_rebuild_tensor_v2, (self.st, 0, (self.st.numel,), (1,), False, collections.OrderedDict()))

    class P(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, Storage):
                return ("storage", FloatStorage, obj.key, "cpu", obj.numel)
            return None

    per = 16 * 1024 * 1024
    count = total_bytes // per
    storages = [Storage(str(k), per // 4) for k in range(count)]
    sd = collections.OrderedDict((f"block{k}.weight", Tensor(s)) for k, s in enumerate(storages))
    buf = io.BytesIO()
    P(buf, protocol=2).dump(sd)
    payload = os.urandom(per)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as z:
        z.writestr("archive/data.pkl", buf.getvalue())
        z.writestr("archive/byteorder", "little")
        for s in storages:
            z.writestr(f"archive/data/{s.key}", payload)
        z.writestr("archive/version", "3\n")
    del sys.modules["torch"], sys.modules["torch._utils"]


def make_small(dirpath, count):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.random.default_rng(0).random((50, 6))
    y = (X[:, 0] > 0.5).astype(int)
    model = LogisticRegression().fit(X, y)
    os.makedirs(dirpath, exist_ok=True)
    for i in range(count):
        with open(os.path.join(dirpath, f"model-{i:05d}.pkl"), "wb") as f:
            pickle.dump({"id": i, "model": model}, f, protocol=4)


def make_inputs(work):
    os.makedirs(work, exist_ok=True)
    targets = [
        ("big.joblib", lambda p: make_joblib(p, 1 << 30, 1)),
        ("big-2g.joblib", lambda p: make_joblib(p, 2 << 30, 2)),
        ("big.pt", lambda p: make_torch_zip(p, 1 << 30)),
    ]
    for name, fn in targets:
        p = os.path.join(work, name)
        if not os.path.exists(p):
            fn(p + ".tmp")
            os.replace(p + ".tmp", p)
    small = os.path.join(work, "small")
    if not os.path.exists(os.path.join(small, "model-09999.pkl")):
        make_small(small, 10000)


def detect(corpus, out, manifest_name="manifest.json"):
    import logging

    logging.disable(logging.CRITICAL)
    from picklescan.scanner import scan_file_path, scan_directory_path
    from modelscan.modelscan import ModelScan

    manifest = json.load(open(os.path.join(corpus, manifest_name)))
    rows = []
    for m in manifest:
        p = os.path.join(corpus, m["name"])
        row = {"name": m["name"]}
        try:
            r = scan_directory_path(p) if os.path.isdir(p) else scan_file_path(p)
            dangerous = [f"{g.module}.{g.name}" for g in r.globals if str(g.safety).endswith("Dangerous")]
            row["picklescan"] = {"infected": r.infected_files, "issues": r.issues_count, "error": bool(r.scan_err), "dangerous": dangerous}
        except Exception as e:  # a crash is reported as an error outcome
            row["picklescan"] = {"infected": 0, "issues": 0, "error": True, "dangerous": [], "exception": repr(e)[:200]}
        try:
            res = ModelScan().scan(p)
            issues = res.get("issues", [])
            row["modelscan"] = {
                "issues": len(issues),
                "error": len(res.get("errors", [])) > 0,
                "dangerous": sorted({f"{i.get('module')}.{i.get('operator')}" for i in issues}),
            }
        except Exception as e:
            row["modelscan"] = {"issues": 0, "error": True, "dangerous": [], "exception": repr(e)[:200]}
        rows.append(row)
    json.dump(rows, open(out, "w"), indent=1)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "make-inputs":
        make_inputs(sys.argv[2])
    elif cmd == "detect":
        detect(sys.argv[2], sys.argv[3], *sys.argv[4:5])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
