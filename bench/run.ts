// `npm run bench [-- --time <ms>] [-- --quick]`: the benchmarks in turn, each with the same arguments.
await import("./kernels.js");
await import("./input.js");
await import("./fits.js");
await import("./gram.js");
await import("./threads.js");
await import("./exact.js");
await import("./logistic.js");
await import("./sparse-sgd.js");
await import("./csv.js");
