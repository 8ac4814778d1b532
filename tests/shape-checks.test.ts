import { beforeAll, describe, expect, it } from "vitest";
import { getBackend, init, type BackendName } from "../src/index.js";

beforeAll(() => init());

describe.each<BackendName>(["wasm", "js"])("block lengths are checked on the %s backend", (backend) => {
  it("refuses an output block too short for the rows, leaving its neighbour intact", () => {
    const b = getBackend(backend);
    const X = b.fromArray([1, 2, 3, 4, 5, 6]);
    const w = b.fromArray([1, 1]);
    const out = b.alloc(1);
    const neighbour = b.fromArray([42, 43]);
    expect(() => b.gemv(X, 3, 2, w, out)).toThrow(new RangeError("gemv: out holds 1 values but needs 3."));
    expect(() => b.gemvT(X, 3, 2, out, w)).toThrow(/gemvT: r holds 1 values but needs 3/);
    expect(() => b.gemv(X, 4, 2, w, out)).toThrow(/gemv: X holds 6 values but needs 8/);
    expect(() => b.gemv(X, -1, 2, w, out)).toThrow(/rows must be a non-negative integer, got -1/);
    expect(() => b.dot(X, w)).toThrow(/dot: y holds 2 values but needs 6/);
    expect(() => b.luSolve(X, 2, w, out, 1)).toThrow(/luSolve: B holds 1 values but needs 2/);
    expect(Array.from(neighbour.values)).toEqual([42, 43]);
    [X, w, out, neighbour].forEach((block) => b.free(block));
  });
});
