import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CsrMatrix, gemv, init, l1Gradient, nmPrune, prune, softL1Gradient, type BackendName } from "../../src/index.js";

beforeAll(() => init());

describe("prune and nmPrune", () => {
  it("prunes by threshold and by fraction, in the shape given", () => {
    expect(Array.from(prune([0.5, -0.01, 0.2, -3, 0.05], { threshold: 0.1 }))).toEqual([0.5, 0, 0.2, -3, 0]);
    // The seed's 3 x 4 example keeps 5 of 12 weights: prune the 7 smallest.
    const W = [[0.5, 0.3, 0.1, 0.4], [0.2, 0.6, 0.3, 0.1], [0.1, 0.2, 0.7, 0.3]];
    const pruned = prune(W, { fraction: 7 / 12 });
    expect(pruned.flatMap((row) => Array.from(row)).filter((v) => v !== 0)).toHaveLength(5);
    expect(pruned.map((row) => Array.from(row))).toEqual([[0.5, 0, 0, 0.4], [0, 0.6, 0, 0], [0, 0, 0.7, 0.3]]);
    expect(() => prune([1], { fraction: 1.5 })).toThrow(/fraction must be in \[0, 1\], got 1.5/);
    expect(() => prune([1], { threshold: -1 })).toThrow(/threshold must be a finite number >= 0/);
  });

  it("keeps at most n of every m entries along each row, the largest", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((m) => fc.record({
          m: fc.constant(m),
          n: fc.integer({ min: 0, max: m }),
          W: fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 4 }),
        })),
        ({ m, n, W }) => {
          const out = nmPrune(W, { n, m });
          out.forEach((row, i) => {
            for (let start = 0; start < row.length; start += m) {
              const group = Array.from(row.slice(start, start + m));
              expect(group.filter((v) => v !== 0).length).toBeLessThanOrEqual(n);
              const kept = group.filter((v) => v !== 0).map(Math.abs);
              const dropped = W[i].slice(start, start + m).filter((_, g) => group[g] === 0).map(Math.abs);
              if (kept.length > 0 && dropped.length > 0) expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...dropped));
            }
          });
        },
      ),
    );
    expect(Array.from(nmPrune([[1, -4, 3, 2, 5, 0.5, -6, 1]])[0])).toEqual([0, -4, 3, 0, 5, 0, -6, 0]);
    expect(() => nmPrune([[1, 2]], { n: 5, m: 4 })).toThrow(/n must be an integer in \[0, m\] = \[0, 4\], got 5/);
  });
});

describe.each<BackendName>(["wasm", "js"])("CSR on the %s backend", (backend) => {
  it("round-trips and multiplies like the dense matrix, on random matrices", () => {
    fc.assert(
      fc.property(
        fc.record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 12 }) }).chain(({ rows, cols }) => fc.record({
          A: fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          x: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: cols, maxLength: cols }),
        })),
        ({ A, x }) => {
          const csr = CsrMatrix.fromDense(A);
          expect(csr.toDense().map((row) => Array.from(row))).toEqual(A.map((row) => row.map((v) => (v === 0 ? 0 : v))));
          expect(csr.nnz).toBe(A.flat().filter((v) => v !== 0).length);
          const sparse = csr.multiply(x, { backend });
          const dense = gemv(A, x, { backend: "js" });
          sparse.forEach((v, i) => {
            const scale = A[i].reduce((s, a, j) => s + Math.abs(a * x[j]), 0);
            expect(Math.abs(v - dense[i])).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
          });
        },
      ),
    );
  });

  it("rejects parts that do not form a CSR matrix", () => {
    const parts = { rows: 2, cols: 3, values: [1, 2], columnIndices: [0, 2], rowPointers: [0, 1, 2] };
    expect(new CsrMatrix(parts).multiply([1, 1, 1], { backend })).toEqual(Float64Array.of(1, 2));
    expect(() => new CsrMatrix({ ...parts, columnIndices: [0, 3] })).toThrow(/columnIndices\[1\] is 3: column indices must be integers in \[0, 3\)/);
    expect(() => new CsrMatrix({ ...parts, rowPointers: [0, 2, 1] })).toThrow(/rowPointers must start at 0 and end at nnz = 2/);
    expect(() => new CsrMatrix({ ...parts, rowPointers: [0, 2] })).toThrow(/rowPointers has length 2 but rows \+ 1 has length 3/);
    expect(() => new CsrMatrix(parts).multiply([1, 1], { backend })).toThrow(/x has length 2 but the columns of A has length 3/);
  });

  it("softL1Gradient is lambda w / (|w| + eps), near lambda sign(w) for |w| >> eps and 0 at 0", () => {
    const g = softL1Gradient([5, -2, 0, 1e-9], 0.1, 1e-3, { backend });
    expect(g[0]).toBeCloseTo((0.1 * 5) / 5.001, 15);
    expect(g[1]).toBeCloseTo((0.1 * -2) / 2.001, 15);
    expect(g[2]).toBe(0);
    expect(g[3]).toBeCloseTo((0.1 * 1e-9) / (1e-9 + 1e-3), 20);
    const hard = l1Gradient([5, -2], 0.1, { backend });
    expect(Math.abs(g[0] - hard[0])).toBeLessThan(1e-4);
    expect(() => softL1Gradient([1], 0.1, 0, { backend })).toThrow(/eps must be a finite number > 0, got 0/);
  });
});

describe.each<BackendName>(["wasm", "js"])("sparse inference on the %s backend", (backend) => {
  it("toSparse predicts like the dense model; pruningReport gives the seed's 12 -> 5 multiplications (58%)", async () => {
    const { Ridge, pruningReport } = await import("../../src/index.js");
    // Three outputs of four features whose fitted weights are the seed's 3 x 4 example (W^T).
    const W = [[0.5, 0.3, 0.1, 0.4], [0.2, 0.6, 0.3, 0.1], [0.1, 0.2, 0.7, 0.3]];
    const X = Array.from({ length: 30 }, (_, i) => [Math.sin(i), Math.cos(2 * i), Math.sin(3 * i + 1), Math.cos(i / 2)]);
    const Y = X.map((row) => W.map((w) => w.reduce((s, v, j) => s + v * row[j], 0)));
    const model = new Ridge({ lambda: 0, backend }).fit(X, Y);
    const sparse = model.toSparse();
    expect(sparse.weights.rows).toBe(3);
    sparse.predict(X).forEach((v, i) => expect(v).toBeCloseTo(model.predict(X)[i], 12));
    // The fit recovers W to about 1e-15; the seed's three equal 0.3s are made exactly equal again (rounded to
    // 12 decimals), so which one pruning keeps (by position among ties) does not hang on rounding noise.
    const json = model.toJSON();
    const fitted = json.fitted!;
    const seedModel = Ridge.fromJSON({ ...json, fitted: { ...fitted, coef: fitted.coef.map((c) => Number(c.toFixed(12))) } });
    const report = pruningReport(seedModel, X, Y, { fraction: 7 / 12 });
    expect(report.denseMultiplications).toBe(12);
    expect(report.sparseMultiplications).toBe(5);
    expect(report.saved).toBeCloseTo(7 / 12, 15);
    expect(report.r2Before).toBeCloseTo(1, 10);
    expect(report.r2After).toBeLessThan(report.r2Before);
    // The pruned weights keep the seed's five largest: 0.5, 0.4, 0.6, 0.7, 0.3 (row 3).
    expect(report.pruned.weights.toDense().map((row) => Array.from(row, (v) => Number(v.toFixed(6))))).toEqual([
      [0.5, 0, 0, 0.4], [0, 0.6, 0, 0], [0, 0, 0.7, 0.3],
    ]);
    const manual = X.map((row) => [0, 1, 2].map((o) => report.pruned.weights.toDense()[o].reduce((s, v, j) => s + v * row[j], report.pruned.intercepts[o])));
    report.pruned.predict(X).forEach((v, index) => expect(v).toBeCloseTo(manual[Math.floor(index / 3)][index % 3], 12));
  });
});
