import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, array, bothBackends, on, packInt32, value } from "../helpers.js";

const [js, wasm] = bothBackends();

/** A rows x cols matrix with about half its entries exactly 0, in CSR form, and a vector and matrix to multiply. */
const sparse = fc
  .record({ rows: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 30 }), n: fc.integer({ min: 0, max: 5 }) })
  .chain(({ rows, cols, n }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      n: fc.constant(n),
      dense: array(rows * cols, fc.oneof(fc.constant(0), value)),
      x: array(cols),
      X: array(n * cols),
    }),
  )
  .map((s) => {
    const values: number[] = [];
    const columnIndices: number[] = [];
    const rowPointers = [0];
    for (let i = 0; i < s.rows; i++) {
      for (let j = 0; j < s.cols; j++) {
        if (s.dense[i * s.cols + j] !== 0) {
          values.push(s.dense[i * s.cols + j]);
          columnIndices.push(j);
        }
      }
      rowPointers.push(values.length);
    }
    return { ...s, values: Float64Array.from(values), columnIndices: packInt32(columnIndices), rowPointers: packInt32(rowPointers) };
  });

describe("csr: the JS and WASM backends agree (relative 1e-12)", () => {
  it("csrMatVec: A x", () => {
    fc.assert(
      fc.property(sparse, ({ rows, cols, dense, x, values, columnIndices, rowPointers }) => {
        const run = (b: Backend) =>
          on(b, [values, columnIndices, rowPointers, x, new Float64Array(rows)], ([bv, bc, bp, bx, out]) => {
            b.csrMatVec(bv, bc, bp, rows, bx, out);
            return out.values.slice();
          });
        const [a, c] = [run(js), run(wasm)];
        for (let i = 0; i < rows; i++) {
          let scale = 0;
          for (let j = 0; j < cols; j++) scale += Math.abs(dense[i * cols + j] * x[j]);
          expect(agree(a[i], c[i], scale)).toBe(true);
        }
      }),
    );
  });

  it("csrTimesRows: every row of X against every row of A", () => {
    fc.assert(
      fc.property(sparse, ({ rows, cols, n, dense, X, values, columnIndices, rowPointers }) => {
        const run = (b: Backend) =>
          on(b, [values, columnIndices, rowPointers, X, new Float64Array(n * rows)], ([bv, bc, bp, bX, out]) => {
            b.csrTimesRows(bv, bc, bp, rows, bX, n, cols, out);
            return out.values.slice();
          });
        const [a, c] = [run(js), run(wasm)];
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < rows; o++) {
            let scale = 0;
            for (let j = 0; j < cols; j++) scale += Math.abs(dense[o * cols + j] * X[i * cols + j]);
            expect(agree(a[i * rows + o], c[i * rows + o], scale)).toBe(true);
          }
        }
      }),
    );
  });
});
