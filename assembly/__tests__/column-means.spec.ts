import { columnMeans } from "../kernels/column-means";
import { LENGTHS, OFFSETS, block, close, fill, get, guard, intact, otherOffset, release } from "./helpers";

const ROWS: i32[] = [1, 2, 3, 4, 5, 7, 8, 9, 13, 1001];

describe("columnMeans", () => {
  it("computes the mean of each column for every shape and odd offsets", () => {
    for (let a = 0; a < ROWS.length; a++) {
      for (let b = 0; b < LENGTHS.length; b++) {
        for (let o = 0; o < OFFSETS.length; o++) {
          const rows = ROWS[a];
          const cols = LENGTHS[b];
          const off = OFFSETS[o];
          const X = block(rows * cols, off);
          const mean = block(cols, otherOffset(off));
          fill(X, rows * cols, 2);
          fill(mean, cols, 9); // garbage that columnMeans must overwrite
          guard(mean, cols);
          columnMeans(X, rows, cols, mean);
          expect(intact(mean, cols)).toBe(true, "columnMeans wrote past its output");
          let bad = -1;
          for (let j = 0; j < cols; j++) {
            let total = 0.0;
            let scale = 0.0;
            for (let i = 0; i < rows; i++) {
              total += get(X, i * cols + j);
              scale += Math.abs(get(X, i * cols + j));
            }
            if (bad < 0 && !close(get(mean, j), total / rows, scale / rows)) bad = j;
          }
          expect(bad).toBe(-1, `${rows}x${cols} offset ${off}: first wrong mean`);
          release(X, off);
          release(mean, otherOffset(off));
        }
      }
    }
  });
});
