// The demo page (web/) in headless Chromium: it loads, fits, draws every plot with data, and responds to the
// lambda slider. Its screenshot (UPDATE_SCREENSHOT=1) is kept as web/screenshot.png for the README.
import { statSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs helper without types
import { bundleDemo, serveDemo } from "../../scripts/demo.mjs";

let server: Server;
let browser: Browser;

beforeAll(async () => {
  await bundleDemo();
  server = await serveDemo(0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
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
    // UPDATE_SCREENSHOT=1 npm run test:browser refreshes the README's web/screenshot.png; otherwise a temp file.
    const shot = process.env.UPDATE_SCREENSHOT ? "web/screenshot.png" : join(tmpdir(), "regularized-demo.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
