import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getEnv } from "~/lib/env.server";
import { useT } from "~/lib/i18n/use-t";
import { listRecentMail } from "~/modules/mail/queries.server";
import { pageTitle } from "~/lib/meta";
import { DateTime } from "~/components/date-time";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "nav.outbox"),
  { name: "robots", content: "noindex" },
];

/** Demo mode only: the outbox, so that confirmation and reset links can be followed without a mail server. */
export async function loader(_: LoaderFunctionArgs) {
  if (!getEnv().DEMO_MODE) throw new Response("Not found", { status: 404 });
  const mail = await listRecentMail();
  return json({
    mail: mail.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      body: m.bodyText,
      status: m.status,
      createdAt: m.createdAt,
    })),
  });
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default function DemoOutbox() {
  const t = useT();
  const { mail } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>{t("nav.outbox")}</h1>
      <p className="muted">{t("demo.banner")}</p>
      {mail.length === 0 ? <p>—</p> : null}
      <ol className="mail-list">
        {mail.map((m) => (
          <li key={m.id} className="card mail">
            <p className="mail-meta">
              <strong>{m.to}</strong> · <DateTime value={m.createdAt} /> · {m.status}
            </p>
            <h2 className="mail-subject">{m.subject}</h2>
            <pre className="mail-body">{linkify(m.body)}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
