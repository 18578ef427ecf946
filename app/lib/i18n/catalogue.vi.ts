// The Vietnamese catalogue: every namespace of app/lib/i18n/messages. Its keys are the MessageKey type.
// The browser loads it (or catalogue.en.ts) on its own, by app/lib/i18n/load-catalogue.ts: never import it elsewhere.
import { vi as common } from "./messages/common/vi";
import { vi as auth } from "./messages/auth/vi";
import { vi as home } from "./messages/home/vi";
import { vi as workspace } from "./messages/workspace/vi";
import { vi as organisations } from "./messages/organisations/vi";
import { vi as reference } from "./messages/reference/vi";
import { vi as keys } from "./messages/keys/vi";
import { vi as diplomas } from "./messages/diplomas/vi";
import { vi as register } from "./messages/register/vi";
import { vi as publication } from "./messages/publication/vi";
import { vi as verification } from "./messages/verification/vi";
import { vi as reports } from "./messages/reports/vi";
import { vi as employers } from "./messages/employers/vi";
import { vi as jobs } from "./messages/jobs/vi";
import { vi as matching } from "./messages/matching/vi";
import { vi as graduates } from "./messages/graduates/vi";
import { vi as shareLinks } from "./messages/share-links/vi";
import { vi as programmeRequests } from "./messages/programme-requests/vi";
import { vi as mail } from "./messages/mail/vi";
import { vi as demo } from "./messages/demo/vi";
import { vi as audit } from "./messages/audit/vi";
import { vi as cases } from "./messages/cases/vi";
import { vi as caseStats } from "./messages/case-stats/vi";
import { vi as casePublic } from "./messages/case-public/vi";
import { vi as feedback } from "./messages/feedback/vi";
import { vi as services } from "./messages/services/vi";

export const vi = {
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
