/**
 * A graduate's share links (/s/{token}): made for one of their own diplomas with an expiry (7 days, 30 days, 1 year,
 * never), listed with a view count (counted when the link is opened), revocable; an expired or revoked link answers
 * 410 with nothing of the diploma. Only the owning graduate lists, makes and revokes their links; each change has
 * its audit row.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, diplomas, shareLinks } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { createShareLink } from "~/modules/share-links/create-share-link.server";
import { expiresAtFor } from "~/modules/share-links/schema";
import * as diplomaPage from "~/routes/graduate.diplomas.$diplomaId";
import * as sharePage from "~/routes/s.$token";
import { anonymous, schoolWithSignedDiplomas, signedIn } from "../support/issued";
import { callRoute } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`share links (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let ids: string[];
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let other: Awaited<ReturnType<typeof signedIn>>;

  const tokenOf = (url: string) => url.slice(url.lastIndexOf("/s/") + 3);
  const open = (token: string) => callRoute(sharePage.loader as never, anonymous(`/s/${token}`, { token }));
  const page = (who: typeof owner, diplomaId: string) =>
    callRoute(diplomaPage.loader as never, who.get(`/graduate/diplomas/${diplomaId}`, { diplomaId }));
  const post = (who: typeof owner, diplomaId: string, fields: Record<string, string>) =>
    callRoute(diplomaPage.action as never, who.post(`/graduate/diplomas/${diplomaId}`, fields, { diplomaId }));
  const audits = (action: string, entityId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

  beforeAll(async () => {
    const signed = await schoolWithSignedDiplomas(t.db, {
      code: "CDSHARE",
      name: "Trường Cao đẳng Chia Sẻ",
      count: 2,
      publicOrigin: getEnv().PUBLIC_ORIGIN,
    });
    ids = signed.diplomaIds;
    owner = await signedIn(t.db, { role: "graduate", organisation: null });
    other = await signedIn(t.db, { role: "graduate", organisation: null });
    await t.db.update(diplomas).set({ claimedBy: owner.id, claimedAt: new Date() }).where(eq(diplomas.id, ids[0]!));
    await t.db.update(diplomas).set({ claimedBy: other.id, claimedAt: new Date() }).where(eq(diplomas.id, ids[1]!));
  });

  it("the owner makes a link with an expiry; opening it shows the QR's verdict and counts each view", async () => {
    const made = await post(owner, ids[0]!, { intent: "create-share", expiry: "30d" });
    expect(made.status).toBe(302);
    expect(made.location).toBe(`/graduate/diplomas/${ids[0]}?notice=share_created#share-links`);
    const listed = (await page(owner, ids[0]!)).body.shareLinks;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ state: "active", viewCount: 0 });
    expect(listed[0].url).toMatch(new RegExp(`^${getEnv().PUBLIC_ORIGIN}/s/[A-Za-z0-9_-]{43}$`));
    expect(new Date(listed[0].expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(await audits("share-link.create", listed[0].id)).toHaveLength(1);

    const token = tokenOf(listed[0].url);
    const first = await open(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      state: "active",
      result: { verdict: "valid", diploma: { credentialId: ids[0] } },
    });
    expect(first.headers.get("cache-control")).toContain("no-store");
    await open(token);
    expect((await page(owner, ids[0]!)).body.shareLinks[0].viewCount).toBe(2);
  });

  it("another graduate can neither revoke the owner's link, nor make one for the owner's diploma", async () => {
    const [link] = await t.db.select().from(shareLinks).where(eq(shareLinks.diplomaId, ids[0]!));
    const revoke = await post(other, ids[1]!, { intent: "revoke-share", linkId: link!.id });
    expect(revoke.status).toBe(404);
    expect(revoke.body).toEqual({ error: "share.error.not_found" });
    const revokeViaOwnersPage = await post(other, ids[0]!, { intent: "revoke-share", linkId: link!.id });
    expect(revokeViaOwnersPage.status).toBe(404);
    expect((await open(link!.token)).status).toBe(200);
    expect(await audits("share-link.revoke", link!.id)).toHaveLength(0);

    const make = await post(other, ids[0]!, { intent: "create-share", expiry: "never" });
    expect(make.status).toBe(404);
    expect((await t.db.select().from(shareLinks).where(eq(shareLinks.userId, other.id))).length).toBe(0);
    // The other graduate's own page does not list the owner's links.
    expect((await page(other, ids[1]!)).body.shareLinks).toEqual([]);
  });

  it("the owner revokes a link: it answers 410 (revoked), never the diploma, and no longer counts views", async () => {
    const [link] = await t.db.select().from(shareLinks).where(eq(shareLinks.diplomaId, ids[0]!));
    const revoked = await post(owner, ids[0]!, { intent: "revoke-share", linkId: link!.id });
    expect(revoked.status).toBe(302);
    expect(await audits("share-link.revoke", link!.id)).toHaveLength(1);
    const gone = await open(link!.token);
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({ state: "revoked" });
    expect(gone.text).not.toContain((await t.db.select().from(diplomas).where(eq(diplomas.id, ids[0]!)))[0]!.fullName);
    const listed = (await page(owner, ids[0]!)).body.shareLinks;
    expect(listed[0]).toMatchObject({ state: "revoked", viewCount: 3 }); // two views, one more by the check above; none after
    expect((await post(owner, ids[0]!, { intent: "revoke-share", linkId: link!.id })).status).toBe(404); // once only
  });

  it("a link past its expiry answers 410 (expired); one still within it works", async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const actor = { userId: owner.id, ip: null };
    const week = await createShareLink(t.db, { diplomaId: ids[0]!, expiry: "7d", actor, now: eightDaysAgo });
    const month = await createShareLink(t.db, { diplomaId: ids[0]!, expiry: "30d", actor, now: eightDaysAgo });
    expect(week.ok && month.ok).toBe(true);
    if (!week.ok || !month.ok) return;
    const expired = await open(week.value.token);
    expect(expired.status).toBe(410);
    expect(expired.body).toEqual({ state: "expired" });
    expect((await open(month.value.token)).status).toBe(200);
    const states = (await page(owner, ids[0]!)).body.shareLinks.map((l: { id: string; state: string }) => [
      l.id,
      l.state,
    ]);
    expect(states).toContainEqual([week.value.id, "expired"]);
    expect(states).toContainEqual([month.value.id, "active"]);
    expect(expiresAtFor("never", eightDaysAgo)).toBeNull();
    expect(expiresAtFor("1y", new Date(0))!.getTime()).toBe(365 * 86_400_000);
  });

  it("an unknown or malformed token is 404; a bad expiry is refused with a Vietnamese message", async () => {
    expect((await open("x".repeat(43))).status).toBe(404);
    expect((await open("../../etc")).status).toBe(404);
    const bad = await post(owner, ids[0]!, { intent: "create-share", expiry: "forever" });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "share.error.invalid" });
  });
});
