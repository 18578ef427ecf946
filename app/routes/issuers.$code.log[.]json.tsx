import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getPublishedLog } from "~/modules/issuance-log/get-log-document.server";

/** GET /issuers/{code}/log.json: the school's tamper-evident issuance log and its signed head (docs/issuance-log.md). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const log = await getPublishedLog({ code: params.code, origin: getEnv().PUBLIC_ORIGIN });
  if (!log) return publicError(404, "not_found", "There is no accredited school with this code.");
  return publicJson(log, { maxAgeSeconds: 60 });
}
