#!/usr/bin/python3
"""Times scikit-learn's Ridge(alpha = n * lambda, solver="cholesky").fit on data written by bench/fits.ts.

usage: sklearn_ridge.py X.f64 y.f64 ROWS COLS LAMBDA REPEATS
X.f64 and y.f64 are raw little-endian float64 (X row-major). Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import Ridge

x_file, y_file, rows, cols, lam, repeats = sys.argv[1:7]
rows, cols, lam, repeats = int(rows), int(cols), float(lam), int(repeats)
X = np.fromfile(x_file, dtype="<f8").reshape(rows, cols)
y = np.fromfile(y_file, dtype="<f8")
model = Ridge(alpha=rows * lam, solver="cholesky")
model.fit(X, y)
times = []
for _ in range(repeats):
    start = time.perf_counter()
    model.fit(X, y)
    times.append((time.perf_counter() - start) * 1e3)
try:
    from threadpoolctl import threadpool_info
    blas = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture', '')} x{i.get('num_threads')}"
            for i in threadpool_info() if i.get("user_api") == "blas"]
except ImportError:
    blas = []
print(json.dumps({"medianMs": float(np.median(times)), "sklearn": sklearn.__version__, "blas": blas,
                  "coef": model.coef_.tolist(), "intercept": float(model.intercept_)}))
