import { at, madd } from "./lanes";

/** y += alpha * x over n elements. */
export function axpy(alpha: f64, x: usize, y: usize, n: i32): void {
  const a = f64x2.splat(alpha);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const px = at(x, i);
    const py = at(y, i);
    v128.store(py, madd(a, v128.load(px), v128.load(py)));
    v128.store(py, madd(a, v128.load(px, 16), v128.load(py, 16)), 16);
  }
  for (; i < n; i++) {
    const py = at(y, i);
    store<f64>(py, load<f64>(py) + alpha * load<f64>(at(x, i)));
  }
}
