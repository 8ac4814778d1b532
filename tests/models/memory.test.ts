import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { ElasticNet, getBackend, init, Lasso, Ridge } from "../../src/index.js";

beforeAll(() => init());

describe("WASM memory across fits", () => {
  it("1,000 consecutive fits free what they allocate and leave memory size unchanged", () => {
    const heap = (getBackend("wasm") as Backend & { heap: { byteLength: number; bytesInUse: number } }).heap;
    const X = Array.from({ length: 200 }, (_, i) => Array.from({ length: 8 }, (_, j) => Math.sin(i * (j + 1))));
    const y = X.map((row) => row[0] - 2 * row[3]);
    const wide = X.slice(0, 5);
    const fitAll = () => {
      new Ridge({ lambda: 0.1 }).fit(X, y).predict(X);
      new Ridge({ lambda: 0.1 }).fit(wide, y.slice(0, 5));
      new Lasso({ lambda: 0.01, solver: "gd", learningRate: 0.1, maxIter: 20, onWarning: () => {} }).fit(X, y).score(X, y);
      new Lasso({ lambda: 0.01 }).fit(X, y);
      new ElasticNet({ lambda: 0.01, solver: "fista" }).fit(wide, y.slice(0, 5));
      new Lasso({ lambda: 0.01, precompute: false }).fit(X, y);
    };
    fitAll();
    const size = heap.byteLength;
    const inUse = heap.bytesInUse;
    for (let i = 0; i < 1000; i++) fitAll();
    expect(heap.byteLength).toBe(size);
    expect(heap.bytesInUse).toBe(inUse);
  });
});
