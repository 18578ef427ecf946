// `npm start`: builds the app when the build is missing or older than the sources, then starts the server, and tells
// a person where the portal is, where the demo accounts are and how to stop it. The server's routine log lines (info)
// are kept off the screen unless LOG_LEVEL is set; its warnings and errors always show.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";

const root = process.cwd();
const buildFile = path.join(root, "build/index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The production build, in this process. Not `remix build`: its CLI calls process.exit() while its esbuild contexts
 * are still open, and esbuild's service process, left with requests it can no longer answer, may print a Go
 * "all goroutines are asleep - deadlock!" dump onto the terminal (typically on the first build, with no .cache).
 * Here the contexts are disposed before the server starts. @remix-run/dev is pinned (package.json), so its
 * compiler's internal modules are stable.
 */
async function buildApp() {
  const require = createRequire(path.join(root, "package.json"));
  const { readConfig } = require("@remix-run/dev/dist/config.js");
  const { create } = require("@remix-run/dev/dist/compiler/compiler.js");
  const { createFileWatchCache } = require("@remix-run/dev/dist/compiler/fileWatchCache.js");
  const { logThrown } = require("@remix-run/dev/dist/compiler/utils/log.js");
  const { logger } = require("@remix-run/dev/dist/tux/logger.js");

  process.env.NODE_ENV = "production";
  const started = Date.now();
  const config = await readConfig(root);
  rmSync(config.assetsBuildDirectory, { recursive: true, force: true });
  mkdirSync(config.assetsBuildDirectory, { recursive: true });
  const compiler = await create({ config, options: { mode: "production", sourcemap: false }, fileWatchCache: createFileWatchCache(), logger });
  try {
    await compiler.compile();
  } catch (thrown) {
    logThrown(thrown);
    process.exitCode = 1;
  } finally {
    await compiler.dispose();
  }
  if (process.exitCode) process.exit();
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const sources = ["app", "db/schema"].map((d) => path.join(root, d));
const stale =
  !existsSync(buildFile) ||
  Math.max(...sources.map(newestMtime), statSync(path.join(root, "remix.config.js")).mtimeMs) > statSync(buildFile).mtimeMs;

if (stale) {
  console.log("Đang dựng ứng dụng — building the app…");
  await buildApp();
}

const showInfo = process.env.LOG_LEVEL !== undefined;
const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/server.ts")], {
  stdio: ["inherit", "pipe", "inherit"],
  env: { NODE_ENV: "production", ...process.env },
});

/** What a person needs once the server listens. */
function announce({ url, demoMode }) {
  const lines = ["", `  Cổng Văn bằng số GDNN đang chạy — the portal is running:  ${url}`];
  if (demoMode) {
    lines.push(`  Tài khoản dùng thử — demo accounts:   ${url}/#demo-accounts`);
    lines.push(`  Hộp thư dùng thử — demo mailbox:      ${url}/demo/outbox`);
  }
  lines.push("  Dừng — stop:  Ctrl+C", "");
  console.log(lines.join("\n"));
}

createInterface({ input: child.stdout }).on("line", (line) => {
  let entry = null;
  try {
    entry = JSON.parse(line);
  } catch {
    // not a log line: show it as it is
  }
  if (showInfo || !entry || typeof entry !== "object") console.log(line);
  if (entry?.msg === "server ready") announce(entry);
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
