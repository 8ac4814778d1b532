import { at } from "./lanes";

/** x *= alpha over n elements. */
export function scal(alpha: f64, x: usize, n: i32): void {
  const a = f64x2.splat(alpha);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const px = at(x, i);
    v128.store(px, f64x2.mul(a, v128.load(px)));
  }
  for (; i < n; i++) {
    const px = at(x, i);
    store<f64>(px, alpha * load<f64>(px));
  }
}
