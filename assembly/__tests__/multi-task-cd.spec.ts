import { cdMultiTask } from "../solvers/multi-task-cd";
import { block, get, release, set } from "./helpers";

describe("cdMultiTask", () => {
  it("block-soft-thresholds the rows of an orthogonal design: W = [[1.8, 2.4], [0, 0]]", () => {
    // X = [[1, 0], [0, 1], [-1, 0], [0, -1]] (columns: Xt), Y = [[3, 4], [1, 0], [-3, -4], [-1, 0]] (outputs: Yt).
    // X^T Y: row 0 = [6, 8] (norm 10), row 1 = [2, 0] (norm 2); X^T X = 2 I; lambda = 1, rho = 1, so alpha = n lambda rho = 4:
    // W_0 = [6, 8] (1 - 4/10) / 2 = [1.8, 2.4], W_1 = 0 since 2 <= 4.
    const Xt = block(8, 1);
    const xt: f64[] = [1, 0, -1, 0, 0, 1, 0, -1];
    for (let i = 0; i < 8; i++) set(Xt, i, xt[i]);
    const Yt = block(8, 0);
    const yt: f64[] = [3, 1, -3, -1, 4, 0, -4, 0];
    for (let i = 0; i < 8; i++) set(Yt, i, yt[i]);
    const W = block(4, 1);
    for (let i = 0; i < 4; i++) set(W, i, 0.0);
    const Rt = block(8, 0);
    const norms = block(2, 1);
    const t = block(2, 0);
    const out = block(3, 1);
    const G = block(4, 0);
    const rows = block(8, 1); // rowG, rowW, ws and values: 2 each
    const dual = block(1, 0);
    cdMultiTask(Xt, 4, 2, Yt, 2, 1.0, 1.0, 100, 1e-12, W, Rt, norms, t, G, rows, rows + 16, rows + 32, rows + 48, dual, 0, 0, out);
    expect(get(W, 0)).toBeCloseTo(1.8, 14);
    expect(get(W, 1)).toBeCloseTo(2.4, 14);
    expect(get(W, 2)).toBe(0.0);
    expect(get(W, 3)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    release(Xt, 1); release(Yt, 0); release(W, 1); release(Rt, 0); release(norms, 1); release(t, 0); release(out, 1); release(G, 0); release(rows, 1); release(dual, 0);
  });

  it("takes lambda and rho: with rho = 1/2 (alpha = beta = 2) W_0 = [6, 8] (1 - 2/10) / 4 = [1.2, 1.6], W_1 = 0", () => {
    const Xt = block(8, 0);
    const xt: f64[] = [1, 0, -1, 0, 0, 1, 0, -1];
    for (let i = 0; i < 8; i++) set(Xt, i, xt[i]);
    const Yt = block(8, 1);
    const yt: f64[] = [3, 1, -3, -1, 4, 0, -4, 0];
    for (let i = 0; i < 8; i++) set(Yt, i, yt[i]);
    const W = block(4, 0);
    for (let i = 0; i < 4; i++) set(W, i, 0.0);
    const Rt = block(8, 1);
    const norms = block(2, 0);
    const t = block(2, 1);
    const out = block(3, 0);
    const G = block(4, 0);
    const rows = block(8, 1); // rowG, rowW, ws and values: 2 each
    const dual = block(1, 0);
    cdMultiTask(Xt, 4, 2, Yt, 2, 1.0, 0.5, 100, 1e-12, W, Rt, norms, t, G, rows, rows + 16, rows + 32, rows + 48, dual, 0, 0, out);
    expect(get(W, 0)).toBeCloseTo(1.2, 14);
    expect(get(W, 1)).toBeCloseTo(1.6, 14);
    expect(get(W, 2)).toBe(0.0);
    expect(get(W, 3)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    release(Xt, 0); release(Yt, 1); release(W, 0); release(Rt, 1); release(norms, 0); release(t, 1); release(out, 0); release(G, 0); release(rows, 1); release(dual, 0);
  });
});
