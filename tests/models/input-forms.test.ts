import { beforeAll, describe, expect, it } from "vitest";
import { init, Lasso, Ridge } from "../../src/index.js";

beforeAll(() => init());

const rows = [[1, 0.1], [2, 0.2], [3, 0.1], [4, 0.3]];
const y = [2.1, 4.0, 6.1, 7.9];

describe("the three matrix forms and 1-D X", () => {
  it("give the same fit for number[][], Float64Array rows and { data, rows, cols }", () => {
    const forms = [rows, rows.map((r) => Float64Array.from(r)), { data: rows.flat(), rows: 4, cols: 2 }];
    const fits = forms.map((X) => new Ridge({ lambda: 0.05 }).fit(X, Float64Array.from(y)));
    for (const fit of fits.slice(1)) {
      expect(Array.from(fit.coef)).toEqual(Array.from(fits[0].coef));
      expect(fit.intercept).toBe(fits[0].intercept);
    }
  });

  it("reads a 1-D X as one feature, as the seed's reshape(-1, 1) does", () => {
    const x = rows.map((r) => r[0]);
    const flat = new Lasso({ lambda: 0.1, solver: "gd", learningRate: 0.1, maxIter: 5000, tol: 1e-12 }).fit(x, y);
    const column = new Lasso({ lambda: 0.1, solver: "gd", learningRate: 0.1, maxIter: 5000, tol: 1e-12 }).fit(x.map((v) => [v]), y);
    expect(flat.coef).toHaveLength(1);
    expect(flat.coef[0]).toBe(column.coef[0]);
    expect(Array.from(flat.predict([5]))).toEqual(Array.from(column.predict([[5]])));
  });

  it("scores R^2 = 1 - SS_res / SS_tot by hand", () => {
    const model = new Ridge({ lambda: 0 }).fit([[0], [1], [2]], [0, 1, 2]);
    expect(model.score([[0], [1], [2]], [0, 1, 3])).toBeCloseTo(1 - 1 / (14 / 3), 12); // SS_tot = 14/3, SS_res = 1
  });
});
