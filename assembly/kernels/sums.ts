import { at, laneSum, madd } from "./lanes";

/** sum_i x_i^2 over n elements (four f64x2 accumulators). */
export function sumSquares(x: usize, n: i32): f64 {
  let a0 = f64x2.splat(0.0);
  let a1 = f64x2.splat(0.0);
  let a2 = f64x2.splat(0.0);
  let a3 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const px = at(x, i);
    const v0 = v128.load(px);
    const v1 = v128.load(px, 16);
    const v2 = v128.load(px, 32);
    const v3 = v128.load(px, 48);
    a0 = madd(v0, v0, a0);
    a1 = madd(v1, v1, a1);
    a2 = madd(v2, v2, a2);
    a3 = madd(v3, v3, a3);
  }
  for (; i + 2 <= n; i += 2) {
    const v = v128.load(at(x, i));
    a0 = madd(v, v, a0);
  }
  let sum = laneSum(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)));
  for (; i < n; i++) {
    const v = load<f64>(at(x, i));
    sum += v * v;
  }
  return sum;
}

/** sum_i |x_i| over n elements (four f64x2 accumulators). */
export function sumAbs(x: usize, n: i32): f64 {
  let a0 = f64x2.splat(0.0);
  let a1 = f64x2.splat(0.0);
  let a2 = f64x2.splat(0.0);
  let a3 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const px = at(x, i);
    a0 = f64x2.add(a0, f64x2.abs(v128.load(px)));
    a1 = f64x2.add(a1, f64x2.abs(v128.load(px, 16)));
    a2 = f64x2.add(a2, f64x2.abs(v128.load(px, 32)));
    a3 = f64x2.add(a3, f64x2.abs(v128.load(px, 48)));
  }
  for (; i + 2 <= n; i += 2) {
    a0 = f64x2.add(a0, f64x2.abs(v128.load(at(x, i))));
  }
  let sum = laneSum(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)));
  for (; i < n; i++) sum += abs<f64>(load<f64>(at(x, i)));
  return sum;
}

/** sum_i x_i over n elements (two f64x2 accumulators). */
export function sum(x: usize, n: i32): f64 {
  let a0 = f64x2.splat(0.0);
  let a1 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const px = at(x, i);
    a0 = f64x2.add(a0, v128.load(px));
    a1 = f64x2.add(a1, v128.load(px, 16));
  }
  let total = laneSum(f64x2.add(a0, a1));
  for (; i < n; i++) total += load<f64>(at(x, i));
  return total;
}
