#!/usr/bin/python3
"""Times numpy's Xc.T @ Xc (Xc centered beforehand, not timed) for the shapes bench/gram.ts gives.

usage: numpy_gram.py ROWSxCOLS ...
Prints one JSON object: the median milliseconds per shape, and the BLAS threadpoolctl reports.
"""
import json
import sys
import time

import numpy as np

result = {}
for shape in sys.argv[1:]:
    rows, cols = (int(v) for v in shape.split("x"))
    X = np.sin(np.arange(rows * cols, dtype=np.float64) * 0.37).reshape(rows, cols)
    Xc = X - X.mean(axis=0)
    Xc.T @ Xc
    times = []
    for _ in range(15):
        start = time.perf_counter()
        Xc.T @ Xc
        times.append((time.perf_counter() - start) * 1e3)
    result[shape] = float(np.median(times))
try:
    from threadpoolctl import threadpool_info
    result["blas"] = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture', '')} x{i.get('num_threads')}" for i in threadpool_info() if i.get("user_api") == "blas"]
except ImportError:
    result["blas"] = []
print(json.dumps(result))
