import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The real-browser tests need Debian's chromium: `npm run test:browser` (run by .ci/run).
    exclude: ["tests/**/*.browser.test.ts", "node_modules/**"],
  },
});
