import { at, laneSum } from "../kernels/lanes";

describe("lanes", () => {
  it("at(base, i) is the byte address of element i", () => {
    expect(at(1024, 0)).toBe(1024);
    expect(at(1024, 3)).toBe(1048);
    expect(at(8, 1001)).toBe(8 + 8 * 1001);
  });

  it("laneSum adds the two lanes of an f64x2", () => {
    expect(laneSum(f64x2(1.5, -4.0))).toBe(-2.5);
    expect(laneSum(f64x2.splat(0.0))).toBe(0.0);
  });
});
