import { describe, expect, it } from "vitest";
import { getBackend, init, isInitialized, l1Penalty } from "../src/index.js";

// Runs in its own module instance (vitest isolates test files), so the core starts uninstantiated.
describe("init and backend selection", () => {
  it("refuses the WASM backend before init, telling the user to call init or use the JS backend", () => {
    expect(isInitialized()).toBe(false);
    expect(() => l1Penalty([1, -2], 1)).toThrow(/call `await init\(\)`.*backend: "js"/);
    expect(l1Penalty([1, -2], 1, { backend: "js" })).toBe(3);
  });

  it("initializes once: concurrent and repeated calls share one instance", async () => {
    await Promise.all([init(), init()]);
    const first = getBackend("wasm");
    await init();
    expect(getBackend("wasm")).toBe(first);
    expect(l1Penalty([1, -2], 1)).toBe(3);
  });

  it("rejects an unknown backend name", () => {
    expect(() => getBackend("gpu" as "js")).toThrow(/backend must be "wasm" or "js", got "gpu"/);
  });
});
