import { gemvT } from "../kernels/gemv-t";
import { block, close, eachShape, fill, get, guard, intact, release } from "./helpers";

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
      let bad = -1;
      for (let j = 0; j < cols; j++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let i = 0; i < rows; i++) {
          const term = get(X, i * cols + j) * get(r, i);
          sum += term;
          scale += Math.abs(term);
        }
        if (bad < 0 && !close(get(out, j), sum, scale)) bad = j;
      }
      expect(bad).toBe(-1, `gemvT ${rows}x${cols} offset ${off}: first wrong column`);
      release(X, off);
      release(r, off);
      release(out, off);
    });
  });
});
