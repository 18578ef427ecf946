import { type Executor, withDefaultDb } from "~/lib/db.server";
import { logUrl } from "~/modules/issuance-log/get-log-document.server";
import { SCHOOL_CODE_PATTERN, issuerDid } from "~/modules/keys/did-web";
import { statusListUrl } from "~/modules/status/publish-status-list.server";
import { listStatusLists, statusListSlug } from "~/modules/status/status-lists.server";
import { findPublicIssuer } from "./queries.server";

/**
 * What the public page of an issuer (/issuers/{code}, the credentials' issuer.url) shows: the school, its DID and,
 * while it is accredited, the addresses of what verifiers fetch. A suspended school keeps its page, which says so;
 * unknown, pending and rejected schools have none (null).
 */
export const getIssuerProfile = withDefaultDb(async function getIssuerProfile(
  db: Executor,
  options: { code: string | undefined; origin: string },
) {
  if (!options.code || !SCHOOL_CODE_PATTERN.test(options.code)) return null;
  const school = await findPublicIssuer(db, options.code);
  if (!school) return null;
  const accredited = school.status === "accredited";
  const base = `${options.origin}/issuers/${school.code}`;
  const lists = accredited ? await listStatusLists(db, school.id) : [];
  return {
    code: school.code,
    name: school.name,
    nameEn: school.nameEn,
    schoolType: school.schoolType,
    provinceName: school.provinceName,
    provinceNameEn: school.provinceNameEn,
    status: school.status,
    statusChangedAt: school.statusChangedAt,
    did: issuerDid(options.origin, school.code),
    links: accredited
      ? {
          didDocument: `${base}/did.json`,
          log: logUrl(options.origin, school.code),
          trustRegistry: `${options.origin}/trust-registry.json`,
        }
      : null,
    statusLists: lists.map((l) => ({
      id: statusListSlug(l.purpose, l.listNumber),
      purpose: l.purpose,
      listNumber: l.listNumber,
      url: statusListUrl(options.origin, school.code, l.purpose, l.listNumber),
    })),
  };
});
