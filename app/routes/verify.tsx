import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "verify.title")];

/** The public verify page. Verification itself arrives with the diploma and verification issues. */
export default function Verify() {
  const t = useT();
  return (
    <div className="container narrow">
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro")}</p>
    </div>
  );
}
