import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import styles from "~/styles/app.css";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getOptionalUser } from "~/lib/guards.server";
import { localeFromRequest, translator, type Locale } from "~/lib/i18n";
import { loadCatalogue } from "~/lib/i18n/load-catalogue";
import { catalogueChunkUrl } from "~/lib/i18n/catalogue-url.server";
import { useT } from "~/lib/i18n/use-t";
import { PUBLIC_NAV_ITEMS, navigationFor } from "~/modules/auth/navigation";
import { countUnreadNotifications, UNREAD_COUNT_CAP } from "~/modules/notifications/notifications.server";
import { listUserOrganisations } from "~/modules/organisations/queries.server";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Cổng Văn bằng số GDNN" }];

/**
 * A response thrown by a route without its own error boundary is rendered here, and Remix hands its headers only to
 * this function: a public page over its rate limit (429, limitPublicRequest) keeps its Retry-After, uncached.
 */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) {
    headers.set("Retry-After", retryAfter);
    headers.set("Cache-Control", "no-store");
  }
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const session = await getOptionalUser(request);
  const db = session ? await getDb() : null;
  const [organisations, unreadNotifications] =
    session && db
      ? await Promise.all([listUserOrganisations(db, session.user.id), countUnreadNotifications(db, session.user.id)])
      : [[], 0];
  return json({
    locale,
    catalogueUrl: catalogueChunkUrl(locale),
    demoMode: getEnv().DEMO_MODE,
    user: session ? { fullName: session.user.fullName, email: session.user.email } : null,
    nav: session ? navigationFor(session.grants, organisations) : [],
    unreadNotifications,
    // Counted up to a cap, so that it stays cheap: past it the header says "9+".
    unreadNotificationsShown:
      unreadNotifications >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(unreadNotifications),
  });
}

/**
 * In the browser, whenever the root's data is loaded again (after the language switch, or a form sent once the
 * language was changed in another tab), the catalogue of the language it answers in is loaded before the page renders
 * in it: the browser holds only the languages it has shown (entry.client.tsx loads the first one before hydrating).
 * The switch is therefore an ordinary Remix form: its request carries the page's origin, which a document POST from a
 * page with `Referrer-Policy: no-referrer` (the verify page, share links) would send as "null" and the origin check
 * would refuse.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadCatalogue(data.locale);
  return data;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? "vi";
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b3a6e" />
        <Meta />
        <Links />
        {data?.catalogueUrl ? <link rel="modulepreload" href={data.catalogueUrl} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const location = useLocation();
  const user = data?.user;
  const here = location.pathname + location.search;
  // Phones get a menu button once JavaScript runs; without it the links simply stay listed.
  const [scripted, setScripted] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setScripted(true), []);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="masthead">
        <div className="container masthead-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="44" height="44" />
            <span>
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-sub">{t("app.ministry")}</span>
            </span>
          </Link>
          {/* A full page load: the page of the other language needs that language's catalogue (entry.client.tsx). */}
          <Form method="post" action="/language" className="lang-switch">
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="lang" value={data?.locale === "en" ? "vi" : "en"} />
            <button
              type="submit"
              className="link-button"
              title={t("lang.switchLabel")}
              lang={data?.locale === "en" ? "vi" : "en"}
            >
              {t("lang.switch")}
            </button>
          </Form>
        </div>
      </div>
      <nav className="main-nav" aria-label={t("nav.main")}>
        <div className="container">
          <div className="nav-menu" data-scripted={scripted} data-open={menuOpen}>
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((o) => !o)}
            >
              {t("nav.menu")}
            </button>
            <ul id="main-menu">
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/verify">{t("nav.verify")}</NavLink>
              </li>
              <li>
                <NavLink to="/jobs">{t("jobs.public.nav")}</NavLink>
              </li>
              {PUBLIC_NAV_ITEMS.map((item) => (
                <li key={item.href}>
                  <NavLink to={item.href}>{t(item.labelKey)}</NavLink>
                </li>
              ))}
              {data?.nav.map((item) => (
                <li key={item.href}>
                  <NavLink to={item.href}>{t(item.labelKey, item.params)}</NavLink>
                </li>
              ))}
              {data?.demoMode ? (
                <li>
                  <NavLink to="/demo/outbox">{t("nav.outbox")}</NavLink>
                </li>
              ) : null}
              <li className="nav-spacer" aria-hidden="true" />
              {user ? (
                <>
                  <li>
                    <NavLink
                      to="/notifications"
                      aria-label={
                        data.unreadNotifications > 0
                          ? t("casePublic.notifications.navUnread", { count: data.unreadNotificationsShown })
                          : undefined
                      }
                    >
                      {t("casePublic.notifications.nav")}
                      {data.unreadNotifications > 0 ? (
                        <span className="badge" data-testid="unread-count">
                          {data.unreadNotificationsShown}
                        </span>
                      ) : null}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account" title={user.email}>
                      {user.fullName}
                    </NavLink>
                  </li>
                  <li>
                    <Form method="post" action="/sign-out">
                      <button type="submit" className="nav-button">
                        {t("nav.signOut")}
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/sign-up" className="nav-cta">
                      {t("nav.signUp")}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </div>
        </div>
      </nav>
      {data?.demoMode ? (
        <div className="demo-banner" role="note">
          <div className="container">{t("demo.banner")}</div>
        </div>
      ) : null}
    </header>
  );
}

function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{t("app.name")}</strong>
        </p>
        <p>{t("footer.about")}</p>
        <p>{t("footer.contact")}</p>
      </div>
    </footer>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = translator(data?.locale ?? "vi");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <Shell>
      <ErrorPage status={status} t={t} />
    </Shell>
  );
}
