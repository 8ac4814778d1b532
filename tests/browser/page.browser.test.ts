// The demo page (web/) in headless Chromium: it loads, fits, draws every plot with data, responds to the lambda
// slider, and (served cross-origin isolated) times a fit in workers on one thread and on the core's threads. Its screenshot (UPDATE_SCREENSHOT=1) is kept as web/screenshot.png for the README.
import { statSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
// @ts-expect-error: a plain .mjs helper without types
import { bundleDemo, serveDemo } from "../../scripts/demo.mjs";

let server: Server;
let browser: Browser;

beforeAll(async () => {
  await bundleDemo();
  server = await serveDemo(0);
  browser = await launchChromium();
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
});
