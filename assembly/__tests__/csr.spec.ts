import { csrMatVec, csrTimesRows } from "../kernels/csr";
import { LENGTHS, OFFSETS, block, close, fill, get, guard, intact, otherOffset, release, set } from "./helpers";

/** Columns of the generated matrices: a prime above the largest row length, so (7 k + i) % COLS are distinct. */
const COLS: i32 = 1009;

/**
 * A CSR matrix with one row per entry of LENGTHS (row i has LENGTHS[i] non-zeros, at columns (7 k + i) % COLS),
 * values at element offset off. Writes the i32 column indices and row pointers to fresh blocks.
 */
class Csr {
  rows: i32 = LENGTHS.length;
  nnz: i32 = 0;
  values: usize;
  indices: usize;
  pointers: usize;

  constructor(public off: i32) {
    for (let i = 0; i < this.rows; i++) this.nnz += LENGTHS[i];
    this.values = block(this.nnz, off);
    fill(this.values, this.nnz, 11);
    this.indices = heap.alloc(<usize>(this.nnz + 1) << 2);
    this.pointers = heap.alloc(<usize>(this.rows + 1) << 2);
    let p = 0;
    for (let i = 0; i < this.rows; i++) {
      store<i32>(this.pointers + (<usize>i << 2), p);
      for (let k = 0; k < LENGTHS[i]; k++) {
        store<i32>(this.indices + (<usize>p << 2), (7 * k + i) % COLS);
        p++;
      }
    }
    store<i32>(this.pointers + (<usize>this.rows << 2), p);
  }

  start(i: i32): i32 {
    return load<i32>(this.pointers + (<usize>i << 2));
  }

  column(p: i32): i32 {
    return load<i32>(this.indices + (<usize>p << 2));
  }

  release(): void {
    release(this.values, this.off);
    heap.free(this.indices);
    heap.free(this.pointers);
  }
}

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

describe("csrMatVec and csrTimesRows on rows of every length", () => {
  it("match scalar loops over the non-zeros, for odd offsets", () => {
    for (let o = 0; o < OFFSETS.length; o++) {
      const off = OFFSETS[o];
      const A = new Csr(off);
      const x = block(COLS, otherOffset(off));
      fill(x, COLS, 12);
      const out = block(A.rows, off);
      guard(out, A.rows);
      csrMatVec(A.values, A.indices, A.pointers, A.rows, x, out);
      expect(intact(out, A.rows)).toBe(true, "csrMatVec wrote past its output");
      for (let i = 0; i < A.rows; i++) {
        let sum = 0.0;
        let scale = 0.0;
        for (let p = A.start(i); p < A.start(i + 1); p++) {
          sum += get(A.values, p) * get(x, A.column(p));
          scale += Math.abs(get(A.values, p) * get(x, A.column(p)));
        }
        expect(close(get(out, i), sum, scale)).toBe(true, `row ${i}`);
      }
      // The rows of A as k outputs against n rows of X (n x COLS).
      const n = 3;
      const X = block(n * COLS, otherOffset(off));
      fill(X, n * COLS, 13);
      const products = block(n * A.rows, off);
      guard(products, n * A.rows);
      csrTimesRows(A.values, A.indices, A.pointers, A.rows, X, n, COLS, products);
      expect(intact(products, n * A.rows)).toBe(true, "csrTimesRows wrote past its output");
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < A.rows; k++) {
          let sum = 0.0;
          for (let p = A.start(k); p < A.start(k + 1); p++) sum += get(A.values, p) * get(X, i * COLS + A.column(p));
          expect(get(products, i * A.rows + k)).toBe(sum, `X row ${i}, output ${k}`);
        }
      }
      A.release();
      release(x, otherOffset(off));
      release(out, off);
      release(X, otherOffset(off));
      release(products, off);
    }
  });
});
