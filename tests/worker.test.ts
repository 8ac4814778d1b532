// fitInWorker in Node (worker_threads), imported from the built package as a user would.
import { describe, expect, it } from "vitest";

describe("fitInWorker", () => {
  it("returns the same model as a direct fit, and reports the worker's errors", async () => {
    const dist = await import(new URL("../dist/index.js", import.meta.url).href);
    await dist.init();
    const { X, y } = dist.loadDiabetes();
    const options = { lambda: 0.5, standardize: true, tol: 1e-10 };
    const direct = new dist.Lasso(options).fit(X, y);
    const remote = await dist.fitInWorker({ model: "Lasso", options, X: X.map((row: Float64Array) => Array.from(row)), y: Array.from(y) });
    expect(remote.modelName).toBe("Lasso");
    expect(Array.from(remote.coef)).toEqual(Array.from(direct.coef));
    expect(remote.intercept).toBe(direct.intercept);
    await expect(dist.fitInWorker({ model: "Lasso", options: { lambda: -1 }, X: [[1]], y: [1] })).rejects.toThrow(/lambda must be a finite number >= 0/);
    await expect(dist.fitInWorker({ model: "Perceptron", X: [[1]], y: [1] })).rejects.toThrow(/model must be one of Ridge/);
    await expect(dist.fitInWorker({ model: "Lasso", options: { l1Ratio: 0.5 }, X: [[1]], y: [1] })).rejects.toThrow(/Lasso has no l1Ratio option/);
    // onWarning stays on this thread and receives the worker's warnings, as in a direct fit.
    const warnings: string[] = [];
    const quick = { lambda: 0.01, maxIter: 1, onWarning: (message: string) => warnings.push(message) };
    await dist.fitInWorker({ model: "Lasso", options: quick, X, y });
    new dist.Lasso(quick).fit(X, y);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Lasso \(solver "cd"\) did not converge in 1 iterations/);
    expect(warnings[0]).toBe(warnings[1]);
  });

  it("keeps the features' names and encoding, from featureNames or from fromRecords' X", async () => {
    const dist = await import(new URL("../dist/index.js", import.meta.url).href);
    await dist.init();
    const { X, y, featureNames } = dist.loadDiabetes();
    const named = await dist.fitInWorker({ model: "Ridge", X, y, featureNames });
    expect(named.featureNames).toEqual(featureNames);
    const rows = [{ a: 1, c: "x", y: 1 }, { a: 2, c: "z", y: 3 }, { a: 4, c: "x", y: 4 }];
    const table = dist.fromRecords(rows, { target: "y" });
    const remote = await dist.fitInWorker({ model: "Ridge", X: table.X, y: table.y });
    const direct = new dist.Ridge().fit(table.X, table.y);
    expect(remote.columns).toEqual(direct.columns);
    expect(Array.from(remote.predict([{ a: 3, c: "z" }]))).toEqual(Array.from(direct.predict([{ a: 3, c: "z" }])));
    await expect(dist.fitInWorker({ model: "Ridge", X, y, featureNames: ["a"] })).rejects.toThrow(/featureNames has 1 names but X has 10 columns/);
  });
});

describe("fitInWorker with a classifier", () => {
  it("fits a LogisticRegression on labels as a direct fit does, and checks the labels on this thread", async () => {
    const dist = await import(new URL("../dist/index.js", import.meta.url).href);
    await dist.init();
    const { X, y } = dist.loadBreastCancer();
    const options = { lambda: 0.01, l1Ratio: 1, standardize: true, tol: 1e-8 };
    const direct = new dist.LogisticRegression(options).fit(X, y);
    const remote = await dist.fitInWorker({ model: "LogisticRegression", options, X, y });
    expect(remote.modelName).toBe("LogisticRegression");
    expect(remote.classes).toEqual(direct.classes);
    expect(Array.from(remote.coef)).toEqual(Array.from(direct.coef));
    expect(remote.intercept).toBe(direct.intercept);
    expect(remote.predict(X)).toEqual(direct.predict(X));
    await expect(dist.fitInWorker({ model: "LogisticRegression", X: [[1], [2]], y: ["a", "a"] })).rejects.toThrow(/holds one class only/);
    await expect(dist.fitInWorker({ model: "LogisticRegression", X: [[1], [2]], y: ["a", 1] })).rejects.toThrow(/must all be of one type/);
    await expect(dist.fitInWorker({ model: "LogisticRegression", X: [[1], [2], [3]], y: ["a", "b"] })).rejects.toThrow(/rows of X/);
  });
});
