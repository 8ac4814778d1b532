import { defineConfig } from "vitest/config";

// The accuracy suite on the relaxed-SIMD build of the core: Node 20 runs it only with the flag below, and init()
// then chooses it (tests/simd-build.test.ts checks that it did). `npm run test:relaxed`, part of `npm test`.
export default defineConfig({
  test: {
    include: [
      "tests/simd-build.test.ts", "tests/kernels/**/*.test.ts", "tests/solvers/**/*.test.ts", "tests/models/**/*.test.ts",
      "tests/paths/**/*.test.ts", "tests/linalg/**/*.test.ts", "tests/gram-accumulator.test.ts", "tests/streaming/fits-from-folds.test.ts",
    ],
    pool: "forks",
    execArgv: ["--experimental-wasm-relaxed-simd"],
    env: { REGULARIZED_EXPECT_SIMD: "relaxed" },
  },
});
