/**
 * Demo data of the online services: the demo graduate (an.nguyen@example.vn) asked CDCNHN for a certified copy, which
 * the registrar delivered as a signed electronic copy (so the copy register, /documents/{id} and the graduate's
 * /services list have something to show), and asked for a confirmation letter that waits in the school's queue.
 * Made through the same use-cases as the pages; added once (skipped when CDCNHN's copy register has an entry).
 */
import { and, eq, inArray } from "drizzle-orm";
import { copyRegisterEntries, organisations, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { deliverCertifiedCopy } from "~/modules/services/deliver-copy.server";
import { listOwnDiplomas } from "~/modules/services/queries.server";
import { requestService } from "~/modules/services/request-service.server";
import type { ServiceInput } from "~/modules/services/schema";

const GRADUATE = "an.nguyen@example.vn";
const REGISTRAR = "vanbang@cdcnhn.edu.vn";
const SCHOOL = "CDCNHN";

export async function seedDemoServices(db: Database, origin: string): Promise<{ created: boolean }> {
  const [school] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.code, SCHOOL), eq(organisations.kind, "school")));
  if (!school) return { created: false };
  const [existing] = await db
    .select({ id: copyRegisterEntries.id })
    .from(copyRegisterEntries)
    .where(eq(copyRegisterEntries.organisationId, school.id))
    .limit(1);
  if (existing) return { created: false };
  const people = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(inArray(users.email, [GRADUATE, REGISTRAR]));
  const graduate = people.find((p) => p.email === GRADUATE);
  const registrar = people.find((p) => p.email === REGISTRAR);
  const diploma = graduate ? (await listOwnDiplomas(db, graduate.id))[0] : undefined;
  if (!graduate || !registrar || !diploma) return { created: false };

  const common = {
    capacity: "self" as const,
    diplomaId: diploma.id,
    schoolCode: "",
    serial: "",
    holderName: "",
    holderDateOfBirth: "",
    name: graduate.fullName,
    email: graduate.email,
    phone: "",
    note: "",
  };
  const ask = (input: ServiceInput) =>
    requestService(db, {
      input,
      files: {},
      user: { id: graduate.id },
      actor: { userId: graduate.id, ip: null },
      origin,
    });
  const copy = await ask({ ...common, kind: "certified_copy", copies: 1, delivery: "electronic", postalAddress: "" });
  if (!copy.ok) {
    logger.warn("demo services not seeded", { code: copy.code });
    return { created: false };
  }
  const delivered = await deliverCertifiedCopy(db, {
    caseId: copy.value.id,
    scope: { kind: "organisation", organisationId: school.id },
    actor: { userId: registrar.id, ip: null, role: "officer" },
    delivery: "electronic",
    origin,
  });
  if (!delivered.ok) logger.warn("demo certified copy not delivered", { code: delivered.code });
  await ask({
    ...common,
    kind: "confirmation",
    agencyName: "Công ty TNHH Cơ điện Việt",
    agencyCountry: "Việt Nam",
    agencyEmail: "tuyendung@codienviet.vn",
    purpose: "Hồ sơ tuyển dụng",
    language: "vi",
  });
  logger.info("demo services seeded", { school: SCHOOL });
  return { created: true };
}
