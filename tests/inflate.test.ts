// The raw-DEFLATE decoder of the embedded builds against Node's zlib: stored, fixed and dynamic Huffman blocks.
import { readFileSync } from "node:fs";
import { constants, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflate } from "../src/backends/wasm/inflate.js";

/** Deterministic bytes of some structure: runs, repeats at every distance, and noise. */
function sample(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 1;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 1000 < 300 ? (state >>> 24) : i % 1000 < 600 ? bytes[Math.max(0, i - 1 - (state % 30000))] : i % 7;
  }
  return bytes;
}

describe("inflate", () => {
  const inputs: [string, Buffer][] = [
    ["empty", Buffer.alloc(0)],
    ["one byte", Buffer.from([42])],
    ["structured, 200 KB", sample(200_000)],
    ["the core", readFileSync(new URL("../build/core.wasm", import.meta.url))],
  ];
  const settings: [string, object][] = [
    ["stored", { level: 0 }],
    ["fixed Huffman", { level: 9, strategy: constants.Z_FIXED }],
    ["dynamic, level 1", { level: 1 }],
    ["dynamic, level 9", { level: 9 }],
  ];
  for (const [name, input] of inputs) {
    it.each(settings)(`${name}: %s`, (_, options) => {
      expect(Buffer.from(inflate(deflateRawSync(input, options), input.length))).toEqual(input);
    });
  }
});
