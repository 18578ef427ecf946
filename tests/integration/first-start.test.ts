/**
 * A newcomer's first `npm start`: a fresh copy of the project (no build, no compiler cache, an empty DATA_DIR) builds,
 * seeds and serves; the screen shows where the portal is, the demo accounts, how to stop it, and no crash-looking
 * dump (esbuild's "fatal error: all goroutines are asleep - deadlock!" used to follow "built").
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

describe("npm start, the first time", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vanbang-first-start-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the portal's address, the demo accounts and Ctrl+C, and no Go stack dump", async () => {
    const project = path.join(dir, "project");
    for (const entry of ["app", "db", "scripts", "remix.config.js", "package.json", "tsconfig.json"]) {
      cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
    }
    cpSync(path.join(root, "public"), path.join(project, "public"), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}build`),
    });
    symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
    const port = await freePort();

    // What a person sees by default: no LOG_LEVEL, no test key, demo mode from the embedded database (NODE_ENV as
    // start.mjs sets it when none is given).
    const {
      LOG_LEVEL: _logLevel,
      NODE_ENV: _nodeEnv,
      KEY_ENCRYPTION_KEY: _kek,
      DEMO_MODE: _demo,
      ...inherited
    } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: "",
      HOST: "127.0.0.1",
    };
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: project,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    try {
      const deadline = Date.now() + 240_000;
      while (!output.includes("Ctrl+C") && child.exitCode === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      // esbuild's dump, when it came, followed the build by a moment: give it time to show.
      await new Promise((r) => setTimeout(r, 2_000));
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
    } finally {
      child.kill("SIGINT");
      await exited;
    }

    expect(output).toContain(`the portal is running:  http://127.0.0.1:${port}`);
    expect(output).toContain(`demo accounts:   http://127.0.0.1:${port}/#demo-accounts`);
    expect(output).toContain("Ctrl+C");
    expect(output).not.toMatch(/goroutine|fatal error|deadlock/i);
    // Only what a person needs: no JSON log lines, no future-flag advice from the compiler.
    expect(output).not.toContain('{"time"');
    expect(output).not.toMatch(/future flag|v3_singleFetch/);
  }, 300_000);
});
