// The options of one fit go through the option schema like every other option: a typo is refused by name.
import { describe, expect, it } from "vitest";
import { Lasso, LassoCV, Ridge, SGDRegressor } from "../../src/index.js";

const X = [[1, 2], [3, 4], [5, 7], [1, 1], [2, 0]];
const y = [1, 2, 3, 4, 5];

describe("fit(X, y, options)", () => {
  it("refuses an unknown option by name on every estimator, with what the options are", () => {
    for (const fit of [
      () => new Lasso({ backend: "js" }).fit(X, y, { sampleWeigth: [1, 1, 1, 1, 1] } as never),
      () => new Ridge({ backend: "js" }).fit(X, y, { weights: [1, 1, 1, 1, 1] } as never),
      () => new LassoCV({ backend: "js", nFolds: 2 }).fit(X, y, { sample_weight: [1, 1, 1, 1, 1] } as never),
    ]) {
      expect(fit).toThrow(/Unknown option "\w+" for fit\(X, y, options\).*sampleWeight/);
    }
    // An estimator option given to fit is refused too, pointing at where it belongs.
    expect(() => new SGDRegressor({ backend: "js" }).fit(X, y, { lambda: 1 } as never)).toThrow(/"lambda".*fit/);
  });

  it("checks sampleWeight's values and weighs the fit by them", () => {
    expect(() => new Lasso({ backend: "js" }).fit(X, y, { sampleWeight: [1, 1, "1", 1, 1] as never })).toThrow(/sampleWeight\[2\]/);
    // Weights are rescaled to sum to n, so a weight of 2 equals the row given twice at the same lambda.
    const weighted = new Ridge({ lambda: 0.1, backend: "js" }).fit(X, y, { sampleWeight: [2, 1, 1, 1, 1] });
    const repeated = new Ridge({ lambda: 0.1, backend: "js" }).fit([X[0], ...X], [y[0], ...y]);
    weighted.coef.forEach((w, j) => expect(w).toBeCloseTo(repeated.coef[j], 12));
  });
});
