// firstNonFinite: its JS twin is held to the as-pect spec's cases (assembly/__tests__/non-finite.spec.ts) and to the
// WASM core's export, called on the raw core at odd offsets; the two Backend methods (the kernel table's entry, what
// copy-in calls) are held to each other.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { firstNonFinite } from "../../src/backends/js/kernels/non-finite.js";
import { getBackend, initSync } from "../../src/backends/registry.js";
import { Heap } from "../../src/backends/wasm/heap.js";
import { chooseBuild, instantiateCoreSync } from "../../src/backends/wasm/instantiate.js";

/** The spec's tables: lengths 0..9, around the 16-value block, and large; positions (-1: the last); values. */
const SIZES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1001];
const POSITIONS = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 500, 991, 992, -1];
const SPECIALS = [Number.NaN, Infinity, -Infinity];
const EDGES = [-0, 0, 5e-324, -5e-324, 2.2250738585072009e-308, 1.7e308, -1.7e308, Number.MAX_VALUE];
const OFFSETS = [0, 1, 3];

/** n finite values of mixed sign and magnitude, seen at an element offset into a larger buffer. */
function data(n: number, offset: number, seed: number): Float64Array {
  const x = new Float64Array(n + offset).subarray(offset);
  for (let i = 0; i < n; i++) x[i] = (i * 7 + seed * 13) % 11 === 0 ? 0 : Math.sin(i * 7 + seed * 13) * (1 + ((i + seed) % 5));
  return x;
}

/** The WASM core's firstNonFinite on a copy of x, at an odd element offset when asked. */
const core = instantiateCoreSync(chooseBuild(undefined));
const heap = new Heap(core.memory, core.exports.heapBase());
function wasmFirstNonFinite(x: Float64Array, offset: number): number {
  const address = heap.alloc(8 * (x.length + offset + 1));
  try {
    heap.f64(address + 8 * offset, x.length).set(x);
    return core.exports.firstNonFinite(address + 8 * offset, x.length);
  } finally {
    heap.free(address);
  }
}

describe("firstNonFinite's JS twin gives the answers of the as-pect spec", () => {
  it("-1 on finite data of every length and offset", () => {
    SIZES.forEach((n, a) => OFFSETS.forEach((offset) => expect(firstNonFinite(data(n, offset, a))).toBe(-1)));
  });

  it("the position of a planted NaN, +Infinity or -Infinity, for every length, position and offset", () => {
    SIZES.forEach((n, a) => {
      for (const offset of OFFSETS) {
        POSITIONS.forEach((position, p) => {
          const at = position < 0 ? n - 1 : position;
          if (at < 0 || at >= n) return;
          for (const special of SPECIALS) {
            const x = data(n, offset, a + p);
            x[at] = special;
            expect(firstNonFinite(x)).toBe(at);
          }
        });
      }
    });
  });

  it("the first of several non-finite values, and nothing past n", () => {
    const x = data(1001, 1, 3);
    x[700] = Infinity;
    x[40] = Number.NaN;
    x[999] = -Infinity;
    expect(firstNonFinite(x)).toBe(40);
    expect(firstNonFinite(x, 40)).toBe(-1);
    expect(firstNonFinite(x, 41)).toBe(40);
    x[40] = 1;
    expect(firstNonFinite(x)).toBe(700);
    expect(firstNonFinite(x, 700)).toBe(-1);
  });

  it("-1 for -0, subnormals and values near the largest finite one", () => {
    expect(firstNonFinite(Float64Array.from({ length: 40 }, (_, i) => EDGES[i % EDGES.length]))).toBe(-1);
    for (const edge of EDGES) expect(firstNonFinite(new Float64Array(40).fill(edge))).toBe(-1);
  });
});

describe("firstNonFinite: the JS twin and the WASM core agree", () => {
  const entry = fc.oneof(
    { weight: 30, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity) },
  );

  it("on random data with occasional NaN and infinities, at every offset parity", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), fc.constantFrom(...OFFSETS), (values, offset) => {
        const x = Float64Array.from(values);
        const expected = x.findIndex((v) => !Number.isFinite(v));
        expect(firstNonFinite(x)).toBe(expected);
        expect(wasmFirstNonFinite(x, offset)).toBe(expected);
      }),
    );
  });

  it("on long finite data with one planted value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.record({ n: fc.constant(n), at: fc.integer({ min: 0, max: n - 1 }) })),
        fc.constantFrom(...SPECIALS),
        ({ n, at }, special) => {
          const x = data(n, 0, n);
          expect(wasmFirstNonFinite(x, 1)).toBe(-1);
          x[at] = special;
          expect(firstNonFinite(x)).toBe(at);
          expect(wasmFirstNonFinite(x, 1)).toBe(at);
        },
      ),
    );
  });
});

describe("firstNonFinite: the JS and WASM Backend methods agree", () => {
  initSync();
  const backends: Backend[] = [getBackend("js"), getBackend("wasm")];
  const LENGTHS = [...Array.from({ length: 41 }, (_, n) => n), 1000];

  /** Each backend's answer on a copy of x. */
  const answers = (x: Float64Array): number[] =>
    backends.map((backend) => {
      const block = backend.fromArray(x);
      try {
        return backend.firstNonFinite(block);
      } finally {
        backend.free(block);
      }
    });

  it("-1 on finite data of lengths 0..40 and 1000", () => {
    LENGTHS.forEach((n) => expect(answers(data(n, 0, n)), `n = ${n}`).toEqual([-1, -1]));
  });

  it("the position of one NaN, +Infinity or -Infinity: first, second, middle, next to last and last", () => {
    for (const n of LENGTHS) {
      for (const at of new Set([0, 1, n >> 1, n - 2, n - 1].filter((i) => i >= 0 && i < n))) {
        for (const special of SPECIALS) {
          const x = data(n, 0, n + at);
          x[at] = special;
          expect(answers(x), `n = ${n}, x[${at}] = ${special}`).toEqual([at, at]);
        }
      }
    }
  });

  it("the first of several non-finite values", () => {
    for (const n of LENGTHS.filter((length) => length >= 3)) {
      const x = data(n, 0, n);
      const [first, second, last] = [n >> 2, (3 * n) >> 2, n - 1];
      x[last] = -Infinity;
      x[second] = Number.NaN;
      x[first] = Infinity;
      expect(answers(x), `n = ${n}`).toEqual([first, first]);
    }
  });
});
