import type { MessageKey } from "~/lib/i18n";
import { hasPermission, type RoleGrant } from "~/lib/permissions";

export interface NavItem {
  href: string;
  labelKey: MessageKey;
  params?: Record<string, string>;
}

/** The role-dependent part of the main navigation. Pure: the root loader feeds it the user's grants. */
export function navigationFor(
  grants: readonly RoleGrant[],
  organisations: readonly { id: string; kind: "school" | "employer"; code: string; name: string }[],
): NavItem[] {
  const items: NavItem[] = [];
  if (hasPermission(grants, "ministry:administer")) items.push({ href: "/admin", labelKey: "nav.admin" });
  for (const org of organisations) {
    if (org.kind === "school" && hasPermission(grants, "school:view", org.id)) {
      items.push({ href: `/school/${org.code}`, labelKey: "nav.school", params: { name: org.name } });
    }
    if (org.kind === "employer" && hasPermission(grants, "employer:view", org.id)) {
      items.push({ href: `/employer/${org.code}`, labelKey: "nav.employer", params: { name: org.name } });
    }
  }
  if (hasPermission(grants, "graduate:own-profile")) {
    items.push({ href: "/graduate", labelKey: "nav.graduate" });
    // Online diploma services (anyone signed in may ask; graduates are those who do).
    items.push({ href: "/services", labelKey: "services.nav" });
  }
  // Cases (issue 12): the queues of the ministry and of each school the user handles, then one's own cases (every
  // signed-in person: navigationFor is only called with a session). Last, so
  // that the first item (where sign-in lands) stays the workspace.
  if (hasPermission(grants, "ministry:administer")) items.push({ href: "/admin/cases", labelKey: "cases.nav.queue" });
  for (const org of organisations) {
    if (org.kind === "school" && hasPermission(grants, "cases:handle", org.id))
      items.push({ href: `/school/${org.code}/cases`, labelKey: "cases.nav.queue" });
  }
  items.push({ href: "/my/cases", labelKey: "cases.nav.mine" });
  return items;
}

/** Public entries of the main navigation, shown to everyone after the verify page and the jobs. */
export const PUBLIC_NAV_ITEMS: readonly NavItem[] = [
  { href: "/questions", labelKey: "feedback.nav.questions" },
  { href: "/feedback", labelKey: "feedback.nav.feedback" },
];
