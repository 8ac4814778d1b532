// `npm run bench [-- --time <ms>] [-- --quick]`: the three benchmarks in turn, each with the same arguments.
await import("./kernels.js");
await import("./fits.js");
await import("./exact.js");
