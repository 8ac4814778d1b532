// The core's threads in a real headless Chromium: in a Web Worker of a cross-origin isolated page (served with
// COOP and COEP), init() starts workers over one shared memory, a large Ridge fit runs its Gram pass on them and
// gives Node's bits; without those headers, on the page's main thread, and where the shared builds are missing,
// the core runs on one thread.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { init, Ridge } from "../../src/index.js";

/** Rows and columns past the core's threshold for a parallel pass (rows d (d + 1) / 2 >= 2^22). */
const [ROWS, COLS] = [6000, 60];

/** The data both sides build: exact in binary (multiples of 1/1024), so every runtime has the same values. */
const DATA_SOURCE = `
  const data = new Float64Array(${ROWS * COLS}).map((_, i) => ((i * 7919) % 1024) / 1024 - 0.5);
  const y = Float64Array.from({ length: ${ROWS} }, (_, i) => ((i * 104729) % 1024) / 512 - 1);
  const X = { data, rows: ${ROWS}, cols: ${COLS} };`;

const WORKER = `
import { init, Ridge, coreThreads, coreThreadStats, threadsAvailable } from "./regularized.js";
${DATA_SOURCE}
await init({ simd: "plain" }); // Node 20 runs the plain build: the same bits
const fit = () => new Ridge({ lambda: 0.1 }).fit(X, y);
fit(); // the first large pass starts the threads in the background
const deadline = Date.now() + 20000;
while (coreThreads() > 1 && coreThreadStats().ready < coreThreads() - 1 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
// Which thread takes a pass's calls depends on scheduling (this one starts at once): fit until a worker took some.
let model = fit();
for (let k = 0; k < 50 && coreThreads() > 1 && coreThreadStats().callsOnWorkers === 0; k++) model = fit();
postMessage({ available: threadsAvailable(), threads: coreThreads(), stats: coreThreadStats() ?? null, coef: Array.from(model.coef), intercept: model.intercept });
`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>regularized threads test</title>
<script type="module">
  import { init, threadsAvailable, coreThreads } from "./regularized.js";
  await init();
  const worker = new Worker(new URL("worker-fit.js", location.href), { type: "module" });
  const fromWorker = await new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
  }).catch((error) => ({ error: String(error) }));
  window.results = { isolated: self.crossOriginIsolated, main: { available: threadsAvailable(), threads: coreThreads() }, worker: fromWorker };
</script>`;

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const files: Record<string, string | Buffer> = {
    "/regularized.js": readFileSync("dist/browser/regularized.js"),
    "/wasm/core-thread-entry.js": readFileSync("dist/browser/wasm/core-thread-entry.js"),
    "/core-wasm-shared.generated.js": readFileSync("dist/browser/core-wasm-shared.generated.js"),
  };
  // Pages under /isolated/ come with COOP and COEP (crossOriginIsolated), those under /plain/ without; those under
  // /unbundled/ are isolated but lack the shared builds (as an app that bundled dist/ itself).
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    const isolated = !path.startsWith("/plain/");
    const headers: Record<string, string> = isolated
      ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" }
      : {};
    const name = path.replace(/^\/(isolated|plain|unbundled)\//, "/");
    if (path.startsWith("/unbundled/") && name === "/core-wasm-shared.generated.js") {
      response.writeHead(404, headers).end("not found");
      return;
    }
    const body = name.endsWith("/worker-fit.js") ? WORKER : files[name];
    if (body !== undefined) response.writeHead(200, { ...headers, "content-type": "text/javascript" }).end(body);
    else response.writeHead(200, { ...headers, "content-type": "text/html" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  await init();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface ThreadResults {
  isolated: boolean;
  main: { available: boolean; threads: number };
  worker: { available: boolean; threads: number; stats: { ready: number; passes: number; callsOnWorkers: number } | null; coef: number[]; intercept: number };
}

async function open(path: string): Promise<ThreadResults> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => (window as unknown as { results?: unknown }).results !== undefined, null, { timeout: 45_000 });
  const results = await page.evaluate(() => (window as unknown as { results: ThreadResults }).results);
  await page.close();
  expect(errors).toEqual([]);
  return results;
}

/** The same fit in Node, built from the same source. */
function nodeFit(): { coef: number[]; intercept: number } {
  const { X, y } = new Function(`${DATA_SOURCE}; return { X, y };`)() as { X: { data: Float64Array; rows: number; cols: number }; y: Float64Array };
  const model = new Ridge({ lambda: 0.1 }).fit(X, y);
  return { coef: Array.from(model.coef), intercept: model.intercept };
}

describe("the core's threads in headless Chromium", () => {
  it("run a worker's Gram pass on threads where the page is cross-origin isolated, with Node's bits", async () => {
    const results = await open("/isolated/");
    expect(results.isolated).toBe(true);
    expect(results.main).toEqual({ available: false, threads: 1 });
    expect(results.worker.available).toBe(true);
    expect(results.worker.threads).toBeGreaterThanOrEqual(2);
    expect(results.worker.stats?.ready).toBe(results.worker.threads - 1);
    expect(results.worker.stats?.callsOnWorkers).toBeGreaterThan(0);
    const node = nodeFit();
    expect(results.worker.coef).toEqual(node.coef);
    expect(results.worker.intercept).toBe(node.intercept);
  });

  it("fall back to one thread where the shared builds cannot be fetched: the same bits", async () => {
    const results = await open("/unbundled/");
    expect(results.isolated).toBe(true);
    expect(results.worker).toMatchObject({ available: true, threads: 1, stats: null });
    expect(results.worker.coef).toEqual(nodeFit().coef);
  });

  it("stay off without COOP and COEP: one thread, the same bits", async () => {
    const results = await open("/plain/");
    expect(results.isolated).toBe(false);
    expect(results.worker).toMatchObject({ available: false, threads: 1, stats: null });
    expect(results.worker.coef).toEqual(nodeFit().coef);
  });
});
