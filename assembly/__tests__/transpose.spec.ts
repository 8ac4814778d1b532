import { transpose } from "../kernels/transpose";
import { LENGTHS, OFFSETS, block, fill, get, guard, intact, otherOffset, release } from "./helpers";

/**
 * Checks transpose on one shape, X at element offset off and the output at the other parity: X^T, and with a
 * mean, (X - 1 mean^T)^T, each entry the one subtraction x_ij - mean_j.
 */
function checkTranspose(rows: i32, cols: i32, off: i32, seed: i32, centered: bool): void {
  const X = block(rows * cols, off);
  const T = block(rows * cols, otherOffset(off));
  const mean = centered ? block(cols, off) : 0;
  fill(X, rows * cols, seed);
  if (centered) fill(mean, cols, seed + 1);
  guard(T, rows * cols);
  transpose(X, rows, cols, mean, T);
  let bad = -1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const expected = centered ? get(X, i * cols + j) - get(mean, j) : get(X, i * cols + j);
      if (bad < 0 && get(T, j * rows + i) != expected) bad = i * cols + j;
    }
  }
  expect(bad).toBe(-1, `${rows}x${cols} offset ${off} centered ${centered}: first wrong element of X`);
  expect(intact(T, rows * cols)).toBe(true);
  release(X, off);
  release(T, otherOffset(off));
  if (centered) release(mean, off);
}

describe("transpose", () => {
  it("writes X^T and (X - 1 mean^T)^T for shapes around the 8 x 8 tile and its 2 x 2 blocks", () => {
    const shapes: i32[] = [1, 2, 3, 8, 9, 17];
    for (let a = 0; a < shapes.length; a++) {
      for (let b = 0; b < shapes.length; b++) {
        checkTranspose(shapes[a], shapes[b], 1, a + b, false);
        checkTranspose(shapes[a], shapes[b], 0, a + b, true);
      }
    }
  });

  it("writes both for every pair of lengths, including 0 and 1001, and odd offsets", () => {
    for (let a = 0; a < LENGTHS.length; a++) {
      for (let b = 0; b < LENGTHS.length; b++) {
        for (let o = 0; o < OFFSETS.length; o++) {
          checkTranspose(LENGTHS[a], LENGTHS[b], OFFSETS[o], a * 3 + b, false);
          checkTranspose(LENGTHS[a], LENGTHS[b], OFFSETS[o], a * 3 + b, true);
        }
      }
    }
  });
});
