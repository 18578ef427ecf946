/**
 * Vitest configuration: three projects sharing the same aliases.
 *   unit         tests/unit/**\/*.test.ts         pure code, no database, each test well under a second
 *   slow         tests/slow/**\/*.test.ts         pure code that takes seconds: the exhaustive QR mutation test and
 *                                                 the fuzzing, PDF rendering read back with poppler, the credential
 *                                                 differential against the generic JSON-LD pipeline, Ed25519 against noble
 *   integration  tests/integration/**\/*.test.ts  a fresh database per test (PGlite by default, PostgreSQL when
 *                                                 TEST_DATABASE_URL is set; see tests/support/test-database.ts)
 *   cluster      tests/cluster/**\/*.test.ts      real server processes (the production build: npm run build) on
 *                                                 TEST_DATABASE_URL (required), one file at a time: many processes,
 *                                                 LISTEN/NOTIFY between them, the read replica
 *                                                 (TEST_DATABASE_REPLICA_URL, scripts/pg-test-server.sh start-replica)
 * Run: npm run test:unit | npm run test:slow | npm run test:integration (TEST_DATABASE_URL=postgres://... for a
 * real server) | npx vitest run --config tests/vitest.config.ts --project cluster.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

// A PGlite worker holds ~0.6-0.9 GB and is CPU-bound: two workers on the 2-core CI machine; a real server allows
// more (tests mostly wait on it). Override with TEST_MAX_WORKERS.
const integrationWorkers = Number(process.env.TEST_MAX_WORKERS ?? (process.env.TEST_DATABASE_URL ? 4 : 2));

export default defineConfig({
  root,
  resolve: {
    // Mirrors tsconfig.json "paths".
    alias: [
      { find: /^~\//, replacement: `${root}app/` },
      { find: /^~db\//, replacement: `${root}db/` },
    ],
  },
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: ["tests/slow/**/*.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
          // Seconds per test on an idle machine; several times that on a busy 2-core runner. Tests that need more
          // say so themselves.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // A fixed test KEK: accrediting a school seals its key, and demo mode would otherwise write one to ./data.
          env: {
            LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
            KEY_ENCRYPTION_KEY: "dmFuYmFuZy1pbnRlZ3JhdGlvbi10ZXN0cy1rZWstMzI=",
          },
          globalSetup: ["tests/support/global-setup.ts"],
          maxWorkers: integrationWorkers,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          environment: "node",
          env: {
            LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
            KEY_ENCRYPTION_KEY: "dmFuYmFuZy1pbnRlZ3JhdGlvbi10ZXN0cy1rZWstMzI=",
          },
          // Each file starts server processes of its own; the replica test pauses replay for the whole server.
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
