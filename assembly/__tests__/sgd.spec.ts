import { OPTIMIZER_SGD, sgdEpoch } from "../solvers/sgd";
import { block, get, release, set } from "./helpers";

describe("sgdEpoch", () => {
  it("takes one full-batch SGD step by hand: X = [[1], [2]], y = [1, 2] from 0 gives w = 0.25, b = 0.15", () => {
    // r = -y; grad w = (1 * -1 + 2 * -2) / 2 = -2.5, grad b = -1.5; lr 0.1.
    const X = block(2, 1);
    set(X, 0, 1.0);
    set(X, 1, 2.0);
    const y = block(2, 0);
    set(y, 0, 1.0);
    set(y, 1, 2.0);
    const order = heap.alloc(8);
    store<i32>(order, 0);
    store<i32>(order, 1, 4);
    const theta = block(2, 1);
    set(theta, 0, 0.0);
    set(theta, 1, 0.0);
    const m = block(2, 0);
    const v = block(2, 1);
    const g = block(2, 0);
    const r = block(2, 1);
    const state = block(1, 0);
    set(state, 0, 0.0);
    const loss = sgdEpoch(X, 1, y, order, 2, 2, theta, OPTIMIZER_SGD, 0.1, 0.9, 0.999, 1e-8, 0.0, 0.0, true, m, v, g, r, state);
    expect(get(theta, 0)).toBeCloseTo(0.25, 15);
    expect(get(theta, 1)).toBeCloseTo(0.15, 15);
    expect(loss).toBeCloseTo(5.0 / 4.0, 15); // (1 + 4) / (2 * 2)
    expect(get(state, 0)).toBe(1.0);
    release(X, 1); release(y, 0); heap.free(order); release(theta, 1); release(m, 0); release(v, 1); release(g, 0); release(r, 1); release(state, 0);
  });
});
