import type { ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { redirect } from "@remix-run/node";
import { LOCALE_COOKIE } from "~/lib/i18n";
import { safeRedirect } from "~/modules/auth/schema";

/** The language switch: remembers the choice in a cookie for a year. Works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = form.get("lang") === "en" ? "en" : "vi";
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": `${LOCALE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export const loader = () => redirect("/");
