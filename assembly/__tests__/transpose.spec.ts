import { transpose } from "../kernels/transpose";
import { LENGTHS, OFFSETS, block, fill, get, guard, intact, otherOffset, release } from "./helpers";

/** Checks transpose on one shape, X at element offset off and the output at the other parity. */
function checkTranspose(rows: i32, cols: i32, off: i32, seed: i32): void {
  const X = block(rows * cols, off);
  const T = block(rows * cols, otherOffset(off));
  fill(X, rows * cols, seed);
  guard(T, rows * cols);
  transpose(X, rows, cols, T);
  let bad = -1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (bad < 0 && get(T, j * rows + i) != get(X, i * cols + j)) bad = i * cols + j;
  }
  expect(bad).toBe(-1, `${rows}x${cols} offset ${off}: first wrong element of X`);
  expect(intact(T, rows * cols)).toBe(true);
  release(X, off);
  release(T, otherOffset(off));
}

describe("transpose", () => {
  it("writes X^T for shapes around the 8 x 8 tile", () => {
    const shapes: i32[] = [1, 3, 8, 9, 17];
    for (let a = 0; a < shapes.length; a++) {
      for (let b = 0; b < shapes.length; b++) checkTranspose(shapes[a], shapes[b], 1, a + b);
    }
  });

  it("writes X^T for every pair of lengths, including 0 and 1001, and odd offsets", () => {
    for (let a = 0; a < LENGTHS.length; a++) {
      for (let b = 0; b < LENGTHS.length; b++) {
        for (let o = 0; o < OFFSETS.length; o++) checkTranspose(LENGTHS[a], LENGTHS[b], OFFSETS[o], a * 3 + b);
      }
    }
  });
});
