import { describe, expect, it } from "vitest";
import { symmetricEigen } from "../../src/linalg/symmetric-eigen.js";

describe("symmetricEigen", () => {
  it("gives eigenvalues 1 and 3 for [[2, 1], [1, 2]]", () => {
    const { values } = symmetricEigen([2, 1, 1, 2], 2);
    expect(Array.from(values).sort()).toEqual([expect.closeTo(1, 14), expect.closeTo(3, 14)]);
  });

  it("reconstructs A = V diag(values) V^T with orthonormal V", () => {
    const n = 12;
    const B = Array.from({ length: n * n }, (_, k) => Math.sin(k * 1.7 + 0.3));
    const A = Array.from({ length: n * n }, (_, k) => B[k] + B[(k % n) * n + Math.floor(k / n)]);
    const { values, vectors: V } = symmetricEigen(A, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let gram = 0;
        for (let k = 0; k < n; k++) {
          rebuilt += V[i * n + k] * values[k] * V[j * n + k];
          gram += V[k * n + i] * V[k * n + j];
        }
        expect(rebuilt).toBeCloseTo(A[i * n + j], 12);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 13);
      }
    }
  });
});
