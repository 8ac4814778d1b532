// The embedded builds decode to the build files byte for byte: the plain builds as they are, and the relaxed ones
// from their parts with the data section put back from the plain builds (scripts/embed.mjs, splice-section.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bytesOf } from "../src/backends/wasm/instantiate.js";
import { spliceSection } from "../src/backends/wasm/splice-section.js";
import * as shared from "../src/backends/wasm/core-wasm-shared.generated.js";

const file = (name: string) => new Uint8Array(readFileSync(new URL(`../build/${name}`, import.meta.url)));
const base64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

describe("the embedded WASM builds", () => {
  it("decode to build/core.wasm and build/core-relaxed.wasm byte for byte", () => {
    expect(bytesOf("plain")).toEqual(file("core.wasm"));
    expect(bytesOf("relaxed")).toEqual(file("core-relaxed.wasm"));
  });

  it("the shared-memory builds too", () => {
    const plain = base64(shared.coreSharedWasmBase64);
    expect(plain).toEqual(file("core-shared.wasm"));
    expect(spliceSection(plain, base64(shared.coreRelaxedSharedPartBase64), shared.coreRelaxedSharedSplice)).toEqual(file("core-relaxed-shared.wasm"));
  });

  it("the relaxed part lacks exactly the plain build's data section", () => {
    const { from, to } = shared.coreRelaxedSharedSplice;
    expect(file("core-relaxed-shared.wasm").length - base64(shared.coreRelaxedSharedPartBase64).length).toBe(to - from);
    expect(file("core-shared.wasm")[from]).toBe(11); // the data section's id
  });
});
