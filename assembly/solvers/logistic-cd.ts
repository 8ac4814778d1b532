import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";

/**
 * Coordinate descent epochs of one proximal Newton step of the logistic models, glmnet's inner loop (Friedman,
 * Hastie & Tibshirani 2010, section 3): minimizes (1/2n) sum_i h_i (z_i - b - x_i w)^2 + lambda (rho ||w||_1 +
 * (1 - rho)/2 ||w||^2) over the coordinates listed in `set` (i32 indices) and, with fitIntercept, over b, on the
 * raw columns of X: Xc is X column-major (cols x rows, feature j at row j). It carries the weighted residual
 * r_i = h_i (z_i - b - x_i w) (in place), so that coordinate j's update needs g_j = x_j^T r / n and
 * v_j = (1/n) sum_i h_i x_ij^2 (kept in v, computed on first use where v_j is NaN):
 *   w_j <- S(g_j + v_j w_j, lambda rho) / (v_j + lambda (1 - rho)),  r <- r - (w_j' - w_j) h x_j,
 * S the soft threshold (one-sided when positive); then b <- b + sum_i r_i / sum_i h_i. As glmnet, after an epoch
 * over the whole set the epochs visit only its nonzero weights until they settle, then the whole set again; the
 * loop stops after a whole-set epoch whose largest v_j dw_j^2 (and hsum / n db^2) is <= tol, or after maxEpochs.
 * out = [epochs, b].
 */
export function logisticCd(
  Xc: usize, rows: i32, cols: i32, h: usize, r: usize, w: usize, v: usize, set: usize, setSize: i32,
  lambda: f64, rho: f64, positive: bool, fitIntercept: bool, b: f64, maxEpochs: i32, tol: f64, out: usize,
): void {
  const n = <f64>rows;
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  let hsum = 0.0;
  for (let i = 0; i < rows; i++) hsum += load<f64>(at(h, i));
  let epochs = 0;
  let whole = true;
  while (epochs < maxEpochs) {
    epochs++;
    let largest = 0.0;
    for (let m = 0; m < setSize; m++) {
      const j = load<i32>(set + ((<usize>m) << 2));
      if (!whole && load<f64>(at(w, j)) == 0) continue;
      const xj = Xc + ((<usize>j * <usize>rows) << 3);
      let vj = load<f64>(at(v, j));
      if (isNaN(vj)) {
        vj = weightedSquares(xj, h, rows) / n;
        store<f64>(at(v, j), vj);
      }
      const denominator = vj + l2;
      if (!(denominator > 0)) continue;
      const wj = load<f64>(at(w, j));
      const u = dot(xj, r, rows) / n + vj * wj;
      const shrunk = positive ? max<f64>(u - l1, 0.0) : max<f64>(u - l1, 0.0) + min<f64>(u + l1, 0.0);
      const next = shrunk / denominator;
      if (next == wj) continue;
      const delta = next - wj;
      store<f64>(at(w, j), next);
      subtractWeighted(r, h, xj, delta, rows);
      largest = max<f64>(largest, vj * delta * delta);
    }
    if (fitIntercept && hsum > 0) {
      let total = 0.0;
      for (let i = 0; i < rows; i++) total += load<f64>(at(r, i));
      const delta = total / hsum;
      if (delta != 0) {
        b += delta;
        for (let i = 0; i < rows; i++) store<f64>(at(r, i), load<f64>(at(r, i)) - delta * load<f64>(at(h, i)));
        largest = max<f64>(largest, (hsum / n) * delta * delta);
      }
    }
    if (largest <= tol) {
      if (whole) break;
      whole = true;
    } else whole = false;
  }
  store<f64>(out, <f64>epochs);
  store<f64>(out, b, 8);
}

/** sum_i h_i x_i^2, two lanes. */
function weightedSquares(x: usize, h: usize, n: i32): f64 {
  let acc = f64x2.splat(0.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const xi = v128.load(at(x, i));
    acc = f64x2.add(acc, f64x2.mul(v128.load(at(h, i)), f64x2.mul(xi, xi)));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < n; i++) {
    const xi = load<f64>(at(x, i));
    sum += load<f64>(at(h, i)) * (xi * xi);
  }
  return sum;
}

/** r_i -= delta h_i x_i, two lanes. */
function subtractWeighted(r: usize, h: usize, x: usize, delta: f64, n: i32): void {
  const d2 = f64x2.splat(delta);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const p = at(r, i);
    v128.store(p, f64x2.sub(v128.load(p), f64x2.mul(d2, f64x2.mul(v128.load(at(h, i)), v128.load(at(x, i))))));
  }
  for (; i < n; i++) store<f64>(at(r, i), load<f64>(at(r, i)) - delta * (load<f64>(at(h, i)) * load<f64>(at(x, i))));
}
