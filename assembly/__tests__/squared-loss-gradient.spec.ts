import { squaredLossGradient } from "../kernels/squared-loss-gradient";
import { block, close, eachShape, fill, get, guard, intact, release, set } from "./helpers";

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
      let badResidual = -1;
      for (let i = 0; i < rows; i++) {
        let fitted = b;
        let scale = Math.abs(b) + Math.abs(get(y, i));
        for (let j = 0; j < cols; j++) {
          fitted += get(X, i * cols + j) * get(w, j);
          scale += Math.abs(get(X, i * cols + j) * get(w, j));
        }
        residual[i] = fitted - get(y, i);
        if (badResidual < 0 && !close(get(r, i), residual[i], scale)) badResidual = i;
        sumSq += residual[i] * residual[i];
        sumSqScale += scale * scale;
      }
      expect(badResidual).toBe(-1, `${rows}x${cols} offset ${off}: first wrong residual`);
      expect(close(loss, sumSq / (2.0 * rows), sumSqScale / rows)).toBe(true, `loss ${rows}x${cols}`);
      let badGradient = -1;
      for (let j = 0; j < cols; j++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let i = 0; i < rows; i++) {
          sum += get(X, i * cols + j) * residual[i];
          scale += Math.abs(get(X, i * cols + j) * residual[i]);
        }
        if (badGradient < 0 && !close(get(grad, j), sum / rows, scale)) badGradient = j;
      }
      expect(badGradient).toBe(-1, `${rows}x${cols} offset ${off}: first wrong gradient entry`);
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
