// The API reference (`npm run docs`, TypeDoc over src/index.ts) builds without a warning: every type a public
// signature names is exported (or listed in typedoc.json as internal on purpose), and every {@link} resolves.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the API reference", () => {
  it("builds from the TSDoc with no warning (typedoc.json treats warnings as errors)", () => {
    const result = spawnSync(process.execPath, ["node_modules/typedoc/bin/typedoc", "--emit", "none"], { encoding: "utf8" });
    expect(result.stdout + result.stderr).not.toMatch(/warning|error/i);
    expect(result.status).toBe(0);
  }, 60_000);
});
