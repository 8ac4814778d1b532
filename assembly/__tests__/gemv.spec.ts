import { gemv } from "../kernels/gemv";
import { block, close, eachShape, fill, get, guard, intact, release } from "./helpers";

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
      let bad = -1;
      for (let i = 0; i < rows; i++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let j = 0; j < cols; j++) {
          const term = get(X, i * cols + j) * get(w, j);
          sum += term;
          scale += Math.abs(term);
        }
        if (bad < 0 && !close(get(out, i), sum, scale)) bad = i;
      }
      expect(bad).toBe(-1, `gemv ${rows}x${cols} offset ${off}: first wrong row`);
      release(X, off);
      release(w, off);
      release(out, off);
    });
  });
});
