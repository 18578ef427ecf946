/** What an audit viewer sends to the browser: plain strings, the details flattened. Pure. */
export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  actorEmail: string | null;
  /** Only in the ministry's viewer: an organisation sees who acted, not from which address. */
  actorIp: string | null;
  organisationId: string | null;
  organisationName: string | null;
  details: [string, string][];
}

export function toAuditView(
  entry: {
    id: number;
    at: Date;
    action: string;
    actorEmail: string | null;
    actorIp: string | null;
    organisationId: string | null;
    organisationName: string | null;
    details: Record<string, unknown> | null;
  },
  options: { showIp: boolean },
): AuditEntryView {
  const details = Object.entries(entry.details ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actorEmail: entry.actorEmail,
    actorIp: options.showIp ? entry.actorIp : null,
    organisationId: entry.organisationId,
    organisationName: entry.organisationName,
    details,
  };
}
