/**
 * End-to-end tests against the production build (`npm run build` first), served by build/index.js (app/server/index.ts) in demo mode
 * on a fresh embedded database in a temporary DATA_DIR (removed when the runner exits).
 * Run: npm run build && npm run test:e2e   (E2E_PORT overrides the port, E2E_JSON_FILE the JSON report path)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

// The config is also loaded by each worker: create the data dir once, in the runner, and hand it down by env.
// Removed on exit (also when the web server failed to start, when a globalTeardown would not run).
// The signed-in storage states of tests/e2e/fixtures.ts belong to this run's database, so they live in a directory
// of this run too (E2E_AUTH_DIR), removed with it.
if (!process.env.E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "vanbang-e2e-"));
  const authDir = path.join(root, "test-results/e2e-auth", path.basename(dataDir));
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_AUTH_DIR = authDir;
  process.on("exit", () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(authDir, { recursive: true, force: true });
  });
}

export default defineConfig({
  testDir: path.join(root, "tests/e2e"),
  outputDir: path.join(root, "test-results/playwright"),
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_FILE ?? path.join(root, "test-results/e2e.json") }]],
  use: {
    baseURL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node build/index.js",
    cwd: root,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: process.env.E2E_DATA_DIR,
      DEMO_MODE: "true",
      LOG_LEVEL: "warn",
      // Links in mails (confirmation, reset) must point at the server under test, not http://localhost:PORT.
      PUBLIC_ORIGIN: baseURL,
      // An inherited DATABASE_URL would point the server at a real database.
      DATABASE_URL: "",
      // As behind a reverse proxy: a spec that sends X-Forwarded-For is a client of its own (its own rate-limit
      // bucket, tests/e2e/verify-rate-limit.spec.ts); the others, sending none, are 127.0.0.1 as before.
      TRUST_PROXY: "true",
      // The specs all come from 127.0.0.1 and, one after the other, read more public pages (verify pages, QR images,
      // receipts) than one person would: the default budget (120 a minute) refused some of them on a fast machine.
      // verify-rate-limit.spec.ts spends a budget of its own (X-Forwarded-For) and does not depend on the figure.
      PUBLIC_RATE_LIMIT_PER_MINUTE: "2000",
    },
  },
});
