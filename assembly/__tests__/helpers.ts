// Test helpers: deterministic data and scalar reference loops the SIMD kernels are checked against.

export const LENGTHS: i32[] = [0, 1, 2, 3, 7, 8, 9, 1001];
/** Element offsets from a 16-byte aligned block: 1 and 3 leave the data only 8-byte aligned. */
export const OFFSETS: i32[] = [0, 1, 3];

/** A block of n + offset f64 values; returns the address of element `offset`. Free with release(). */
export function block(n: i32, offset: i32): usize {
  return heap.alloc(<usize>(n + offset + 1) << 3) + (<usize>offset << 3);
}

export function release(ptr: usize, offset: i32): void {
  heap.free(ptr - (<usize>offset << 3));
}

/** Fills n values with a deterministic mix of signs, magnitudes and exact zeros. */
export function fill(ptr: usize, n: i32, seed: i32): void {
  for (let i = 0; i < n; i++) {
    const k = i * 7 + seed * 13;
    const value = k % 11 == 0 ? 0.0 : Math.sin(<f64>k) * (1.0 + <f64>(k % 5));
    store<f64>(ptr + (<usize>i << 3), value);
  }
}

export function get(ptr: usize, i: i32): f64 {
  return load<f64>(ptr + (<usize>i << 3));
}

export function set(ptr: usize, i: i32, value: f64): void {
  store<f64>(ptr + (<usize>i << 3), value);
}

export function scalarDot(x: usize, y: usize, n: i32): f64 {
  let sum = 0.0;
  for (let i = 0; i < n; i++) sum += get(x, i) * get(y, i);
  return sum;
}

/** sum |x_i y_i|: the scale that bounds the rounding error of any summation order of x . y. */
export function dotScale(x: usize, y: usize, n: i32): f64 {
  let sum = 0.0;
  for (let i = 0; i < n; i++) sum += Math.abs(get(x, i) * get(y, i));
  return sum;
}

/** |a - b| <= 1e-12 * scale, with a floor for sums near 0. */
export function close(a: f64, b: f64, scale: f64): bool {
  return Math.abs(a - b) <= 1e-12 * scale + 1e-300;
}

export function sign(v: f64): f64 {
  if (v > 0) return 1.0;
  if (v < 0) return -1.0;
  return 0.0;
}

/** Calls check(n, offset) for every length in LENGTHS and every offset in OFFSETS. */
export function eachCase(check: (n: i32, offset: i32) => void): void {
  for (let a = 0; a < LENGTHS.length; a++) {
    for (let b = 0; b < OFFSETS.length; b++) check(LENGTHS[a], OFFSETS[b]);
  }
}

/** The other parity of offset: pairs an 8-byte aligned block with a 16-byte aligned one and vice versa. */
export function otherOffset(offset: i32): i32 {
  return 1 - offset % 2;
}

/** A value no kernel produces from the test data: written just past an output to catch overruns. */
const SENTINEL: f64 = -12345.678;

/** Marks the element just past n (every block has one spare element). */
export function guard(ptr: usize, n: i32): void {
  set(ptr, n, SENTINEL);
}

/** Whether the element just past n still holds the mark. */
export function intact(ptr: usize, n: i32): bool {
  return get(ptr, n) == SENTINEL;
}

/** Calls check(rows, cols, offset) for every rows and cols in LENGTHS and every offset. */
export function eachShape(check: (rows: i32, cols: i32, offset: i32) => void): void {
  for (let r = 0; r < LENGTHS.length; r++) {
    for (let c = 0; c < LENGTHS.length; c++) {
      for (let o = 0; o < OFFSETS.length; o++) check(LENGTHS[r], LENGTHS[c], OFFSETS[o]);
    }
  }
}

/** Writes values into consecutive f64 slots from ptr. */
export function setAll(ptr: usize, values: f64[]): void {
  for (let i = 0; i < values.length; i++) set(ptr, i, values[i]);
}

// An orthogonal, centered design: X = [[1, 0], [0, 1], [-1, 0], [0, -1]], y = [3, 1, -3, -1].
// X^T X = 2 I and X^T y = [6, 2], so the lasso solution is w_j = S(q_j, n lambda) / 2 in closed form:
// with lambda = 1 (alpha = 4), w = [S(6, 4) / 2, S(2, 4) / 2] = [1, 0].
export function orthogonalDesign(): usize {
  const X = block(8, 1);
  setAll(X, [1, 0, 0, 1, -1, 0, 0, -1]);
  return X;
}

export function orthogonalTargets(): usize {
  const y = block(4, 0);
  setAll(y, [3, 1, -3, -1]);
  return y;
}

/** B = A X for a row-major n x n A and n x k X, in a new block at offset 0 (the right-hand sides of a known solution). */
export function productOf(A: usize, n: i32, X: usize, k: i32): usize {
  const B = block(n * k, 0);
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < k; o++) {
      let total = 0.0;
      for (let j = 0; j < n; j++) total += get(A, i * n + j) * get(X, j * k + o);
      set(B, i * k + o, total);
    }
  }
  return B;
}
