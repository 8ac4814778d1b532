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
    expect(() => b.gemv(X, 3, 2, w, null as never)).toThrow(new TypeError("gemv: out is null: pass a block of the same backend."));
    expect(Array.from(neighbour.values)).toEqual([42, 43]);
    [X, w, out, neighbour].forEach((block) => b.free(block));
  });
});

describe.each<BackendName>(["wasm", "js"])("index blocks are checked on the %s backend", (backend) => {
  const pack = (b: ReturnType<typeof getBackend>, ints: number[]) => {
    const block = b.alloc(Math.ceil(ints.length / 2));
    new Int32Array(block.values.buffer, block.values.byteOffset, ints.length).set(ints);
    return block;
  };

  it("refuses group ids outside [0, count), row indices past X, and row pointers past the values", () => {
    const b = getBackend(backend);
    const X = b.fromArray([1, 2, 3, 4]);
    const y = b.fromArray([1, 2]);
    const w = b.alloc(2);
    const groups = { ids: pack(b, [0, 5]), count: 1, weights: b.fromArray([1]) };
    const params = { lambda: 0.1, rho: 1, L: 1, maxIter: 5, tol: 0, positive: false, groups };
    expect(() => b.fista(X, 2, 2, y, params, w, null)).toThrow(/fista: groups.ids\[1\] is 5, outside \[0, 1\)/);
    const order = pack(b, [0, 7]);
    const [theta, m, v, state] = [b.alloc(3), b.alloc(3), b.alloc(3), b.alloc(1)];
    const sgd = { optimizer: "sgd" as const, lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0, rho: 0, fitIntercept: true };
    expect(() => b.sgdEpoch(X, 2, y, order, 2, 1, theta, sgd, m, v, state)).toThrow(/sgdEpoch: order \(row indices\)\[1\] is 7, outside \[0, 2\)/);
    const values = b.fromArray([1, 2]);
    expect(() => b.csrMatVec(values, pack(b, [0, 1]), pack(b, [0, 1, 3]), 2, y, b.alloc(2))).toThrow(/rowPointers\[2\] is 3, but there are 2 values/);
  });
});
