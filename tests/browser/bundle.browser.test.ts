// The browser bundle in a real headless Chromium (Debian's, driven by playwright-core): a page served from
// localhost imports dist/browser/regularized.js, fits Ridge, Lasso and ElasticNet on both backends, and the
// results equal Node's to 1e-12; fitInWorker in a Web Worker returns the same model as a direct fit; accumulateCsv
// reads a Blob through papaparse's browser build.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { ElasticNet, GramAccumulator, init, Lasso, loadDiabetes, Ridge } from "../../src/index.js";

/** A CSV with a BOM, CRLF, quotes and a blank line, and its rows as numbers. */
const CSV_TEXT = '\uFEFFa,"b",y\r\n1,2,3\r\n\r\n4,"5",6.5\r\n7,8,1e1\r\n';
const CSV_ROWS = { X: [[1, 2], [4, 5], [7, 8]], y: [3, 6.5, 10] };

const PAGE = `<!doctype html><meta charset="utf-8"><title>regularized bundle test</title>
<script type="module">
  import { init, Ridge, Lasso, ElasticNet, loadDiabetes, fitInWorker, DivergedError, accumulateCsv } from "/regularized.js";
  await init();
  const { X, y } = loadDiabetes();
  const results = {};
  for (const backend of ["wasm", "js"]) {
    const fits = {
      ridge: new Ridge({ lambda: 0.1, backend }).fit(X, y),
      lasso: new Lasso({ lambda: 0.5, standardize: true, tol: 1e-10, backend }).fit(X, y),
      elasticNet: new ElasticNet({ lambda: 0.5, l1Ratio: 0.5, standardize: true, tol: 1e-10, backend }).fit(X, y),
    };
    results[backend] = Object.fromEntries(Object.entries(fits).map(([name, m]) => [name, [...m.coef, m.intercept]]));
  }
  const options = { lambda: 0.5, standardize: true, tol: 1e-10 };
  const remote = await fitInWorker({ model: "Lasso", options, X: X.map((row) => Array.from(row)), y: Array.from(y) });
  const direct = new Lasso(options).fit(X, y);
  results.worker = { remote: [...remote.coef, remote.intercept], direct: [...direct.coef, direct.intercept] };
  // The pool in a page: warnings reach onWarning, errors keep their class, an abort stops a fit that would not end.
  const small = { X: [[1, 2], [2, 1], [3, 5], [4, 2]], y: [1, 2, 4, 3] };
  const warnings = [];
  await fitInWorker({ model: "Lasso", options: { lambda: 0.01, maxIter: 1, onWarning: (m) => warnings.push(m) }, ...small });
  const diverged = await fitInWorker({ model: "Ridge", options: { solver: "gd", learningRate: 1e3 }, ...small }).catch((e) => e);
  const controller = new AbortController();
  const endless = { solver: "gd", tol: 0, maxIter: 2 ** 31 - 1, learningRate: 0.001, recordHistory: false };
  const stopped = fitInWorker({ model: "Ridge", options: endless, ...small }, { signal: controller.signal }).catch((e) => e);
  setTimeout(() => controller.abort(), 200);
  const concurrent = await Promise.all(Array.from({ length: 12 }, () => fitInWorker({ model: "Ridge", ...small })));
  results.pool = {
    warnings, diverged: [diverged instanceof DivergedError, diverged.name], aborted: (await stopped).name,
    concurrent: concurrent.map((m) => m.intercept), direct: new Ridge().fit(small.X, small.y).intercept,
  };
  results.csv = (await accumulateCsv(new Blob([${JSON.stringify(CSV_TEXT)}]), { target: "y" })).total.toJSON();
  window.results = results;
</script>`;

let server: Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  const files: Record<string, Buffer> = {
    "/regularized.js": readFileSync("dist/browser/regularized.js"),
    "/worker.js": readFileSync("dist/browser/worker.js"),
  };
  server = createServer((request, response) => {
    const body = files[request.url ?? ""];
    if (body) response.writeHead(200, { "content-type": "text/javascript" }).end(body);
    else response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  await init();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the browser bundle in headless Chromium", () => {
  it("fits Ridge, Lasso and ElasticNet on both backends as Node does (1e-12), and in a Web Worker", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { results?: unknown }).results !== undefined, null, { timeout: 30_000 });
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, Record<string, number[]>> }).results);
    expect(errors).toEqual([]);
    const { X, y } = loadDiabetes();
    for (const backend of ["wasm", "js"] as const) {
      const node = {
        ridge: new Ridge({ lambda: 0.1, backend }).fit(X, y),
        lasso: new Lasso({ lambda: 0.5, standardize: true, tol: 1e-10, backend }).fit(X, y),
        elasticNet: new ElasticNet({ lambda: 0.5, l1Ratio: 0.5, standardize: true, tol: 1e-10, backend }).fit(X, y),
      };
      for (const [name, model] of Object.entries(node)) {
        const expected = [...model.coef, model.intercept];
        const got = results[backend][name];
        expect(got).toHaveLength(expected.length);
        got.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]))));
      }
    }
    const worker = results.worker as unknown as { remote: number[]; direct: number[] };
    expect(worker.remote).toEqual(worker.direct);
    const pool = results.pool as unknown as { warnings: string[]; diverged: [boolean, string]; aborted: string; concurrent: number[]; direct: number };
    expect(pool.warnings).toEqual(['Lasso (solver "cd") did not converge in 1 iterations (tol 0.0001): raise maxIter, raise tol, or standardize the features.']);
    expect(pool.diverged).toEqual([true, "DivergedError"]);
    expect(pool.aborted).toBe("AbortError");
    expect(pool.concurrent).toEqual(Array.from({ length: 12 }, () => pool.direct));
    const csv = results.csv as unknown as Record<string, number | number[]>;
    const inMemory = new GramAccumulator(2).update(CSV_ROWS.X, CSV_ROWS.y).toJSON() as unknown as Record<string, number | number[]>;
    for (const [key, value] of Object.entries(inMemory)) {
      [value].flat().forEach((v, i) => expect(Math.abs([csv[key]].flat()[i] - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v))));
    }
    await page.close();
  });
});
