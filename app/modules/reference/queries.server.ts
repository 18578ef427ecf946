import { asc } from "drizzle-orm";
import { provinces } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

export async function listProvinces(db: Executor) {
  return db.select({ code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn }).from(provinces).orderBy(asc(provinces.code));
}
