// `npm run build` (and `npm start` when the build is stale): the production build, in this process.
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The production build, in this process. Not `remix build`: its CLI calls process.exit() while its esbuild contexts
 * are still open, and esbuild's service process, left with requests it can no longer answer, may print a Go
 * "all goroutines are asleep - deadlock!" dump onto the terminal (typically on the first build, with no .cache).
 * Here the contexts are disposed before the process goes on (to the server) or exits. @remix-run/dev is pinned, so its
 * compiler's internal modules are stable.
 */
export async function buildApp(root = process.cwd()) {
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
  const compiler = await create({
    config,
    options: { mode: "production", sourcemap: false },
    fileWatchCache: createFileWatchCache(),
    logger,
  });
  try {
    await compiler.compile();
  } catch (thrown) {
    logThrown(thrown);
    process.exitCode = 1;
  } finally {
    await compiler.dispose();
  }
  if (process.exitCode) process.exit();
  await buildSignWorker(root);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The signing worker (app/modules/diplomas/sign-worker.ts) as its own file, build/sign-worker.js, next to
 * build/index.js: a worker thread needs a file to start from, and the Remix build makes one file of the server.
 * node_modules stay external, as in build/index.js.
 */
export async function buildSignWorker(root = process.cwd()) {
  const require = createRequire(path.join(root, "package.json"));
  const esbuild = require("esbuild");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "app/modules/diplomas/sign-worker.ts")],
    outfile: path.join(root, "build/sign-worker.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [
      {
        // Packages stay external (esbuild's `packages: "external"` would take the ~/ path aliases for packages).
        name: "external-packages",
        setup(build) {
          build.onResolve({ filter: /^[^./~]/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildApp();
