import { gemv } from "../kernels/gemv";
import { gemvT } from "../kernels/gemv-t";
import { squaredLossGradient } from "../kernels/squared-loss-gradient";
import { LENGTHS, OFFSETS, block, close, fill, get, guard, intact, release, set } from "./helpers";

const ROWS: i32[] = [0, 1, 2, 3, 7, 9];

/** Calls check(rows, cols, offset) for every shape and offset. */
function eachShape(check: (rows: i32, cols: i32, offset: i32) => void): void {
  for (let r = 0; r < ROWS.length; r++) {
    for (let c = 1; c < LENGTHS.length; c++) {
      for (let o = 0; o < OFFSETS.length; o++) check(ROWS[r], LENGTHS[c], OFFSETS[o]);
    }
  }
}

describe("gemv", () => {
  it("computes X w row by row as scalar loops do", () => {
    eachShape((rows: i32, cols: i32, off: i32): void => {
      const X = block(rows * cols, off);
      const w = block(cols, off);
      const out = block(rows, off);
      fill(X, rows * cols, 1);
      fill(w, cols, 2);
      guard(out, rows);
      gemv(X, rows, cols, w, out);
      expect(intact(out, rows)).toBe(true, "gemv wrote past its output");
      for (let i = 0; i < rows; i++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let j = 0; j < cols; j++) {
          const term = get(X, i * cols + j) * get(w, j);
          sum += term;
          scale += Math.abs(term);
        }
        expect(close(get(out, i), sum, scale)).toBe(true, `gemv ${rows}x${cols} row ${i}`);
      }
      release(X, off);
      release(w, off);
      release(out, off);
    });
  });
});

describe("gemvT", () => {
  it("computes X^T r column by column as scalar loops do", () => {
    eachShape((rows: i32, cols: i32, off: i32): void => {
      const X = block(rows * cols, off);
      const r = block(rows, off);
      const out = block(cols, off);
      fill(X, rows * cols, 3);
      fill(r, rows, 4);
      fill(out, cols, 9); // garbage that gemvT must overwrite
      guard(out, cols);
      gemvT(X, rows, cols, r, out);
      expect(intact(out, cols)).toBe(true, "gemvT wrote past its output");
      for (let j = 0; j < cols; j++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let i = 0; i < rows; i++) {
          const term = get(X, i * cols + j) * get(r, i);
          sum += term;
          scale += Math.abs(term);
        }
        expect(close(get(out, j), sum, scale)).toBe(true, `gemvT ${rows}x${cols} column ${j}`);
      }
      release(X, off);
      release(r, off);
      release(out, off);
    });
  });
});

describe("squaredLossGradient", () => {
  it("returns (1/2n)||Xw + b - y||^2 and writes r and X^T r / n, as separate scalar loops compute", () => {
    eachShape((rows: i32, cols: i32, off: i32): void => {
      if (rows == 0) return;
      const X = block(rows * cols, off);
      const w = block(cols, off);
      const y = block(rows, off);
      const r = block(rows, off);
      const grad = block(cols, off);
      fill(X, rows * cols, 5);
      fill(w, cols, 6);
      fill(y, rows, 7);
      fill(grad, cols, 8);
      const b = 0.25;
      guard(r, rows);
      guard(grad, cols);
      const loss = squaredLossGradient(X, rows, cols, w, b, y, r, grad);
      expect(intact(r, rows) && intact(grad, cols)).toBe(true, "squaredLossGradient wrote past an output");
      let sumSq = 0.0;
      let sumSqScale = 0.0;
      const residual = new StaticArray<f64>(rows);
      for (let i = 0; i < rows; i++) {
        let fitted = b;
        let scale = Math.abs(b) + Math.abs(get(y, i));
        for (let j = 0; j < cols; j++) {
          fitted += get(X, i * cols + j) * get(w, j);
          scale += Math.abs(get(X, i * cols + j) * get(w, j));
        }
        residual[i] = fitted - get(y, i);
        expect(close(get(r, i), residual[i], scale)).toBe(true, `residual ${i}`);
        sumSq += residual[i] * residual[i];
        sumSqScale += scale * scale;
      }
      expect(close(loss, sumSq / (2.0 * rows), sumSqScale / rows)).toBe(true, `loss ${rows}x${cols}`);
      for (let j = 0; j < cols; j++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let i = 0; i < rows; i++) {
          sum += get(X, i * cols + j) * residual[i];
          scale += Math.abs(get(X, i * cols + j) * residual[i]);
        }
        expect(close(get(grad, j), sum / rows, scale)).toBe(true, `gradient ${j}`);
      }
      release(X, off);
      release(w, off);
      release(y, off);
      release(r, off);
      release(grad, off);
    });
  });

  it("gives the hand-computed values of the seed's worked example at w = 0, b = 0", () => {
    // X = [[1, 0.1], [2, 0.2], [3, 0.1], [4, 0.3]], y = [2.1, 4.0, 6.1, 7.9]: the seed's first
    // iteration has error -y and data gradient X^T(-y)/4 = [-15.0, -0.9975].
    const X = block(8, 1);
    const values: f64[] = [1, 0.1, 2, 0.2, 3, 0.1, 4, 0.3];
    for (let k = 0; k < 8; k++) set(X, k, values[k]);
    const y = block(4, 0);
    const targets: f64[] = [2.1, 4.0, 6.1, 7.9];
    for (let i = 0; i < 4; i++) set(y, i, targets[i]);
    const w = block(2, 0);
    set(w, 0, 0.0);
    set(w, 1, 0.0);
    const r = block(4, 0);
    const grad = block(2, 1);
    const loss = squaredLossGradient(X, 4, 2, w, 0.0, y, r, grad);
    expect(get(grad, 0)).toBeCloseTo(-15.0, 12);
    expect(get(grad, 1)).toBeCloseTo(-0.9975, 12);
    // (2.1^2 + 4^2 + 6.1^2 + 7.9^2) / 8 = (4.41 + 16 + 37.21 + 62.41) / 8 = 120.03 / 8
    expect(loss).toBeCloseTo(120.03 / 8.0, 12);
    for (let i = 0; i < 4; i++) expect(get(r, i)).toBe(-targets[i]);
    release(X, 1);
    release(y, 0);
    release(w, 0);
    release(r, 0);
    release(grad, 1);
  });
});
