import type { Executor, Transaction } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";

/** Thrown inside a transaction to roll it back with an expected failure (the code the caller gets). */
export class Rollback<C extends string> extends Error {
  constructor(readonly code: C) {
    super(code);
  }
}

/** Runs `work` in one transaction; a Rollback thrown inside undoes everything and becomes a failure value. */
export async function inTransaction<T, C extends string>(
  db: Executor,
  work: (tx: Transaction) => Promise<T>,
): Promise<Result<T, C>> {
  try {
    return ok(await db.transaction((tx) => work(tx as Transaction)));
  } catch (error) {
    if (error instanceof Rollback) return fail(error.code as C);
    throw error;
  }
}
