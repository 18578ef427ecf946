import { desc } from "drizzle-orm";
import { mailOutbox } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

export const listRecentMail = withDefaultDb(async function listRecentMail(db: Executor, limit: number = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
});
