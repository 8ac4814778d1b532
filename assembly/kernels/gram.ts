import { axpy } from "./axpy";
import { dot } from "./dot";
import { at, madd } from "./lanes";

/** Columns per panel: one 4 x 4 tile of the product per pair of panels. */
const PANEL: i32 = 4;
const PANEL_BYTES: usize = 32;

/** Panels that hold n columns (the last padded with zeros). */
// @ts-ignore: decorator
@inline function panels(n: i32): i32 {
  return (n + PANEL - 1) / PANEL;
}

/**
 * Packs rows [first, first + count) of a row-major matrix (n columns), centered by `mean`, into panels: panel p
 * holds columns 4p..4p+3 of each row contiguously (row r at byte (p count + r) 32), columns past n as zeros.
 */
function packCentered(M: usize, n: i32, mean: usize, first: i32, count: i32, out: usize): void {
  const rowBytes = (<usize>n) << 3;
  const panelBytes = <usize>count * PANEL_BYTES;
  const start = M + <usize>first * rowBytes;
  const full = n / PANEL;
  // Panel by panel: the stores run in order, the means stay in registers.
  for (let p = 0; p < full; p++) {
    const m01 = v128.load(at(mean, PANEL * p));
    const m23 = v128.load(at(mean, PANEL * p + 2));
    let src = start + <usize>p * PANEL_BYTES;
    let dst = out + <usize>p * panelBytes;
    for (let r = 0; r < count; r++, src += rowBytes, dst += PANEL_BYTES) {
      v128.store(dst, f64x2.sub(v128.load(src), m01));
      v128.store(dst, f64x2.sub(v128.load(src, 16), m23), 16);
    }
  }
  const rest = n - PANEL * full;
  if (rest > 0) {
    let src = start + <usize>full * PANEL_BYTES;
    let dst = out + <usize>full * panelBytes;
    for (let r = 0; r < count; r++, src += rowBytes, dst += PANEL_BYTES) {
      for (let l = 0; l < PANEL; l++) store<f64>(at(dst, l), l < rest ? load<f64>(at(src, l)) - load<f64>(at(mean, PANEL * full + l)) : 0.0);
    }
  }
}

/**
 * out[4 j + l] += sum_r A[r][j] B[r][l] over `count` packed rows of two panels: the 4 x 4 tile held in eight
 * f64x2 accumulators, each row's four A values splat from memory against B's two vectors.
 */
function tileProduct(A: usize, B: usize, count: i32, out: usize): void {
  let t00 = f64x2.splat(0), t01 = f64x2.splat(0), t10 = f64x2.splat(0), t11 = f64x2.splat(0);
  let t20 = f64x2.splat(0), t21 = f64x2.splat(0), t30 = f64x2.splat(0), t31 = f64x2.splat(0);
  const end = <usize>count * PANEL_BYTES;
  for (let offset: usize = 0; offset < end; offset += PANEL_BYTES) {
    const b01 = v128.load(B + offset);
    const b23 = v128.load(B + offset, 16);
    const a0 = v128.load64_splat(A + offset);
    const a1 = v128.load64_splat(A + offset, 8);
    const a2 = v128.load64_splat(A + offset, 16);
    const a3 = v128.load64_splat(A + offset, 24);
    t00 = madd(a0, b01, t00);
    t01 = madd(a0, b23, t01);
    t10 = madd(a1, b01, t10);
    t11 = madd(a1, b23, t11);
    t20 = madd(a2, b01, t20);
    t21 = madd(a2, b23, t21);
    t30 = madd(a3, b01, t30);
    t31 = madd(a3, b23, t31);
  }
  v128.store(out, t00);
  v128.store(out, t01, 16);
  v128.store(out, t10, 32);
  v128.store(out, t11, 48);
  v128.store(out, t20, 64);
  v128.store(out, t21, 80);
  v128.store(out, t30, 96);
  v128.store(out, t31, 112);
}

/** target[(4 pa + j) stride + 4 pb + l] += tile[4 j + l] for the rows and columns inside rowsLimit x colsLimit. */
function addTile(tile: usize, target: usize, stride: i32, pa: i32, pb: i32, rowsLimit: i32, colsLimit: i32): void {
  for (let j = 0; j < PANEL && PANEL * pa + j < rowsLimit; j++) {
    const row = target + (<usize>((PANEL * pa + j) * stride + PANEL * pb) << 3);
    for (let l = 0; l < PANEL && PANEL * pb + l < colsLimit; l++) store<f64>(at(row, l), load<f64>(at(row, l)) + load<f64>(at(tile, PANEL * j + l)));
  }
}

/**
 * G = Xc^T Xc (cols x cols) and XtY = Xc^T Yc (cols x k), where Xc = X - 1 xMean^T and Yc = Y - 1 yMean^T,
 * for row-major X (rows x cols) and Y (rows x k). Pass zero means for the uncentered products.
 *
 * Blocks of `blockRows` rows are centered and packed into 4-column panels (X's, then Y's) in `scratch`
 * (min(blockRows, rows) x 4 (panels(cols) + panels(k)) values, then a 16-value tile); each pair of panels then gives a
 * 4 x 4 tile of the product, accumulated in registers over the block's rows (tileProduct) and added to G or
 * XtY. G's upper triangle of tiles is computed and mirrored at the end.
 */
export function centeredGram(
  X: usize, rows: i32, cols: i32, xMean: usize, Y: usize, k: i32, yMean: usize,
  blockRows: i32, scratch: usize, G: usize, XtY: usize,
): void {
  memory.fill(G, 0, (<usize>cols * <usize>cols) << 3);
  memory.fill(XtY, 0, (<usize>cols * <usize>k) << 3);
  centeredGramPanels(X, rows, cols, xMean, Y, k, yMean, blockRows, scratch, G, XtY, 0, panels(cols));
  mirrorUpper(G, cols);
}

/**
 * The part of centeredGram that tile rows [firstPanel, endPanel) of G (and the same rows of XtY) take: adds
 * their tiles over every row of X to G and XtY (zeroed by the caller, G's lower triangle mirrored by it after).
 * Each tile is summed whole by one call, so splitting the tile rows among calls (threads) changes no bit.
 */
export function centeredGramPanels(
  X: usize, rows: i32, cols: i32, xMean: usize, Y: usize, k: i32, yMean: usize,
  blockRows: i32, scratch: usize, G: usize, XtY: usize, firstPanel: i32, endPanel: i32,
): void {
  const px = panels(cols);
  const py = panels(k);
  const tile = scratch + <usize>min(blockRows, rows) * <usize>(px + py) * PANEL_BYTES;
  for (let first = 0; first < rows; first += blockRows) {
    const count = min(blockRows, rows - first);
    const panelBytes = <usize>count * PANEL_BYTES;
    const packedY = scratch + <usize>px * panelBytes;
    packCentered(X, cols, xMean, first, count, scratch);
    packCentered(Y, k, yMean, first, count, packedY);
    for (let a = firstPanel; a < endPanel; a++) {
      const A = scratch + <usize>a * panelBytes;
      for (let b = a; b < px; b++) {
        tileProduct(A, scratch + <usize>b * panelBytes, count, tile);
        addTile(tile, G, cols, a, b, cols, cols);
      }
      for (let b = 0; b < py; b++) {
        tileProduct(A, packedY + <usize>b * panelBytes, count, tile);
        addTile(tile, XtY, k, a, b, cols, k);
      }
    }
  }
}

/** out += part over n values: one stripe's partial product added to the total (centeredGram's stripes, in order). */
export function addStripe(part: usize, out: usize, n: i32): void {
  axpy(1.0, part, out, n);
}

/** Copies the upper triangle of a row-major n x n matrix onto its lower triangle. */
export function mirrorUpper(A: usize, n: i32): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) store<f64>(at(A, i * n + j), load<f64>(at(A, j * n + i)));
  }
}

/** K = X X^T (rows x rows) for a row-major X: the dot product of every pair of rows, upper half mirrored. */
export function rowGram(X: usize, rows: i32, cols: i32, K: usize): void {
  const rowBytes = (<usize>cols) << 3;
  for (let i = 0; i < rows; i++) {
    const xi = X + <usize>i * rowBytes;
    for (let l = i; l < rows; l++) store<f64>(at(K, i * rows + l), dot(xi, X + <usize>l * rowBytes, cols));
  }
  mirrorUpper(K, rows);
}
