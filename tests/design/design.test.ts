// A Design holds the data in backend memory across fits: every fit on it equals the same fit on the rows, the
// derived products are made once, and it refuses to be used wrongly.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Backend } from "../../src/backend.js";
import {
  ElasticNet, enetPath, getBackend, GroupLasso, init, Lasso, LassoCV, loadDiabetes, MultiTaskLasso, prepareDesign, Ridge,
  RidgeCV, SGDRegressor, type BackendName,
} from "../../src/index.js";

beforeAll(() => init());

const { X, y } = loadDiabetes();
const Xs = X.map((row) => row.map((v, j) => v / [100, 2, 40, 120, 250, 200, 80, 8, 6, 120][j]));
const Y2 = Array.from(y, (v, i) => [v, v / 2 + Xs[i][0]]);

describe.each<BackendName>(["wasm", "js"])("a Design on the %s backend", (backend) => {
  it("gives every estimator the same model as fitting the rows", () => {
    const design = prepareDesign(Xs, y, { backend });
    const multi = prepareDesign(Xs, Y2, { backend });
    try {
      const pairs = [
        [new Ridge({ lambda: 0.1, backend }).fit(design), new Ridge({ lambda: 0.1, backend }).fit(Xs, y)],
        [new Lasso({ lambda: 0.5, backend }).fit(design), new Lasso({ lambda: 0.5, backend }).fit(Xs, y)],
        [new ElasticNet({ lambda: 0.5, solver: "fista", standardize: true, backend }).fit(design),
          new ElasticNet({ lambda: 0.5, solver: "fista", standardize: true, backend }).fit(Xs, y)],
        [new Lasso({ lambda: 0.5, solver: "gd", learningRate: 0.5, maxIter: 50, backend, onWarning: () => {} }).fit(design),
          new Lasso({ lambda: 0.5, solver: "gd", learningRate: 0.5, maxIter: 50, backend, onWarning: () => {} }).fit(Xs, y)],
        [new GroupLasso({ groups: [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]], lambda: 1, backend }).fit(design),
          new GroupLasso({ groups: [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]], lambda: 1, backend }).fit(Xs, y)],
        [new SGDRegressor({ epochs: 3, backend, onWarning: () => {} }).fit(design), new SGDRegressor({ epochs: 3, backend, onWarning: () => {} }).fit(Xs, y)],
        [new MultiTaskLasso({ lambda: 0.5, backend }).fit(multi), new MultiTaskLasso({ lambda: 0.5, backend }).fit(Xs, Y2)],
      ] as const;
      for (const [onDesign, onRows] of pairs) {
        expect(Array.from(onDesign.coef)).toEqual(Array.from(onRows.coef));
        expect(Array.from(onDesign.intercepts)).toEqual(Array.from(onRows.intercepts));
      }
    } finally {
      design.free();
      multi.free();
    }
  });

  it("weighted fits on a design equal weighted fits on the rows", () => {
    const weights = y.map((_, i) => 1 + (i % 3));
    const design = prepareDesign(Xs, y, { backend });
    try {
      const onDesign = new Lasso({ lambda: 0.3, backend }).fit(design, undefined, { sampleWeight: weights });
      const onRows = new Lasso({ lambda: 0.3, backend }).fit(Xs, y, { sampleWeight: weights });
      expect(Array.from(onDesign.coef)).toEqual(Array.from(onRows.coef));
    } finally {
      design.free();
    }
  });

  it("derives X^T X once for refits at other lambdas (setOptions then fit)", () => {
    const design = prepareDesign(Xs, y, { backend });
    const gram = vi.spyOn(getBackend(backend), "centeredGram");
    try {
      const model = new Lasso({ lambda: 1, backend });
      const lambdas = [1, 0.5, 0.1];
      const coefs = lambdas.map((lambda) => Array.from(model.setOptions({ lambda }).fit(design).coef));
      expect(gram).toHaveBeenCalledTimes(1);
      lambdas.forEach((lambda, i) => expect(coefs[i]).toEqual(Array.from(new Lasso({ lambda, backend }).fit(Xs, y).coef)));
    } finally {
      gram.mockRestore();
      design.free();
    }
  });

  it("serves paths and cross-validation with the same results as the rows", () => {
    const design = prepareDesign(Xs, y, { backend });
    try {
      const a = enetPath(design, undefined, { l1Ratio: 0.7, nLambdas: 8, backend });
      const b = enetPath(Xs, y, { l1Ratio: 0.7, nLambdas: 8, backend });
      expect(Array.from(a.lambdas)).toEqual(Array.from(b.lambdas));
      a.coefs.forEach((coef, i) => expect(Array.from(coef)).toEqual(Array.from(b.coefs[i])));
      const cvA = new LassoCV({ nFolds: 3, nLambdas: 6, backend }).fit(design);
      const cvB = new LassoCV({ nFolds: 3, nLambdas: 6, backend }).fit(Xs, y);
      expect(Array.from(cvA.cvResults[0].cvMean)).toEqual(Array.from(cvB.cvResults[0].cvMean));
      expect(cvA.lambda).toBe(cvB.lambda);
      const ridgeA = new RidgeCV({ backend }).fit(design);
      const ridgeB = new RidgeCV({ backend }).fit(Xs, y);
      expect(Array.from(ridgeA.cvMean)).toEqual(Array.from(ridgeB.cvMean));
    } finally {
      design.free();
    }
  });

  it("refuses y beside a design, another backend's model, and use after free", () => {
    const design = prepareDesign(Xs, y, { backend });
    const other: BackendName = backend === "wasm" ? "js" : "wasm";
    expect(() => new Ridge({ backend }).fit(design, y)).toThrow(/a Design holds its own y/);
    expect(() => new Ridge({ backend: other }).fit(design)).toThrow(new RegExp(`lives in the ${backend} backend but Ridge uses ${other}`));
    design.free();
    expect(() => new Ridge({ backend }).fit(design)).toThrow(/This Design has been freed/);
  });
});

describe("a Design refuses what would read memory it does not hold", () => {
  it("checks subset row indices, refuses free() while a fit runs on it, and a multi-output design for one output", () => {
    const design = prepareDesign(Xs, y);
    expect(() => design.subset([0, Xs.length])).toThrow(new RangeError(`rowIndices[1] is ${Xs.length}: row indices must be integers from 0 to ${Xs.length - 1}.`));
    expect(() => design.subset([0.5])).toThrow(/rowIndices\[0\] is 0.5/);
    expect(() => enetPath(design, undefined, { nLambdas: 3, onProgress: () => design.free() })).toThrow(/in use by a fit/);
    expect(enetPath(design, undefined, { nLambdas: 3 }).coefs).toHaveLength(3);
    design.free();
    const multi = prepareDesign(Xs, Y2);
    expect(() => new RidgeCV().fit(multi)).toThrow(/RidgeCV fits one output, but this Design holds 2/);
    expect(() => new Lasso().fit(multi)).toThrow(/Lasso fits one output/);
    multi.free();
    expect(() => prepareDesign(Xs, y, { backnd: "js" } as never)).toThrow(/Unknown option "backnd" for prepareDesign/);
  });
});

describe("a Design's memory", () => {
  it("returns every block to the WASM heap when freed, derived products included", () => {
    const heap = (getBackend("wasm") as Backend & { heap: { bytesInUse: number } }).heap;
    const before = heap.bytesInUse;
    const design = prepareDesign(Xs, y);
    new Lasso({ lambda: 0.1, precompute: false }).fit(design);
    new Ridge({ lambda: 0.1, standardize: true }).fit(design);
    expect(heap.bytesInUse).toBeGreaterThan(before + 8 * Xs.length * 10);
    design.free();
    expect(heap.bytesInUse).toBe(before);
  });
});
