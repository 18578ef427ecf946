import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Icon } from "~/components/icons";
import { getEnv } from "~/lib/env.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "~/modules/demo/demo-accounts";
import { ROLE_LABELS } from "~/modules/organisations/labels";

export const meta: MetaFunction = () => [
  { title: "Cổng Văn bằng số Giáo dục nghề nghiệp" },
  {
    name: "description",
    content: "Cấp, tra cứu và xác thực văn bằng giáo dục nghề nghiệp; kết nối người học với doanh nghiệp.",
  },
];

export async function loader(_: LoaderFunctionArgs) {
  // The demo sign-ins exist only in demo mode, and only then are they shown.
  if (!getEnv().DEMO_MODE) return json({ demo: null });
  const orgName = new Map(DEMO_ORGANISATIONS.map((o) => [o.code, o.name]));
  return json({
    demo: {
      password: DEMO_PASSWORD,
      accounts: DEMO_ACCOUNTS.map((a) => ({
        email: a.email,
        role: a.role,
        organisation: a.organisationCode ? (orgName.get(a.organisationCode) ?? null) : null,
      })),
    },
  });
}

const AUDIENCES = [
  { key: "school", icon: "school", href: "/sign-up", title: "home.school.title", body: "home.school.body" },
  { key: "employer", icon: "employer", href: "/sign-up", title: "home.employer.title", body: "home.employer.body" },
  { key: "graduate", icon: "graduate", href: "/sign-up", title: "home.graduate.title", body: "home.graduate.body" },
  { key: "verifier", icon: "verify", href: "/verify", title: "home.verifier.title", body: "home.verifier.body" },
  { key: "ministry", icon: "ministry", href: "/sign-in", title: "home.ministry.title", body: "home.ministry.body" },
] as const satisfies readonly { key: string; icon: string; href: string; title: MessageKey; body: MessageKey }[];

export default function Home() {
  const t = useT();
  const { demo } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <div>
            <h1>{t("home.hero.title")}</h1>
            <p className="lead">{t("home.hero.body")}</p>
            <p className="hero-actions">
              <Link to="/verify" className="button button-primary button-large">
                {t("home.hero.verify")}
              </Link>
              <Link to="/sign-up" className="button button-ghost button-large">
                {t("home.hero.signUp")}
              </Link>
            </p>
          </div>
          <img className="hero-art" src="/diploma-illustration.svg" alt="" width="320" height="240" />
        </div>
      </section>

      <section className="container section" aria-labelledby="audiences">
        <h2 id="audiences">{t("home.audiences")}</h2>
        <ul className="audience-grid">
          {AUDIENCES.map((a) => (
            <li key={a.key} className="card audience">
              <span className="audience-icon">
                <Icon name={a.icon} />
              </span>
              <h3>
                <Link to={a.href}>{t(a.title)}</Link>
              </h3>
              <p>{t(a.body)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section section-alt" aria-labelledby="trust">
        <div className="container">
          <h2 id="trust">{t("home.trust.title")}</h2>
          <ul className="trust-list">
            <li>{t("home.trust.signature")}</li>
            <li>{t("home.trust.registry")}</li>
            <li>{t("home.trust.register")}</li>
            <li>{t("home.trust.privacy")}</li>
          </ul>
        </div>
      </section>

      {demo ? (
        <section className="container section" aria-labelledby="demo-accounts">
          <div className="card demo-card">
            <h2 id="demo-accounts">{t("home.demo.title")}</h2>
            <p>
              {t("home.demo.body")} <code className="demo-password">{demo.password}</code>
            </p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("home.demo.account")}</th>
                    <th scope="col">{t("home.demo.role")}</th>
                    <th scope="col">{t("home.demo.organisation")}</th>
                  </tr>
                </thead>
                <tbody>
                  {demo.accounts.map((a) => (
                    <tr key={a.email}>
                      <td>
                        <code>{a.email}</code>
                      </td>
                      <td>{t(ROLE_LABELS[a.role])}</td>
                      <td>{a.organisation ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <Link to="/demo/outbox">{t("home.demo.outbox")}</Link>
            </p>
          </div>
        </section>
      ) : null}
    </>
  );
}
