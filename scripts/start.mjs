// `npm start`: builds the app when the build is missing or older than the sources, then starts the server (the build
// itself: build/index.js, compiled from app/server/index.ts with the app), and tells
// a person where the portal is, where the demo accounts are and how to stop it. The server's routine log lines (info)
// are kept off the screen unless LOG_LEVEL is set; its warnings and errors always show.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { buildApp } from "./build.mjs";

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

const sources = ["app", "db/schema"].map((d) => path.join(root, d));
const stale =
  !existsSync(buildFile) ||
  Math.max(...sources.map(newestMtime), statSync(path.join(root, "remix.config.js")).mtimeMs) >
    statSync(buildFile).mtimeMs;

if (stale) {
  console.log("Đang dựng ứng dụng — building the app…");
  await buildApp(root);
}

const showInfo = process.env.LOG_LEVEL !== undefined;
const child = spawn(process.execPath, [buildFile], {
  stdio: ["inherit", "pipe", "inherit"],
  env: { NODE_ENV: "production", ...process.env },
});

/** What a person needs once the server listens (the server logs "server ready" once, whatever WEB_CONCURRENCY). */
function announce({ url, demoMode, processes }) {
  const lines = ["", `  Cổng Văn bằng số GDNN đang chạy — the portal is running:  ${url}`];
  if (processes > 1) lines.push(`  Số tiến trình — server processes:   ${processes} (WEB_CONCURRENCY)`);
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
