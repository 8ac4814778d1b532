// The embedded WASM builds decode to the build files byte for byte: the plain builds as they are, the relaxed ones
// from their deltas against them (scripts/wasm-delta.mjs, src/backends/wasm/delta.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bytesOf } from "../src/backends/wasm/instantiate.js";
import { applyDelta } from "../src/backends/wasm/delta.js";
import { coreRelaxedDelta } from "../src/backends/wasm/core-wasm.generated.js";
import * as shared from "../src/backends/wasm/core-wasm-shared.generated.js";
// @ts-expect-error: a build script, without types
import { encodeDelta } from "../scripts/wasm-delta.mjs";

const file = (name: string) => new Uint8Array(readFileSync(new URL(`../build/${name}`, import.meta.url)));
const unpack = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));
const encode = encodeDelta as (base: Buffer, target: Buffer) => Buffer;

describe("the embedded WASM builds", () => {
  it("decode to build/core.wasm and build/core-relaxed.wasm byte for byte", () => {
    expect(bytesOf("plain")).toEqual(file("core.wasm"));
    expect(bytesOf("relaxed")).toEqual(file("core-relaxed.wasm"));
  });

  it("the shared-memory builds too", () => {
    const plain = unpack(shared.coreSharedWasm);
    expect(plain).toEqual(file("core-shared.wasm"));
    expect(applyDelta(plain, unpack(shared.coreRelaxedSharedDelta))).toEqual(file("core-relaxed-shared.wasm"));
  });

  it("the relaxed build's delta is a fraction of the build", () => {
    expect(unpack(coreRelaxedDelta).length).toBeLessThan(file("core-relaxed.wasm").length / 4);
  });
});

describe("a delta", () => {
  const bytes = (...values: number[]) => Buffer.from(values);
  it.each([
    ["equal", bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(1, 2, 3, 4, 5, 6, 7, 8)],
    ["empty target", bytes(1, 2, 3), bytes()],
    ["no common run", bytes(1, 2, 3), bytes(9, 8, 7, 6, 5, 4, 3, 2, 1)],
    ["runs moved backwards and forwards", bytes(...Array.from({ length: 300 }, (_, i) => (i * 7) % 251)), bytes(
      ...Array.from({ length: 40 }, (_, i) => ((i + 200) * 7) % 251), 0, 0, ...Array.from({ length: 30 }, (_, i) => ((i + 10) * 7) % 251),
      ...Array.from({ length: 140 }, (_, i) => (i * 13) % 256),
    )],
  ])("round-trips: %s", (_, base, target) => {
    expect(Buffer.from(applyDelta(base, encode(base, target)))).toEqual(target);
  });
});
