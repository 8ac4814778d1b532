import { addStripe, centeredGram, centeredGramPanels, mirrorUpper, rowGram } from "../kernels/gram";
import { LENGTHS, OFFSETS, block, close, fill, get, guard, intact, otherOffset, release, set } from "./helpers";

/** Row counts around the block of 4 rows, and a large one. */
const ROWS: i32[] = [0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 1001];
const COLS: i32[] = [0, 1, 2, 3, 7, 8, 9];

/** Checks centeredGram on one shape and block of rows, X at element offset off and the other blocks at the other parity. */
function checkCenteredGram(rows: i32, cols: i32, off: i32, blockRows: i32 = 5, k: i32 = 2): void {
  const other = otherOffset(off);
  const X = block(rows * cols, off);
  const Y = block(rows * k, other);
  const xMean = block(cols, off);
  const yMean = block(k, other);
  const scratch = block(min(blockRows, rows) * 4 * ((cols + 3) / 4 + (k + 3) / 4) + 16, off);
  const G = block(cols * cols, other);
  const XtY = block(cols * k, off);
  fill(X, rows * cols, 3);
  fill(Y, rows * k, 4);
  fill(xMean, cols, 5);
  fill(yMean, k, 6);
  guard(G, cols * cols);
  guard(XtY, cols * k);
  centeredGram(X, rows, cols, xMean, Y, k, yMean, blockRows, scratch, G, XtY);
  expect(intact(G, cols * cols) && intact(XtY, cols * k)).toBe(true, "centeredGram wrote past an output");
  let badG = -1;
  let asymmetric = -1;
  let badXtY = -1;
  for (let j = 0; j < cols; j++) {
    for (let l = 0; l < cols; l++) {
      let total = 0.0;
      let scale = 0.0;
      for (let i = 0; i < rows; i++) {
        const term = (get(X, i * cols + j) - get(xMean, j)) * (get(X, i * cols + l) - get(xMean, l));
        total += term;
        scale += Math.abs(term);
      }
      if (badG < 0 && !close(get(G, j * cols + l), total, scale)) badG = j * cols + l;
      if (asymmetric < 0 && get(G, j * cols + l) != get(G, l * cols + j)) asymmetric = j * cols + l;
    }
    for (let o = 0; o < k; o++) {
      let total = 0.0;
      let scale = 0.0;
      for (let i = 0; i < rows; i++) {
        const term = (get(X, i * cols + j) - get(xMean, j)) * (get(Y, i * k + o) - get(yMean, o));
        total += term;
        scale += Math.abs(term);
      }
      if (badXtY < 0 && !close(get(XtY, j * k + o), total, scale)) badXtY = j * k + o;
    }
  }
  expect(badG).toBe(-1, `${rows}x${cols} offset ${off}: first wrong element of G`);
  expect(asymmetric).toBe(-1, `${rows}x${cols} offset ${off}: G not symmetric`);
  expect(badXtY).toBe(-1, `${rows}x${cols} offset ${off}: first wrong element of XtY`);
  release(X, off);
  release(Y, other);
  release(xMean, off);
  release(yMean, other);
  release(scratch, off);
  release(G, other);
  release(XtY, off);
}

describe("centeredGram", () => {
  it("equals (X - 1 m^T)^T (X - 1 m^T) and (X - 1 m^T)^T (Y - 1 c^T), symmetric, for row counts around the block of 5 rows and columns around the panel of 4", () => {
    for (let a = 0; a < ROWS.length; a++) {
      for (let b = 0; b < COLS.length; b++) {
        for (let o = 0; o < OFFSETS.length; o++) checkCenteredGram(ROWS[a], COLS[b], OFFSETS[o]);
      }
    }
  });

  it("does the same for one row per block, a block larger than X, and 1 to 5 targets", () => {
    for (let o = 0; o < OFFSETS.length; o++) {
      checkCenteredGram(13, 9, OFFSETS[o], 1);
      checkCenteredGram(13, 9, OFFSETS[o], 256);
      for (let k = 1; k <= 5; k++) checkCenteredGram(9, 6, OFFSETS[o], 4, k);
    }
  });

  it("does the same for a wide X (1001 columns)", () => {
    for (let o = 0; o < OFFSETS.length; o++) checkCenteredGram(5, 1001, OFFSETS[o]);
  });
});

describe("rowGram", () => {
  it("equals X X^T", () => {
    for (let a = 0; a < ROWS.length; a++) {
      for (let o = 0; o < OFFSETS.length; o++) {
        const off = OFFSETS[o];
        const rows = ROWS[a];
        const cols = LENGTHS[a % LENGTHS.length] + 1;
        const X = block(rows * cols, off);
        const K = block(rows * rows, otherOffset(off));
        fill(X, rows * cols, 7);
        guard(K, rows * rows);
        rowGram(X, rows, cols, K);
        expect(intact(K, rows * rows)).toBe(true, "rowGram wrote past K");
        let bad = -1;
        for (let i = 0; i < rows; i++) {
          for (let l = 0; l < rows; l++) {
            let total = 0.0;
            let scale = 0.0;
            for (let j = 0; j < cols; j++) {
              total += get(X, i * cols + j) * get(X, l * cols + j);
              scale += Math.abs(get(X, i * cols + j) * get(X, l * cols + j));
            }
            if (bad < 0 && !close(get(K, i * rows + l), total, scale)) bad = i * rows + l;
          }
        }
        expect(bad).toBe(-1, `K ${rows}x${cols} offset ${off}: first wrong element`);
        release(X, off);
        release(K, otherOffset(off));
      }
    }
  });

  it("gives [[5, 11], [11, 25]] for X = [[1, 2], [3, 4]]", () => {
    const X = block(4, 1);
    set(X, 0, 1.0);
    set(X, 1, 2.0);
    set(X, 2, 3.0);
    set(X, 3, 4.0);
    const K = block(4, 0);
    rowGram(X, 2, 2, K);
    expect(get(K, 0)).toBe(5.0);
    expect(get(K, 1)).toBe(11.0);
    expect(get(K, 2)).toBe(11.0);
    expect(get(K, 3)).toBe(25.0);
    release(X, 1);
    release(K, 0);
  });
});

describe("mirrorUpper", () => {
  it("copies the upper triangle onto the lower one and leaves the upper triangle and diagonal alone", () => {
    for (let a = 0; a < LENGTHS.length - 1; a++) {
      const n = LENGTHS[a];
      const A = block(n * n, 1);
      const before = block(n * n, 0);
      fill(A, n * n, 8);
      fill(before, n * n, 8);
      guard(A, n * n);
      mirrorUpper(A, n);
      expect(intact(A, n * n)).toBe(true, "mirrorUpper wrote past A");
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          expect(get(A, i * n + j)).toBe(j >= i ? get(before, i * n + j) : get(before, j * n + i));
        }
      }
      release(A, 1);
      release(before, 0);
    }
  });
});

describe("addStripe", () => {
  it("adds a stripe's partial product into the total, value by value", () => {
    const n = 7;
    const part = block(n, 1);
    const out = block(n, 0);
    fill(part, n, 3);
    fill(out, n, 4);
    const before = block(n, 0);
    for (let i = 0; i < n; i++) set(before, i, get(out, i));
    addStripe(part, out, n);
    for (let i = 0; i < n; i++) expect(get(out, i)).toBe(get(before, i) + get(part, i));
    release(part, 1);
    release(out, 0);
    release(before, 0);
  });
});

describe("centeredGramPanels", () => {
  it("split into ranges of tile rows, zeroed before and mirrored after, gives centeredGram's bits", () => {
    const rows = 37;
    const cols = 23; // 6 panels, the last of 3 columns
    const k = 2;
    const X = block(rows * cols, 0);
    const Y = block(rows * k, 1);
    const xMean = block(cols, 0);
    const yMean = block(k, 1);
    fill(X, rows * cols, 8);
    fill(Y, rows * k, 9);
    fill(xMean, cols, 10);
    fill(yMean, k, 11);
    const scratch = block(5 * 4 * (6 + 1) + 16, 0);
    const G = block(cols * cols, 1);
    const XtY = block(cols * k, 0);
    const H = block(cols * cols, 0);
    const XtZ = block(cols * k, 1);
    centeredGram(X, rows, cols, xMean, Y, k, yMean, 5, scratch, G, XtY);
    for (let i = 0; i < cols * cols; i++) set(H, i, 0);
    for (let i = 0; i < cols * k; i++) set(XtZ, i, 0);
    centeredGramPanels(X, rows, cols, xMean, Y, k, yMean, 5, scratch, H, XtZ, 0, 2);
    centeredGramPanels(X, rows, cols, xMean, Y, k, yMean, 5, scratch, H, XtZ, 2, 3);
    centeredGramPanels(X, rows, cols, xMean, Y, k, yMean, 5, scratch, H, XtZ, 3, 6);
    mirrorUpper(H, cols);
    for (let i = 0; i < cols * cols; i++) expect(get(H, i)).toBe(get(G, i), `G entry ${i}`);
    for (let i = 0; i < cols * k; i++) expect(get(XtZ, i)).toBe(get(XtY, i), `XtY entry ${i}`);
    release(X, 0);
    release(Y, 1);
    release(xMean, 0);
    release(yMean, 1);
    release(scratch, 0);
    release(G, 1);
    release(XtY, 0);
    release(H, 0);
    release(XtZ, 1);
  });
});
