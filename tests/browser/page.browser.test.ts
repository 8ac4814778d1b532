// The demo page (web/) in headless Chromium: it loads, fits, draws every plot with data, responds to the lambda
// slider, and (served cross-origin isolated) times a fit in workers on one thread and on the core's threads. Its screenshot (UPDATE_SCREENSHOT=1) is kept as web/screenshot.png for the README.
// Its classification mode (breast cancer) shows the weights, the ROC AUC on the held-out rows and CV's lambda.min and
// lambda.1se that LogisticRegression and LogisticRegressionCV give in Node on the same rows.
import { statSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { init, loadBreastCancer, LogisticRegression, LogisticRegressionCV } from "../../src/index.js";
// @ts-expect-error: a plain .mjs helper without types
import { bundleDemo, serveDemo } from "../../scripts/demo.mjs";

let server: Server;
let browser: Browser;

beforeAll(async () => {
  await bundleDemo();
  server = await serveDemo(0);
  browser = await launchChromium();
  await init();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the demo page", () => {
  it("fits on load, draws the plots, follows the slider, and is kept as a screenshot", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { demo?: { ready: boolean } }).demo?.ready === true, null, { timeout: 30_000 });
    const count = (selector: string) => page.locator(selector).count();
    expect(await count("#coef [data-bar], #coef [data-zero]")).toBe(10);
    expect(await count("#path polyline")).toBe(10);
    expect(await count("#r2 polyline")).toBe(2);
    expect(await count("#geometry [data-contour]")).toBe(5);
    expect(await count("#timing [data-bar]")).toBe(2);
    // The timing panel spends at least 100 ms on each backend, in batches the coarse browser timer can measure,
    // and its median per fit is of the size of the time spent per fit (not a timer step such as 0.1 ms).
    type Timing = { median: number; fits: number; spentMs: number; batches: number };
    const timing = await page.evaluate(() => (window as unknown as { demo: { timing: { wasm: Timing; js: Timing } } }).demo.timing);
    for (const backend of [timing.wasm, timing.js]) {
      expect(backend.spentMs).toBeGreaterThanOrEqual(100);
      expect(backend.batches).toBeGreaterThanOrEqual(5);
      const mean = backend.spentMs / backend.fits;
      expect(backend.median).toBeGreaterThan(mean / 3);
      expect(backend.median).toBeLessThan(mean * 3);
    }
    expect(await page.locator("#status").textContent()).toContain(`WASM ${timing.wasm.median.toFixed(3)} ms, JS ${timing.js.median.toFixed(3)} ms per fit`);
    const before = await page.evaluate(() => (window as unknown as { demo: { fits: number; zeros: number } }).demo);
    await page.locator("#lambda").evaluate((input: HTMLInputElement) => {
      input.value = "1.2";
      input.dispatchEvent(new Event("input"));
    });
    const after = await page.evaluate(() => (window as unknown as { demo: { fits: number; zeros: number } }).demo);
    expect(after.fits).toBeGreaterThan(before.fits);
    expect(after.zeros).toBeGreaterThan(before.zeros);
    await page.locator("#lambda").evaluate((input: HTMLInputElement) => {
      input.value = "0";
      input.dispatchEvent(new Event("input"));
    });
    // Served cross-origin isolated, the page times the same Ridge fit in workers on 1 thread and on the default
    // threads (the page's own main thread never has them).
    await page.waitForFunction(() => (window as unknown as { threadsCheck?: object }).threadsCheck !== undefined, null, { timeout: 60_000 });
    const threads = await page.evaluate(() => (window as unknown as { threadsCheck: { isolated: boolean; main: boolean; one: { threads: number }; many: { threads: number; available: boolean } } }).threadsCheck);
    expect(threads).toMatchObject({ isolated: true, main: false, one: { threads: 1 }, many: { available: true } });
    expect(threads.many.threads).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#threads").textContent()).toMatch(/on 1 thread, [\d.]+ ms on \d+ threads/);
    // UPDATE_SCREENSHOT=1 npm run test:browser refreshes the README's web/screenshot.png; otherwise a temp file.
    const shot = process.env.UPDATE_SCREENSHOT ? "web/screenshot.png" : join(tmpdir(), "regularized-demo.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("switches to classification: the weights, the ROC AUC and CV's lambda.min and lambda.1se are Node's", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { demo?: { ready: boolean } }).demo?.ready === true, null, { timeout: 30_000 });
    await page.selectOption("#dataset", "breast-cancer");
    await settled(page, (demo) => demo.task === "classification" && demo.model === "Lasso");
    await page.locator("#lambda").evaluate((input: HTMLInputElement) => {
      input.value = "-1";
      input.dispatchEvent(new Event("input"));
    });
    const demo = await settled(page, (d) => d.lambda === 0.1);
    const count = (selector: string) => page.locator(selector).count();

    // The same rows in Node: every fifth held out, the model fitted on the rest.
    const { X, y, featureNames } = loadBreastCancer();
    const held = (i: number) => i % 5 === 4;
    const train = { X: X.filter((_, i) => !held(i)), y: y.filter((_, i) => !held(i)) };
    const test = { X: X.filter((_, i) => held(i)), y: y.filter((_, i) => held(i)) };
    const model = new LogisticRegression({ lambda: 0.1, l1Ratio: 1, standardize: true }).fit(train.X, train.y);
    expect(await count("#coef [data-bar], #coef [data-zero]")).toBe(30);
    expect(await page.locator("#coef text").allTextContents()).toEqual(featureNames);
    const zeros = Array.from(model.coef).filter((c) => c === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(await count("#coef [data-zero]")).toBe(zeros);
    demo.coef.forEach((c, j) => expect(Math.abs(c - model.coef[j])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(model.coef[j]))));
    expect(await count("#path polyline")).toBe(30);

    // The AUC from predictProba's p(malignant), pair by pair (ties half).
    const p = model.predictProba(test.X);
    const malignant = model.classes.indexOf("malignant");
    const score = test.y.map((_, i) => p[i * 2 + malignant]);
    let [pairs, wins] = [0, 0];
    test.y.forEach((a, i) => test.y.forEach((b, k) => {
      if (a !== "malignant" || b === "malignant") return;
      pairs++;
      wins += score[i] > score[k] ? 1 : score[i] === score[k] ? 0.5 : 0;
    }));
    const auc = wins / pairs;
    expect(auc).toBeGreaterThan(0.9);
    expect(auc).toBeLessThan(1); // at this lambda the ROC curve has a corner to get right
    expect(Math.abs(demo.auc - auc)).toBeLessThanOrEqual(1e-12);
    expect(await page.locator("#rocCaption").textContent()).toContain(`AUC ${auc.toFixed(4)}`);

    // LogisticRegressionCV on the training rows, the page's folds (5, seed 0) and scoring.
    const cv = new LogisticRegressionCV({ l1Ratio: 1, standardize: true, nFolds: 5, scoring: "deviance", seed: 0 }).fit(train.X, train.y);
    const mark = async (name: string) => Number(await page.locator(`#cv [data-mark="${name}"]`).getAttribute("data-value"));
    expect(Math.abs(await mark("lambda.min") - cv.lambdaMin)).toBeLessThanOrEqual(1e-12 * cv.lambdaMin);
    expect(Math.abs(await mark("lambda.1se") - cv.lambda1se)).toBeLessThanOrEqual(1e-12 * cv.lambda1se);
    expect(cv.lambda1se).toBeGreaterThan(cv.lambdaMin);
    const curve = await page.locator("#cv polyline[data-series]").getAttribute("points");
    expect(curve?.split(" ")).toHaveLength(cv.lambdas.length);
    expect(await count("#cv [data-band]")).toBe(1);
    await page.locator("#useLambdaMin").click();
    const atMin = await settled(page, (d) => d.lambda !== 0.1);
    expect(Math.abs(atMin.lambda - cv.lambdaMin)).toBeLessThanOrEqual(1e-12 * cv.lambdaMin);

    // Ridge-like: no exact zeros, the path from warm-started fits, no cross-validation (it needs an L1 part).
    await page.selectOption("#model", "Ridge");
    const ridge = await settled(page, (d) => d.model === "Ridge");
    expect(ridge.zeros).toBe(0);
    expect(await count("#coef [data-bar]")).toBe(30);
    expect(await count("#path polyline")).toBe(30);
    expect(await count("#cv [data-mark]")).toBe(0);
    expect(await page.locator("#cvNote").isVisible()).toBe(true);
    expect(await page.locator("#useLambdaMin").isDisabled()).toBe(true);
    const shot = process.env.UPDATE_SCREENSHOT ? "web/screenshot-classification.png" : join(tmpdir(), "regularized-demo-classification.png");
    await page.selectOption("#model", "Lasso");
    await settled(page, (d) => d.model === "Lasso");
    await page.screenshot({ path: shot, fullPage: true });

    // Back to regression: the diabetes figures, and the slider's own range.
    await page.selectOption("#dataset", "diabetes");
    await page.waitForFunction(() => (window as unknown as { demo: { task: string; ready: boolean } }).demo.task === "regression", null, { timeout: 30_000 });
    expect(await count("#coef [data-bar], #coef [data-zero]")).toBe(10);
    expect(await count("#r2 polyline")).toBe(2);
    expect(await page.locator("#lambda").getAttribute("min")).toBe("-3");
    expect(await page.locator("#r2").isVisible()).toBe(true);
    expect(await page.locator("#roc").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** What the classification mode publishes once it has drawn. */
interface ClassificationDemo { task: string; ready: boolean; model: string; lambda: number; zeros: number; auc: number; coef: number[] }

/** Waits until the page has drawn a classification render for which `until` holds, and returns what it published. */
async function settled(page: Page, until: (demo: ClassificationDemo) => boolean): Promise<ClassificationDemo> {
  const read = () => page.evaluate(() => (window as unknown as { demo: ClassificationDemo }).demo);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const demo = await read();
    if (demo.task === "classification" && demo.ready && until(demo)) return demo;
    if (Date.now() > deadline) throw new Error(`the classification mode did not settle in 30 s: it published ${JSON.stringify({ ...demo, coef: undefined })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
