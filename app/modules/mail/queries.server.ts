import { desc } from "drizzle-orm";
import { mailOutbox } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

export async function listRecentMail(db: Executor, limit = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
