import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { signingThreads, signWorkerEntry } from "~/modules/diplomas/sign-pool.server";

describe("the signing pool's size", () => {
  it("leaves one core to the request threads and shares the rest among WEB_CONCURRENCY processes", () => {
    expect(signingThreads({}, 2)).toBe(1);
    expect(signingThreads({}, 1)).toBe(1);
    expect(signingThreads({}, 8)).toBe(7);
    expect(signingThreads({ WEB_CONCURRENCY: "2" }, 8)).toBe(3);
    expect(signingThreads({ WEB_CONCURRENCY: "4" }, 2)).toBe(1);
  });

  it("takes SIGNING_THREADS when it is a positive integer, and ignores anything else", () => {
    expect(signingThreads({ SIGNING_THREADS: "2" }, 2)).toBe(2);
    expect(signingThreads({ SIGNING_THREADS: "2", WEB_CONCURRENCY: "4" }, 8)).toBe(2);
    expect(signingThreads({ SIGNING_THREADS: "0" }, 4)).toBe(3);
    expect(signingThreads({ SIGNING_THREADS: "two" }, 4)).toBe(3);
  });
});

describe("the signing worker's file", () => {
  it("is build/sign-worker.js next to the production bundle, and the TypeScript source (bundled first) otherwise", () => {
    const bundle = pathToFileURL("/srv/portal/build/index.js").href;
    expect(signWorkerEntry(bundle, { cwd: "/srv/portal" })).toEqual({
      filename: "/srv/portal/build/sign-worker.js",
      bundleFirst: false,
    });
    const source = signWorkerEntry(pathToFileURL("/repo/app/modules/diplomas/sign-pool.server.ts").href);
    expect(source).toEqual({ filename: "/repo/app/modules/diplomas/sign-worker.ts", bundleFirst: true });
  });
});
