import { at, laneSum, madd } from "./lanes";

/** x . y over n elements: four f64x2 accumulators (8 elements a step), then pairs, then a scalar tail. */
export function dot(x: usize, y: usize, n: i32): f64 {
  let a0 = f64x2.splat(0.0);
  let a1 = f64x2.splat(0.0);
  let a2 = f64x2.splat(0.0);
  let a3 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const px = at(x, i);
    const py = at(y, i);
    a0 = madd(v128.load(px), v128.load(py), a0);
    a1 = madd(v128.load(px, 16), v128.load(py, 16), a1);
    a2 = madd(v128.load(px, 32), v128.load(py, 32), a2);
    a3 = madd(v128.load(px, 48), v128.load(py, 48), a3);
  }
  for (; i + 2 <= n; i += 2) {
    a0 = f64x2.add(a0, f64x2.mul(v128.load(at(x, i)), v128.load(at(y, i))));
  }
  let sum = laneSum(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)));
  for (; i < n; i++) sum += load<f64>(at(x, i)) * load<f64>(at(y, i));
  return sum;
}
