import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/lib/i18n/use-t";

/** Previous / next links that keep the current filters of the query string. Renders nothing on a single page. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const t = useT();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t("organisations.pagination.label")}>
      {page > 1 ? <Link to={to(Math.min(page - 1, pages))}>{t("organisations.pagination.previous")}</Link> : <span />}
      <span>{t("organisations.pagination.page", { page, pages })}</span>
      {page < pages ? <Link to={to(page + 1)}>{t("organisations.pagination.next")}</Link> : <span />}
    </nav>
  );
}
