import { csrMatVec, csrTimesRows } from "../kernels/csr";
import { softL1Gradient } from "../penalties";
import { block, get, guard, intact, release, set } from "./helpers";

describe("csrMatVec", () => {
  it("multiplies [[1, 0, 2], [0, 0, 0], [0, 3, 4]] by [1, 10, 100]: [201, 0, 430]", () => {
    const values = block(4, 1);
    const vals: f64[] = [1, 2, 3, 4];
    for (let k = 0; k < 4; k++) set(values, k, vals[k]);
    const indices = heap.alloc(16);
    const cols: i32[] = [0, 2, 1, 2];
    for (let k = 0; k < 4; k++) store<i32>(indices + (<usize>k << 2), cols[k]);
    const pointers = heap.alloc(16);
    const ptr: i32[] = [0, 2, 2, 4];
    for (let k = 0; k < 4; k++) store<i32>(pointers + (<usize>k << 2), ptr[k]);
    const x = block(3, 0);
    set(x, 0, 1.0);
    set(x, 1, 10.0);
    set(x, 2, 100.0);
    const out = block(3, 1);
    guard(out, 3);
    csrMatVec(values, indices, pointers, 3, x, out);
    expect(get(out, 0)).toBe(201.0);
    expect(get(out, 1)).toBe(0.0);
    expect(get(out, 2)).toBe(430.0);
    expect(intact(out, 3)).toBe(true);
    release(values, 1);
    heap.free(indices);
    heap.free(pointers);
    release(x, 0);
    release(out, 1);
  });
});

describe("softL1Gradient", () => {
  it("is lambda w / (|w| + eps), 0 at 0", () => {
    const w = block(3, 1);
    set(w, 0, 5.0);
    set(w, 1, -2.0);
    set(w, 2, 0.0);
    softL1Gradient(w, 3, 0.1, 1e-3, w);
    expect(get(w, 0)).toBeCloseTo(0.5 / 5.001, 15);
    expect(get(w, 1)).toBeCloseTo(-0.2 / 2.001, 15);
    expect(get(w, 2)).toBe(0.0);
    release(w, 1);
  });
});

describe("csrTimesRows", () => {
  it("multiplies every row of X by every row of A: A = [[1, 0, 2], [0, 3, 0]], X = [[1, 10, 100], [2, 0, 1]]", () => {
    const values = block(3, 1);
    const vals: f64[] = [1, 2, 3];
    for (let k = 0; k < 3; k++) set(values, k, vals[k]);
    const indices = heap.alloc(12);
    const cols: i32[] = [0, 2, 1];
    for (let k = 0; k < 3; k++) store<i32>(indices + (<usize>k << 2), cols[k]);
    const pointers = heap.alloc(12);
    const ptr: i32[] = [0, 2, 3];
    for (let k = 0; k < 3; k++) store<i32>(pointers + (<usize>k << 2), ptr[k]);
    const X = block(6, 0);
    const xs: f64[] = [1, 10, 100, 2, 0, 1];
    for (let k = 0; k < 6; k++) set(X, k, xs[k]);
    const out = block(4, 1);
    guard(out, 4);
    csrTimesRows(values, indices, pointers, 2, X, 2, 3, out);
    // Row 0: [1 + 200, 30]; row 1: [2 + 2, 0].
    expect(get(out, 0)).toBe(201.0);
    expect(get(out, 1)).toBe(30.0);
    expect(get(out, 2)).toBe(4.0);
    expect(get(out, 3)).toBe(0.0);
    expect(intact(out, 4)).toBe(true);
    release(values, 1);
    heap.free(indices);
    heap.free(pointers);
    release(X, 0);
    release(out, 1);
  });
});
