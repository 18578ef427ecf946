/** Shared between the integration globalSetup (main process) and test-database.ts (test workers). */
import postgres from "postgres";

export type TestDatabaseInfo =
  { kind: "pglite"; dumpPath: string } | { kind: "postgres"; adminUrl: string; template: string; prefix: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on a short-lived single connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery<T = unknown>(url: string, sql: string): Promise<T[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(sql)) as unknown as T[];
  } finally {
    await client.end({ timeout: 5 });
  }
}
