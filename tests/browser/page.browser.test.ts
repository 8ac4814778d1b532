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
import { init, loadBreastCancer, loadDiabetes, LogisticRegression, LogisticRegressionCV } from "../../src/index.js";
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
    const { page, errors } = await openPage();
    const count = (selector: string) => page.locator(selector).count();
    // Every chart has axes with tick labels and axis labels.
    for (const id of ["coef", "path", "r2", "history", "residuals", "geometry", "timing"]) await expectAxes(page, id);
    const { featureNames } = loadDiabetes();
    expect(await count("#coef g[aria-label=bar] rect") + await count("#coef g[aria-description='zero weight'] circle")).toBe(10);
    expect(await page.locator("#coef g[aria-label='y-axis tick label'] text").allTextContents()).toEqual(featureNames);
    expect(await count("#path g[aria-label=line] path")).toBe(10);
    expect(await count("#r2 g[aria-label=line] path")).toBe(2);
    // Legends where series share a chart: the path's features, the R^2 chart's train and test.
    expect(await legend(page, "path")).toEqual(featureNames);
    expect(await legend(page, "r2")).toEqual(["train", "test"]);
    expect(await legend(page, "geometry")).toEqual(["loss contour", "L1 diamond", "L2 ball", "fitted", "unpenalized"]);
    expect(await count("#geometry g[aria-description='loss contour'] path")).toBe(5);
    expect(await count("#residuals g[aria-label=dot] circle")).toBe(88); // the held-out rows: every fifth of 442
    expect(await count("#timing g[aria-label=bar] rect")).toBe(2);
    expect(await count("#path g[aria-description=lambda]")).toBe(1);
    // A tooltip on hover: over a weight's bar, it names the feature and gives its weight.
    const demoCoef = (await page.evaluate(() => (window as unknown as { demo: { coef: number[] } }).demo)).coef;
    const s5 = featureNames.indexOf("s5");
    expect(await hoverTip(page, "coef", `g[aria-label='y-axis tick label'] text >> nth=${s5}`, 60)).toContain(`s5: ${demoCoef[s5].toPrecision(4)}`);
    // The timing panel spends at least 100 ms on each backend, in batches the coarse browser timer can measure,
    // and its median per fit is of the size of the time spent per fit (not a timer step such as 0.1 ms).
    type Timing = { median: number; fits: number; spentMs: number; batches: number };
    const timing = await page.evaluate(() => (window as unknown as { demo: { timing: { wasm: Timing; js: Timing } } }).demo.timing);
    for (const backend of [timing.wasm, timing.js]) {
      expect(backend.spentMs).toBeGreaterThanOrEqual(100);
      expect(backend.batches).toBeGreaterThanOrEqual(5);
      const mean = backend.spentMs / backend.fits;
      // A batch slowed by a garbage collection raises the mean, not the median: the median may lie well below it.
      expect(backend.median).toBeGreaterThan(mean / 10);
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

  it("reads a CSV file with a text column, one-hot encoded, and predicts a number column of it", async () => {
    const { page, errors } = await openPage();
    const cities = ["Lyon", "Paris", "Nice"];
    const lines = ["area,city,price", ...Array.from({ length: 30 }, (_, i) => `${40 + i},${cities[i % 3]},${100 + 3 * i + 50 * (i % 3)}`)];
    await page.setInputFiles("#csv", { name: "houses.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await page.waitForFunction(() => document.querySelector("#coef g[aria-label='y-axis tick label']")?.textContent?.includes("city=Lyon"), null, { timeout: 30_000 });
    expect(await page.locator("#coef g[aria-label='y-axis tick label'] text").allTextContents()).toEqual(["area", "city=Lyon", "city=Nice", "city=Paris"]);
    // Only number columns may be the target; the last one is chosen.
    expect(await page.locator("#target option").allTextContents()).toEqual(["area", "price"]);
    expect(await page.locator("#target").inputValue()).toBe("price");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("switches to classification: the weights, the ROC AUC and CV's lambda.min and lambda.1se are Node's", async () => {
    const { page, errors } = await openPage();
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
    for (const id of ["coef", "path", "cv", "roc", "history", "timing"]) await expectAxes(page, id);
    expect(await count("#coef g[aria-label=bar] rect") + await count("#coef g[aria-description='zero weight'] circle")).toBe(30);
    expect(await page.locator("#coef g[aria-label='y-axis tick label'] text").allTextContents()).toEqual(featureNames);
    const zeros = Array.from(model.coef).filter((c) => c === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(await count("#coef g[aria-description='zero weight'] circle")).toBe(zeros);
    demo.coef.forEach((c, j) => expect(Math.abs(c - model.coef[j])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(model.coef[j]))));
    expect(await count("#path g[aria-label=line] path")).toBe(30);
    expect(await legend(page, "path")).toEqual(featureNames);
    expect(await legend(page, "roc")).toEqual(["model", "chance"]);

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
    const published = demo as unknown as { lambdaMin: number; lambda1se: number };
    expect(Math.abs(published.lambdaMin - cv.lambdaMin)).toBeLessThanOrEqual(1e-12 * cv.lambdaMin);
    expect(Math.abs(published.lambda1se - cv.lambda1se)).toBeLessThanOrEqual(1e-12 * cv.lambda1se);
    expect(cv.lambda1se).toBeGreaterThan(cv.lambdaMin);
    // glmnet's plot.cv.glmnet: a dot and an error bar per lambda, rules at lambda.min and lambda.1se (on the path too).
    expect(await count("#cv g[aria-description=mean] circle")).toBe(cv.lambdas.length);
    expect(await count("#cv g[aria-description='error bar'] line")).toBe(cv.lambdas.length);
    for (const id of ["cv", "path"]) {
      for (const [name, value] of [["lambda.min", cv.lambdaMin], ["lambda.1se", cv.lambda1se]] as const) {
        expect(await count(`#${id} g[aria-description='${name}'] line`)).toBe(1);
        expect(await page.locator(`#${id} g[aria-description='${name} label'] text`).textContent()).toBe(`${name} ${value.toPrecision(4)}`);
      }
    }
    // A tooltip on a path line names the feature and its weight.
    const pathTip = await hoverTip(page, "path", "g[aria-label=line] path >> nth=0", 0.5);
    expect(pathTip).toMatch(new RegExp(`^(${featureNames.join("|")}): -?[\\d.e+-]+ at lambda [\\d.e+-]+$`));
    await page.locator("#useLambdaMin").click();
    const atMin = await settled(page, (d) => d.lambda !== 0.1);
    expect(Math.abs(atMin.lambda - cv.lambdaMin)).toBeLessThanOrEqual(1e-12 * cv.lambdaMin);

    // Ridge-like: no exact zeros, the path from warm-started fits, no cross-validation (it needs an L1 part).
    await page.selectOption("#model", "Ridge");
    const ridge = await settled(page, (d) => d.model === "Ridge");
    expect(ridge.zeros).toBe(0);
    expect(await count("#coef g[aria-label=bar] rect")).toBe(30);
    expect(await count("#path g[aria-label=line] path")).toBe(30);
    expect(await count("#cv svg")).toBe(0);
    expect(await page.locator("#cvNote").isVisible()).toBe(true);
    expect(await page.locator("#useLambdaMin").isDisabled()).toBe(true);
    const shot = process.env.UPDATE_SCREENSHOT ? "web/screenshot-classification.png" : join(tmpdir(), "regularized-demo-classification.png");
    await page.selectOption("#model", "Lasso");
    await settled(page, (d) => d.model === "Lasso");
    await page.screenshot({ path: shot, fullPage: true });

    // Back to regression: the diabetes figures, and the slider's own range.
    await page.selectOption("#dataset", "diabetes");
    await page.waitForFunction(() => (window as unknown as { demo: { task: string; ready: boolean } }).demo.task === "regression", null, { timeout: 30_000 });
    expect(await count("#coef g[aria-label=bar] rect") + await count("#coef g[aria-description='zero weight'] circle")).toBe(10);
    expect(await count("#r2 g[aria-label=line] path")).toBe(2);
    expect(await page.locator("#lambda").getAttribute("min")).toBe("-3");
    expect(await page.locator("#r2").isVisible()).toBe(true);
    expect(await page.locator("#roc").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Opens the page and waits for its first render; `errors` collects the page's uncaught errors. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => (window as unknown as { demo?: { ready: boolean } }).demo?.ready === true, null, { timeout: 30_000 });
  return { page, errors };
}

/** Checks that a chart has both axes: tick labels with text, and a label naming each axis. */
async function expectAxes(page: Page, id: string): Promise<void> {
  for (const axis of ["x", "y"]) {
    // A log axis labels its powers of ten and leaves the ticks between them blank.
    const labels = (await page.locator(`#${id} g[aria-label='${axis}-axis tick label'] text`).allTextContents()).filter((tick) => tick.trim() !== "");
    expect(labels.length, `#${id} ${axis} tick labels`).toBeGreaterThanOrEqual(2);
  }
  // The y axis of a chart of named rows (the weights, the backends) is labelled by its ticks.
  if (id !== "coef" && id !== "timing") expect(await page.locator(`#${id} g[aria-label='y-axis label'] text`).textContent()).not.toBe("");
  expect(await page.locator(`#${id} g[aria-label='x-axis label'] text`).textContent()).not.toBe("");
}

/** The names of a chart's legend swatches, in order. */
function legend(page: Page, id: string): Promise<string[]> {
  return page.locator(`#${id} [class$='-swatch']`).allTextContents();
}

/**
 * Moves the pointer over an element (at `fraction` of its width from the left, or `fraction` pixels when above 1)
 * and returns the tooltip's text.
 */
async function hoverTip(page: Page, id: string, selector: string, fraction: number): Promise<string> {
  const box = (await page.locator(`#${id} ${selector}`).boundingBox())!;
  const dx = fraction > 1 ? box.width + fraction : box.width * fraction;
  await page.mouse.move(box.x + dx, box.y + box.height / 2);
  const tip = page.locator(`#${id} g[aria-label=tip] text`).first();
  await tip.waitFor({ timeout: 5_000 });
  // Plot wraps a long tip into lines (tspans), each opened by a zero-width space: read back as one line.
  return ((await tip.textContent()) ?? "").replaceAll("\u200b", " ").replace(/\s+/g, " ").trim();
}

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
