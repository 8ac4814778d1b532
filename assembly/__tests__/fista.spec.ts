import { fista } from "../solvers/fista";
import { block, get, orthogonalDesign, orthogonalTargets, release } from "./helpers";

describe("fista", () => {
  it("finds the closed-form lasso solution of the orthogonal design, [1, 0], with L the largest eigenvalue 1/2", () => {
    const X = orthogonalDesign();
    const y = orthogonalTargets();
    const w = block(2, 1);
    const scratch = block(6 * 2 + 4, 0);
    const out = block(3, 1);
    fista(X, 4, 2, y, 1.0, 1.0, 0.5, 1000, 1e-14, false, w, scratch, scratch + 16, scratch + 32, scratch + 48,
      scratch + 64, scratch + 80, 0, 0, 0, 0, 0, 0, out);
    expect(get(w, 0)).toBeCloseTo(1.0, 12);
    expect(get(w, 1)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    release(X, 1); release(y, 0); release(w, 1); release(scratch, 0); release(out, 1);
  });
});
