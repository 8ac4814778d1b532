import { dot } from "./dot.js";

/** Columns per panel: one 4 x 4 tile of the product per pair of panels. */
const PANEL = 4;

const panels = (n: number): number => Math.ceil(n / PANEL);

/**
 * Packs rows [first, first + count) of a row-major matrix (n columns), centered by `mean`, into panels: panel p
 * holds columns 4p..4p+3 of each row contiguously (row r at (p count + r) 4), columns past n as zeros.
 */
function packCentered(M: Float64Array, n: number, mean: Float64Array, first: number, count: number, out: Float64Array, at: number): void {
  for (let p = 0; p < panels(n); p++) {
    for (let r = 0; r < count; r++) {
      const [src, dst] = [(first + r) * n + PANEL * p, at + (p * count + r) * PANEL];
      for (let l = 0; l < PANEL; l++) out[dst + l] = PANEL * p + l < n ? M[src + l] - mean[PANEL * p + l] : 0;
    }
  }
}

/** tile[4 j + l] = sum_r A[r][j] B[r][l] over `count` packed rows of two panels, in sixteen accumulators. */
function tileProduct(P: Float64Array, a: number, b: number, count: number, tile: Float64Array): void {
  let t00 = 0, t01 = 0, t02 = 0, t03 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0;
  let t20 = 0, t21 = 0, t22 = 0, t23 = 0, t30 = 0, t31 = 0, t32 = 0, t33 = 0;
  for (let r = 0, i = a, o = b; r < count; r++, i += PANEL, o += PANEL) {
    const a0 = P[i], a1 = P[i + 1], a2 = P[i + 2], a3 = P[i + 3];
    const b0 = P[o], b1 = P[o + 1], b2 = P[o + 2], b3 = P[o + 3];
    t00 += a0 * b0; t01 += a0 * b1; t02 += a0 * b2; t03 += a0 * b3;
    t10 += a1 * b0; t11 += a1 * b1; t12 += a1 * b2; t13 += a1 * b3;
    t20 += a2 * b0; t21 += a2 * b1; t22 += a2 * b2; t23 += a2 * b3;
    t30 += a3 * b0; t31 += a3 * b1; t32 += a3 * b2; t33 += a3 * b3;
  }
  tile[0] = t00; tile[1] = t01; tile[2] = t02; tile[3] = t03;
  tile[4] = t10; tile[5] = t11; tile[6] = t12; tile[7] = t13;
  tile[8] = t20; tile[9] = t21; tile[10] = t22; tile[11] = t23;
  tile[12] = t30; tile[13] = t31; tile[14] = t32; tile[15] = t33;
}

/** target[(4 pa + j) stride + 4 pb + l] += tile[4 j + l] for the rows and columns inside rowsLimit x colsLimit. */
function addTile(tile: Float64Array, target: Float64Array, stride: number, pa: number, pb: number, rowsLimit: number, colsLimit: number): void {
  for (let j = 0; j < PANEL && PANEL * pa + j < rowsLimit; j++) {
    for (let l = 0; l < PANEL && PANEL * pb + l < colsLimit; l++) target[(PANEL * pa + j) * stride + PANEL * pb + l] += tile[PANEL * j + l];
  }
}

/**
 * G = Xc^T Xc and XtY = Xc^T Yc for Xc = X - 1 xMean^T, Yc = Y - 1 yMean^T (Y rows x k). The WASM kernel's
 * algorithm: blocks of `blockRows` rows centered and packed into 4-column panels (X's, then Y's), each pair
 * of panels a 4 x 4 tile accumulated over the block's rows and added to G's upper triangle or to XtY; G's
 * lower triangle mirrored at the end.
 */
export function centeredGram(
  X: Float64Array, rows: number, cols: number, xMean: Float64Array, Y: Float64Array, k: number,
  yMean: Float64Array, blockRows: number, G: Float64Array, XtY: Float64Array,
): void {
  G.fill(0, 0, cols * cols);
  XtY.fill(0, 0, cols * k);
  const [px, py] = [panels(cols), panels(k)];
  const packed = new Float64Array(Math.min(blockRows, rows) * PANEL * (px + py));
  const tile = new Float64Array(PANEL * PANEL);
  for (let first = 0; first < rows; first += blockRows) {
    const count = Math.min(blockRows, rows - first);
    const panelSize = count * PANEL;
    packCentered(X, cols, xMean, first, count, packed, 0);
    packCentered(Y, k, yMean, first, count, packed, px * panelSize);
    for (let a = 0; a < px; a++) {
      for (let b = a; b < px; b++) {
        tileProduct(packed, a * panelSize, b * panelSize, count, tile);
        addTile(tile, G, cols, a, b, cols, cols);
      }
      for (let b = 0; b < py; b++) {
        tileProduct(packed, a * panelSize, (px + b) * panelSize, count, tile);
        addTile(tile, XtY, k, a, b, cols, k);
      }
    }
  }
  mirrorUpper(G, cols);
}

/** Copies the upper triangle of a row-major n x n matrix onto its lower triangle. */
export function mirrorUpper(A: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) A[i * n + j] = A[j * n + i];
  }
}

/** K = X X^T for a row-major rows x cols X. */
export function rowGram(X: Float64Array, rows: number, cols: number, K: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const xi = X.subarray(i * cols, (i + 1) * cols);
    for (let l = i; l < rows; l++) K[i * rows + l] = dot(X, xi, cols, l * cols);
  }
  mirrorUpper(K, rows);
}
