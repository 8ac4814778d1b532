import { centerRows } from "../kernels/center-rows";
import { columnMeans } from "../kernels/column-means";
import { centeredGram, rowGram } from "../kernels/gram";
import { sum } from "../kernels/sums";
import { LENGTHS, block, close, eachCase, fill, get, guard, intact, release, set } from "./helpers";

const ROWS: i32[] = [1, 2, 3, 4, 5, 7, 9, 13];
const COLS: i32[] = [1, 2, 3, 7, 9];

describe("sum", () => {
  it("matches a scalar loop for every length and odd offsets", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      fill(x, n, 1);
      let total = 0.0;
      let scale = 0.0;
      for (let i = 0; i < n; i++) {
        total += get(x, i);
        scale += Math.abs(get(x, i));
      }
      expect(close(sum(x, n), total, scale)).toBe(true, `n=${n}`);
      release(x, off);
    });
  });
});

describe("columnMeans and centerRows", () => {
  it("compute the mean of each column and subtract it from every row", () => {
    for (let a = 0; a < ROWS.length; a++) {
      for (let b = 0; b < COLS.length; b++) {
        const rows = ROWS[a];
        const cols = COLS[b];
        const X = block(rows * cols, 1);
        const mean = block(cols, 0);
        const centered = block(rows * cols, 1);
        fill(X, rows * cols, 2);
        guard(mean, cols);
        guard(centered, rows * cols);
        columnMeans(X, rows, cols, mean);
        centerRows(X, rows, cols, mean, centered);
        expect(intact(mean, cols) && intact(centered, rows * cols)).toBe(true, "wrote past an output");
        for (let j = 0; j < cols; j++) {
          let total = 0.0;
          let scale = 0.0;
          for (let i = 0; i < rows; i++) {
            total += get(X, i * cols + j);
            scale += Math.abs(get(X, i * cols + j));
          }
          expect(close(get(mean, j), total / rows, scale / rows)).toBe(true, `mean ${rows}x${cols} col ${j}`);
          for (let i = 0; i < rows; i++) expect(get(centered, i * cols + j)).toBe(get(X, i * cols + j) - get(mean, j));
        }
        release(X, 1);
        release(mean, 0);
        release(centered, 1);
      }
    }
  });
});

describe("centeredGram", () => {
  it("equals (X - 1 m^T)^T (X - 1 m^T) and (X - 1 m^T)^T (Y - 1 c^T), symmetric, for row counts around the block of 4", () => {
    const k = 2;
    for (let a = 0; a < ROWS.length; a++) {
      for (let b = 0; b < COLS.length; b++) {
        const rows = ROWS[a];
        const cols = COLS[b];
        const X = block(rows * cols, 1);
        const Y = block(rows * k, 0);
        const xMean = block(cols, 1);
        const yMean = block(k, 0);
        const scratch = block(4 * (cols + k), 1);
        const G = block(cols * cols, 1);
        const XtY = block(cols * k, 0);
        fill(X, rows * cols, 3);
        fill(Y, rows * k, 4);
        fill(xMean, cols, 5);
        fill(yMean, k, 6);
        guard(G, cols * cols);
        guard(XtY, cols * k);
        centeredGram(X, rows, cols, xMean, Y, k, yMean, scratch, G, XtY);
        expect(intact(G, cols * cols) && intact(XtY, cols * k)).toBe(true, "centeredGram wrote past an output");
        for (let j = 0; j < cols; j++) {
          for (let l = 0; l < cols; l++) {
            let total = 0.0;
            let scale = 0.0;
            for (let i = 0; i < rows; i++) {
              const term = (get(X, i * cols + j) - get(xMean, j)) * (get(X, i * cols + l) - get(xMean, l));
              total += term;
              scale += Math.abs(term);
            }
            expect(close(get(G, j * cols + l), total, scale)).toBe(true, `G ${rows}x${cols} [${j}][${l}]`);
            expect(get(G, j * cols + l)).toBe(get(G, l * cols + j));
          }
          for (let o = 0; o < k; o++) {
            let total = 0.0;
            let scale = 0.0;
            for (let i = 0; i < rows; i++) {
              const term = (get(X, i * cols + j) - get(xMean, j)) * (get(Y, i * k + o) - get(yMean, o));
              total += term;
              scale += Math.abs(term);
            }
            expect(close(get(XtY, j * k + o), total, scale)).toBe(true, `XtY ${rows}x${cols} [${j}][${o}]`);
          }
        }
        release(X, 1);
        release(Y, 0);
        release(xMean, 1);
        release(yMean, 0);
        release(scratch, 1);
        release(G, 1);
        release(XtY, 0);
      }
    }
  });
});

describe("rowGram", () => {
  it("equals X X^T", () => {
    for (let a = 0; a < ROWS.length; a++) {
      const rows = ROWS[a];
      const cols = LENGTHS[a % LENGTHS.length] + 1;
      const X = block(rows * cols, 1);
      const K = block(rows * rows, 0);
      fill(X, rows * cols, 7);
      guard(K, rows * rows);
      rowGram(X, rows, cols, K);
      expect(intact(K, rows * rows)).toBe(true, "rowGram wrote past K");
      for (let i = 0; i < rows; i++) {
        for (let l = 0; l < rows; l++) {
          let total = 0.0;
          let scale = 0.0;
          for (let j = 0; j < cols; j++) {
            total += get(X, i * cols + j) * get(X, l * cols + j);
            scale += Math.abs(get(X, i * cols + j) * get(X, l * cols + j));
          }
          expect(close(get(K, i * rows + l), total, scale)).toBe(true, `K ${rows}x${cols} [${i}][${l}]`);
        }
      }
      release(X, 1);
      release(K, 0);
    }
  });

  it("gives [[5, 11], [11, 25]] for X = [[1, 2], [3, 4]]", () => {
    const X = block(4, 1);
    set(X, 0, 1.0);
    set(X, 1, 2.0);
    set(X, 2, 3.0);
    set(X, 3, 4.0);
    const K = block(4, 0);
    rowGram(X, 2, 2, K);
    expect(get(K, 0)).toBe(5.0);
    expect(get(K, 1)).toBe(11.0);
    expect(get(K, 2)).toBe(11.0);
    expect(get(K, 3)).toBe(25.0);
    release(X, 1);
    release(K, 0);
  });
});
