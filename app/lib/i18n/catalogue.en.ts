// The English catalogue: the same namespaces, exactly the keys of the Vietnamese one (a missing key fails typecheck).
// The browser loads it (or catalogue.vi.ts) on its own, by app/lib/i18n/load-catalogue.ts: never import it elsewhere.
import type { English } from "./define";
import type { vi } from "./catalogue.vi";
import { en as common } from "./messages/common/en";
import { en as auth } from "./messages/auth/en";
import { en as home } from "./messages/home/en";
import { en as workspace } from "./messages/workspace/en";
import { en as organisations } from "./messages/organisations/en";
import { en as reference } from "./messages/reference/en";
import { en as keys } from "./messages/keys/en";
import { en as diplomas } from "./messages/diplomas/en";
import { en as register } from "./messages/register/en";
import { en as publication } from "./messages/publication/en";
import { en as verification } from "./messages/verification/en";
import { en as reports } from "./messages/reports/en";
import { en as employers } from "./messages/employers/en";
import { en as jobs } from "./messages/jobs/en";
import { en as matching } from "./messages/matching/en";
import { en as graduates } from "./messages/graduates/en";
import { en as shareLinks } from "./messages/share-links/en";
import { en as programmeRequests } from "./messages/programme-requests/en";
import { en as mail } from "./messages/mail/en";
import { en as demo } from "./messages/demo/en";
import { en as audit } from "./messages/audit/en";
import { en as cases } from "./messages/cases/en";
import { en as caseStats } from "./messages/case-stats/en";
import { en as casePublic } from "./messages/case-public/en";
import { en as feedback } from "./messages/feedback/en";
import { en as services } from "./messages/services/en";

export const en: English<typeof vi> = {
  ...common,
  ...auth,
  ...home,
  ...workspace,
  ...organisations,
  ...reference,
  ...keys,
  ...diplomas,
  ...register,
  ...publication,
  ...verification,
  ...reports,
  ...employers,
  ...jobs,
  ...matching,
  ...graduates,
  ...shareLinks,
  ...programmeRequests,
  ...mail,
  ...demo,
  ...audit,
  ...cases,
  ...caseStats,
  ...casePublic,
  ...feedback,
  ...services,
};
