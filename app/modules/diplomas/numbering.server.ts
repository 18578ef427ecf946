import { sql } from "drizzle-orm";
import { registerCounters, serialCounters } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

/** Số hiệu: the school's code and a running number that never restarts, e.g. CDCNHN-000123. */
export function formatSerial(schoolCode: string, n: number): string {
  return `${schoolCode}-${String(n).padStart(6, "0")}`;
}

/**
 * Reserves `count` consecutive serials and register numbers (the latter restart each year). The counters are
 * rows updated in the caller's transaction, so numbers are never skipped by a batch that rolls back, and two
 * batches signed at once never share a number.
 */
export async function reserveNumbers(
  tx: Executor,
  options: { organisationId: string; schoolCode: string; year: number; count: number },
): Promise<{ serials: string[]; registerNumbers: number[] }> {
  const [serial] = await tx
    .insert(serialCounters)
    .values({ organisationId: options.organisationId, nextSerial: 1 + options.count })
    .onConflictDoUpdate({
      target: serialCounters.organisationId,
      set: { nextSerial: sql`${serialCounters.nextSerial} + ${options.count}` },
    })
    .returning({ next: serialCounters.nextSerial });
  const [register] = await tx
    .insert(registerCounters)
    .values({ organisationId: options.organisationId, year: options.year, nextRegisterNumber: 1 + options.count })
    .onConflictDoUpdate({
      target: [registerCounters.organisationId, registerCounters.year],
      set: { nextRegisterNumber: sql`${registerCounters.nextRegisterNumber} + ${options.count}` },
    })
    .returning({ next: registerCounters.nextRegisterNumber });
  const firstSerial = serial!.next - options.count;
  const firstRegister = register!.next - options.count;
  return {
    serials: Array.from({ length: options.count }, (_, i) => formatSerial(options.schoolCode, firstSerial + i)),
    registerNumbers: Array.from({ length: options.count }, (_, i) => firstRegister + i),
  };
}
