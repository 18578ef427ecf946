import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/use-t";
import type { MemberView } from "~/modules/organisations/schema";

/**
 * The members of a school or employer: name, e-mail, roles, account state. The roles cell is the caller's (plain
 * text for the ministry's view, with revoke buttons on the organisation's own page).
 */
export function MembersTable({
  members,
  roles,
  currentUserId,
}: {
  members: readonly MemberView[];
  roles: (member: MemberView) => ReactNode;
  /** Marks the signed-in user's own row ("you"). */
  currentUserId?: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("members.col.name")}</th>
            <th scope="col">{t("members.col.email")}</th>
            <th scope="col">{t("members.col.roles")}</th>
            <th scope="col">{t("members.col.state")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.fullName} {m.userId === currentUserId ? <span className="muted">{t("members.you")}</span> : null}
              </td>
              <td>{m.email}</td>
              <td>{roles(m)}</td>
              <td>
                {t(
                  m.disabled
                    ? "members.state.disabled"
                    : m.activated
                      ? "members.state.active"
                      : "members.state.invited",
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
