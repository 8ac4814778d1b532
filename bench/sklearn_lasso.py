#!/usr/bin/python3
"""Times scikit-learn on data written by bench/exact.ts: Lasso.fit, lasso_path and LassoCV.fit.

usage: sklearn_lasso.py X.f64 y.f64 ROWS COLS LAMBDA REPEATS
Prints one JSON object with the median milliseconds of each task and the Lasso coefficients.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import Lasso, LassoCV, lasso_path

x_file, y_file, rows, cols, lam, repeats = sys.argv[1:7]
rows, cols, lam, repeats = int(rows), int(cols), float(lam), int(repeats)
X = np.fromfile(x_file, dtype="<f8").reshape(rows, cols)
y = np.fromfile(y_file, dtype="<f8")


def median_ms(task, count):
    task()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        task()
        times.append((time.perf_counter() - start) * 1e3)
    return float(np.median(times))


model = Lasso(alpha=lam)
result = {
    "sklearn": sklearn.__version__,
    "lasso": median_ms(lambda: model.fit(X, y), repeats),
    "path": median_ms(lambda: lasso_path(X, y, n_alphas=100, eps=1e-3), max(1, repeats // 3)),
}
if rows * cols <= 1_000_000 and cols < 500:
    result["lassoCV"] = median_ms(lambda: LassoCV(cv=5, n_alphas=100).fit(X, y), 1)
model.fit(X, y)
result["coef"] = model.coef_.tolist()
result["intercept"] = float(model.intercept_)
print(json.dumps(result))
