import { randomInt } from "node:crypto";
import { gzipSync } from "node:zlib";
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { diplomas, statusLists, type StatusPurpose } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { announceRegistryChange } from "~/lib/registry-changes.server";
import { drawFreeIndexes, emptyBitstring, encodeStatusList, MIN_STATUS_LIST_SIZE, withBit } from "./bitstring";

export interface AllocatedIndexes {
  listId: string;
  listNumber: number;
  indexes: number[];
}

/** The public id of a list in URLs: "revocation-1", "suspension-2". */
export const statusListSlug = (purpose: StatusPurpose, listNumber: number) => `${purpose}-${listNumber}`;

export function parseStatusListSlug(slug: string): { purpose: StatusPurpose; listNumber: number } | null {
  const match = /^(revocation|suspension)-([1-9]\d{0,5})$/.exec(slug);
  return match ? { purpose: match[1] as StatusPurpose, listNumber: Number(match[2]) } : null;
}

/**
 * Draws `count` random free indexes in the school's current list for `purpose`, opening a new list when the
 * current one has no room. Call inside the signing transaction: the list row is locked until it commits.
 */
export async function allocateStatusIndexes(
  tx: Executor,
  options: { organisationId: string; purpose: StatusPurpose; count: number },
): Promise<AllocatedIndexes> {
  const [current] = await tx
    .select({
      id: statusLists.id,
      listNumber: statusLists.listNumber,
      size: statusLists.size,
      allocated: statusLists.allocated,
    })
    .from(statusLists)
    .where(and(eq(statusLists.organisationId, options.organisationId), eq(statusLists.purpose, options.purpose)))
    .orderBy(desc(statusLists.listNumber))
    .limit(1)
    .for("update");

  let list = current;
  if (!list || list.size - list.allocated < options.count) {
    const [created] = await tx
      .insert(statusLists)
      .values({
        organisationId: options.organisationId,
        purpose: options.purpose,
        listNumber: (current?.listNumber ?? 0) + 1,
        size: MIN_STATUS_LIST_SIZE,
        bits: emptyBitstring(MIN_STATUS_LIST_SIZE),
      })
      .returning({
        id: statusLists.id,
        listNumber: statusLists.listNumber,
        size: statusLists.size,
        allocated: statusLists.allocated,
      });
    list = created!;
  }
  if (list.size - list.allocated < options.count)
    throw new Error(`a batch larger than a status list (${list.size}) cannot be signed`);

  const listColumn = options.purpose === "revocation" ? diplomas.revocationListId : diplomas.suspensionListId;
  const indexColumn = options.purpose === "revocation" ? diplomas.revocationIndex : diplomas.suspensionIndex;
  const takenRows =
    list.allocated === 0
      ? []
      : await tx
          .select({ index: indexColumn })
          .from(diplomas)
          .where(and(eq(listColumn, list.id), isNotNull(indexColumn)));
  const taken = new Set(takenRows.map((r) => r.index!));
  const indexes = drawFreeIndexes(list.size, taken, options.count, (max) => randomInt(max))!;
  await tx
    .update(statusLists)
    .set({ allocated: list.allocated + options.count })
    .where(eq(statusLists.id, list.id));
  return { listId: list.id, listNumber: list.listNumber, indexes };
}

/** Sets or clears one diploma's bit. Locks the list row so concurrent changes never lose each other's bits. */
export async function setStatusBit(
  tx: Executor,
  options: { listId: string; index: number; value: boolean },
): Promise<void> {
  const [list] = await tx
    .select({ bits: statusLists.bits })
    .from(statusLists)
    .where(eq(statusLists.id, options.listId))
    .for("update");
  if (!list) throw new Error(`status list ${options.listId} not found`);
  await tx
    .update(statusLists)
    .set({ bits: withBit(new Uint8Array(list.bits), options.index, options.value), updatedAt: new Date() })
    .where(eq(statusLists.id, options.listId));
  // Revocation, suspension, reinstatement, a correction's supersession: every process sees it at commit.
  await announceRegistryChange(tx, "status");
}

export async function findStatusList(
  db: Executor,
  options: { organisationId: string; purpose: StatusPurpose; listNumber: number },
) {
  const [row] = await db
    .select()
    .from(statusLists)
    .where(
      and(
        eq(statusLists.organisationId, options.organisationId),
        eq(statusLists.purpose, options.purpose),
        eq(statusLists.listNumber, options.listNumber),
      ),
    );
  return row ?? null;
}

export function encodeBits(bits: Uint8Array): string {
  return encodeStatusList(bits, (b) => new Uint8Array(gzipSync(b)));
}

/** A school's lists (without their bits), by purpose and number: what it publishes and exports. */
export async function listStatusLists(db: Executor, organisationId: string) {
  return db
    .select({
      id: statusLists.id,
      purpose: statusLists.purpose,
      listNumber: statusLists.listNumber,
      updatedAt: statusLists.updatedAt,
    })
    .from(statusLists)
    .where(eq(statusLists.organisationId, organisationId))
    .orderBy(asc(statusLists.purpose), asc(statusLists.listNumber));
}
