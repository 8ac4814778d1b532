import { centerRows } from "../kernels/center-rows";
import { block, eachShape, fill, get, guard, intact, otherOffset, release } from "./helpers";

describe("centerRows", () => {
  it("subtracts the mean from every row, element by element, for every shape and odd offsets", () => {
    eachShape((rows: i32, cols: i32, off: i32): void => {
      const X = block(rows * cols, off);
      const mean = block(cols, otherOffset(off));
      const centered = block(rows * cols, otherOffset(off));
      fill(X, rows * cols, 2);
      fill(mean, cols, 3);
      guard(centered, rows * cols);
      centerRows(X, rows, cols, mean, centered);
      expect(intact(centered, rows * cols)).toBe(true, "centerRows wrote past its output");
      let bad = -1;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          if (bad < 0 && get(centered, i * cols + j) != get(X, i * cols + j) - get(mean, j)) bad = i * cols + j;
        }
      }
      expect(bad).toBe(-1, `${rows}x${cols} offset ${off}: first wrong element`);
      release(X, off);
      release(mean, otherOffset(off));
      release(centered, otherOffset(off));
    });
  });

  it("works in place (out = X)", () => {
    const rows = 9;
    const cols = 7;
    const X = block(rows * cols, 1);
    const before = block(rows * cols, 0);
    const mean = block(cols, 0);
    fill(X, rows * cols, 4);
    fill(before, rows * cols, 4);
    fill(mean, cols, 5);
    centerRows(X, rows, cols, mean, X);
    for (let i = 0; i < rows * cols; i++) expect(get(X, i)).toBe(get(before, i) - get(mean, i % cols));
    release(X, 1);
    release(before, 0);
    release(mean, 0);
  });
});
