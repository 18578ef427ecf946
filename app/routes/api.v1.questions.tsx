import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReadDb } from "~/lib/db.server";
import { publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { searchPublishedAnswers } from "~/modules/feedback/queries.server";
import { QuestionSearchSchema } from "~/modules/feedback/schema";

/**
 * GET /api/v1/questions?q=…&limit=…&topic=… — the published Q&A library, searched without diacritics ("hoc phi"
 * finds "học phí"), best match first; the last word counts as a prefix. Public, JSON, CORS *, under the public read
 * budget (429 beyond it). 400 `{ code: "bad_query", message }` for a missing or too long `q`, a bad limit or topic.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const params = new URL(request.url).searchParams;
  const parsed = QuestionSearchSchema.safeParse({
    q: params.get("q") ?? "",
    limit: params.get("limit") ?? undefined,
    topic: params.get("topic") || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return publicJson(
      { code: "bad_query", message: `${String(issue.path[0] ?? "query")}: ${issue.message}` },
      { status: 400 },
    );
  }
  const hits = await searchPublishedAnswers(await getReadDb(), {
    q: parsed.data.q,
    limit: parsed.data.limit,
    topic: parsed.data.topic ?? null,
  });
  return publicJson(
    {
      q: parsed.data.q,
      results: hits.map((h) => ({ ...h, url: `/questions/${h.id}` })),
    },
    { maxAgeSeconds: 60 },
  );
}
