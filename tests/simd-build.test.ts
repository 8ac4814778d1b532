// Which build of the core init() runs: relaxed exactly where the runtime validates a module that uses
// f64x2.relaxed_madd (a hand-encoded one below, independent of the core), plain elsewhere; and the options.
import { describe, expect, it } from "vitest";
import { init, initSync, simdBuild } from "../src/index.js";

/** (module (func (result v128) (f64x2.relaxed_madd (v128.const f64x2 0 0) (v128.const f64x2 0 0) (v128.const f64x2 0 0)))) */
const RELAXED_MADD_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x3d, 0x01, 0x3b, 0x00, // code section: one body of 59 bytes, no locals
  ...[0, 1, 2].flatMap(() => [0xfd, 0x0c, ...new Array<number>(16).fill(0)]), // three v128.const
  0xfd, 0x87, 0x02, 0x0b, // f64x2.relaxed_madd, end
]);

describe("the SIMD build of the core", () => {
  it("is relaxed exactly where the runtime runs relaxed SIMD (in `npm run test:relaxed`, under the flag)", async () => {
    const runs = WebAssembly.validate(RELAXED_MADD_MODULE);
    expect(simdBuild()).toBeUndefined();
    await init();
    expect(simdBuild()).toBe(runs ? "relaxed" : "plain");
    if (process.env.REGULARIZED_EXPECT_SIMD) expect(simdBuild()).toBe(process.env.REGULARIZED_EXPECT_SIMD);
  });

  it("refuses a build other than the one running, and a build it does not know", async () => {
    const other = simdBuild() === "relaxed" ? "plain" : "relaxed";
    await expect(init({ simd: other })).rejects.toThrow(`the core already runs the ${simdBuild()} build`);
    expect(() => initSync({ simd: "fast" as never })).toThrow('init: simd must be "relaxed" or "plain", got "fast".');
    await expect(init({ simd: simdBuild() })).resolves.toBeUndefined();
  });
});
