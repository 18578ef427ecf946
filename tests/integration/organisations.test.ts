import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, mailOutbox, organisations, roleAssignments, signingKeys, userTokens, users } from "~db/schema";
import { listAuditActions, listAuditEntries } from "~/modules/audit/queries.server";
import { resetPassword } from "~/modules/auth/manage-password.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { changeOrganisationStatus } from "~/modules/organisations/change-organisation-status.server";
import { inviteMember } from "~/modules/organisations/invite-member.server";
import { listOrganisationMembers, listOrganisations } from "~/modules/organisations/queries.server";
import { removeMemberRole } from "~/modules/organisations/remove-member-role.server";
import { registerAccount } from "~/modules/auth/register-account.server";
import { SignUpSchema } from "~/modules/auth/schema";
import * as adminOrganisation from "~/routes/admin.organisations.$id";
import { signedIn } from "../support/issued";
import { callRoute } from "../support/routes";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";
import { mailText } from "../support/mail";

const IP = "203.0.113.5";
const ORIGIN = "https://vanbang.example.vn";

describe(`organisations (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  describe("what an applicant supplies, and the mail about the ministry's decision", () => {
    async function signUpEmployer() {
      const input = SignUpSchema.parse({
        accountType: "employer",
        fullName: "Trần Thu Hà",
        email: "ha.tran@congtyabc.vn",
        password: "mat-khau-dai-du",
        passwordConfirm: "mat-khau-dai-du",
        orgName: "Công ty TNHH ABC",
        taxCode: "0101234567",
        provinceCode: "01",
        contactPhone: "0912 345 678",
        website: "https://congtyabc.vn",
        registrationDocument: "GCN ĐKDN số 0101234567 cấp ngày 12/03/2015",
      });
      const registered = await registerAccount(t.db, {
        input,
        locale: "vi",
        publicOrigin: ORIGIN,
        actor: { userId: null, ip: IP },
      });
      if (!registered.ok) throw new Error(registered.code);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.code, "0101234567"));
      return { org: org!, userId: registered.value.userId };
    }

    it("the accreditation page shows the applicant, phone, website, tax code and legal document supplied at sign-up", async () => {
      const { org } = await signUpEmployer();
      const admin = await signedIn(t.db, { role: "ministry_admin", organisation: null });
      const page = await callRoute(
        adminOrganisation.loader,
        admin.get(`/admin/organisations/${org.id}`, { id: org.id }),
      );
      expect(page.status).toBe(200);
      expect((page.body as { supplied: unknown }).supplied).toMatchObject({
        applicant: { fullName: "Trần Thu Hà", email: "ha.tran@congtyabc.vn", emailConfirmed: false },
        phones: ["0912 345 678"],
        websites: ["https://congtyabc.vn"],
        taxCode: "0101234567",
        registrationDocument: "GCN ĐKDN số 0101234567 cấp ngày 12/03/2015",
      });
    });

    it("the organisation's people are mailed when it is refused (with the reason), accredited or suspended", async () => {
      const { org } = await signUpEmployer();
      const admin = await createMember(t.db, "ministry_admin", null);
      const actor = { userId: admin.id, ip: IP };
      const decisions = () =>
        t.db
          .select()
          .from(mailOutbox)
          .where(eq(mailOutbox.template, "organisation_status"))
          .orderBy(mailOutbox.createdAt);
      expect(
        await changeOrganisationStatus(t.db, {
          organisationId: org.id,
          change: "reject",
          reason: "Mã số thuế không khớp tên doanh nghiệp",
          actor,
          publicOrigin: ORIGIN,
        }),
      ).toMatchObject({ ok: true });
      const [refused] = await decisions();
      expect(refused!.toAddress).toBe("ha.tran@congtyabc.vn");
      expect(refused!.subject).toContain("Công ty TNHH ABC không được phê duyệt");
      expect(refused!.bodyText).toContain("Lý do: Mã số thuế không khớp tên doanh nghiệp");
      expect(refused!.bodyText).toContain(`${ORIGIN}/employer/0101234567`);

      await changeOrganisationStatus(t.db, { organisationId: org.id, change: "accredit", actor, publicOrigin: ORIGIN });
      await changeOrganisationStatus(t.db, {
        organisationId: org.id,
        change: "suspend",
        reason: "Tin tuyển dụng sai sự thật",
        actor,
        publicOrigin: ORIGIN,
      });
      const all = await decisions();
      expect(
        all.map(
          (m) =>
            m.subject.includes("đã được phê duyệt") ||
            m.subject.includes("tạm đình chỉ") ||
            m.subject.includes("không được phê duyệt"),
        ),
      ).toEqual([true, true, true]);
      expect(all[2]!.bodyText).toContain("Lý do: Tin tuyển dụng sai sự thật");
    });
  });

  const auditRowsOf = (organisationId: string) =>
    t.db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId)).orderBy(auditLog.id);
  const statusOf = async (organisationId: string) =>
    (
      await t.db
        .select({ status: organisations.status })
        .from(organisations)
        .where(eq(organisations.id, organisationId))
    )[0]?.status;
  const rolesIn = (organisationId: string) =>
    t.db
      .select({ userId: roleAssignments.userId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq(roleAssignments.organisationId, organisationId))
      .orderBy(roleAssignments.userId, roleAssignments.role);

  describe("changing an organisation's status", () => {
    it("accredits a pending school: the status and its audit row are written together", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await createMember(t.db, "ministry_admin", null);

      const result = await changeOrganisationStatus(t.db, {
        organisationId: school.id,
        change: "accredit",
        reason: "Hồ sơ đầy đủ",
        actor: { userId: admin.id, ip: IP },
      });

      expect(result).toEqual({ ok: true, value: { from: "pending", to: "accredited" } });
      const [row] = await t.db.select().from(organisations).where(eq(organisations.id, school.id));
      expect(row).toMatchObject({ status: "accredited", statusReason: "Hồ sơ đầy đủ", statusChangedBy: admin.id });
      expect(row!.statusChangedAt).toBeInstanceOf(Date);
      const audit = await auditRowsOf(school.id);
      // The school's signing key is created in the same transaction (tests/integration/keys.test.ts).
      expect(audit.map((a) => a.action)).toEqual(["organisation.accredit", "signing-key.create"]);
      expect(audit[0]).toMatchObject({
        action: "organisation.accredit",
        actorUserId: admin.id,
        actorIp: IP,
        entityType: "organisation",
        entityId: school.id,
        details: { from: "pending", to: "accredited", reason: "Hồ sơ đầy đủ" },
      });
    });

    it("leaves the status unchanged when the audit row cannot be written", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await createMember(t.db, "ministry_admin", null);
      await t.db.execute(
        sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit unavailable'; end $$`,
      );
      await t.db.execute(
        sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`,
      );

      await expect(
        changeOrganisationStatus(t.db, {
          organisationId: school.id,
          change: "accredit",
          actor: { userId: admin.id, ip: IP },
        }),
      ).rejects.toThrow();
      expect(await statusOf(school.id)).toBe("pending");
    });

    it("refuses to reject or suspend without a reason, and changes nothing", async () => {
      const admin = await createMember(t.db, "ministry_admin", null);
      const pending = await createOrganisation(t.db, { kind: "employer", status: "pending" });
      const accredited = await createOrganisation(t.db, { kind: "school", status: "accredited" });

      const rejected = await changeOrganisationStatus(t.db, {
        organisationId: pending.id,
        change: "reject",
        reason: "   ",
        actor: { userId: admin.id, ip: IP },
      });
      const suspended = await changeOrganisationStatus(t.db, {
        organisationId: accredited.id,
        change: "suspend",
        actor: { userId: admin.id, ip: IP },
      });

      expect(rejected).toMatchObject({
        ok: false,
        code: "reason_required",
        fieldErrors: { reason: "organisations.error.reason_required" },
      });
      expect(suspended).toMatchObject({ ok: false, code: "reason_required" });
      expect(await statusOf(pending.id)).toBe("pending");
      expect(await statusOf(accredited.id)).toBe("accredited");
      expect(await auditRowsOf(pending.id)).toHaveLength(0);
      expect(await auditRowsOf(accredited.id)).toHaveLength(0);
    });

    it("rejects with a reason, refuses a transition the table does not allow, and reports an unknown organisation", async () => {
      const admin = await createMember(t.db, "ministry_admin", null);
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const actor = { userId: admin.id, ip: IP };

      expect(
        await changeOrganisationStatus(t.db, {
          organisationId: school.id,
          change: "reject",
          reason: "Thiếu giấy phép",
          actor,
        }),
      ).toMatchObject({ ok: true });
      expect(
        await changeOrganisationStatus(t.db, { organisationId: school.id, change: "suspend", reason: "x", actor }),
      ).toMatchObject({
        ok: false,
        code: "invalid_transition",
      });
      expect(
        await changeOrganisationStatus(t.db, {
          organisationId: "00000000-0000-4000-8000-000000000000",
          change: "accredit",
          actor,
        }),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect(await statusOf(school.id)).toBe("rejected");
      expect((await auditRowsOf(school.id)).map((r) => r.action)).toEqual(["organisation.reject"]);
    });
  });

  describe("inviting a member", () => {
    it("creates an account without a password, the role, the invitation mail and an audit row; the link sets a password", async () => {
      const school = await createOrganisation(t.db, {
        kind: "school",
        name: "Trường Cao đẳng Kỹ thuật Thử",
        status: "pending",
      });
      const admin = await createMember(t.db, "school_admin", school);

      const result = await inviteMember(t.db, {
        organisationId: school.id,
        input: { email: "can.bo@truong.edu.vn", fullName: "Ngô Thị Cán Bộ", role: "school_registrar" },
        locale: "vi",
        publicOrigin: ORIGIN,
        actor: { userId: admin.id, ip: IP },
      });

      expect(result).toMatchObject({ ok: true, value: { invited: true } });
      const userId = result.ok ? result.value.userId : "";
      const [user] = await t.db.select().from(users).where(eq(users.id, userId));
      expect(user).toMatchObject({ email: "can.bo@truong.edu.vn", fullName: "Ngô Thị Cán Bộ", passwordHash: null });
      expect(await rolesIn(school.id)).toContainEqual({ userId, role: "school_registrar" });

      const mail = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "can.bo@truong.edu.vn"));
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ template: "invitation", status: "pending" });
      expect(mail[0]!.subject).toContain("Trường Cao đẳng Kỹ thuật Thử");
      expect(mail[0]!.bodyText).toContain("Cán bộ quản lý văn bằng");
      const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mailText(mail[0]!))?.[1];
      expect(mail[0]!.bodyText).toContain(`${ORIGIN}/reset-password?token=`);
      expect(token).toBeTruthy();

      const audit = await auditRowsOf(school.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "member.invite", actorUserId: admin.id, actorIp: IP, entityId: userId });

      // The invitee follows the link, sets a password, and signs in.
      const reset = await resetPassword(t.db, {
        token: token!,
        password: "mat-khau-moi-2026",
        actor: { userId: null, ip: IP },
      });
      expect(reset).toEqual({ ok: true, value: { userId } });
      const signedIn = await signIn(t.db, {
        email: "can.bo@truong.edu.vn",
        password: "mat-khau-moi-2026",
        ip: IP,
        userAgent: "vitest",
        maxAttempts: 5,
      });
      expect(signedIn).toMatchObject({ ok: true, value: { userId } });
      // The link works once.
      expect(
        await resetPassword(t.db, { token: token!, password: "mat-khau-khac-2026", actor: { userId: null, ip: IP } }),
      ).toMatchObject({
        ok: false,
        code: "invalid_token",
      });
    });

    it("grants an existing account the role once, without creating anyone or sending an invitation, and tells them by mail", async () => {
      const employer = await createOrganisation(t.db, { kind: "employer", status: "pending" });
      const admin = await createMember(t.db, "employer_member", employer);
      const existing = await createMember(t.db, "graduate", null, "nguoi.hoc@example.vn");
      const usersBefore = (await t.db.select({ id: users.id }).from(users)).length;
      const invite = () =>
        inviteMember(t.db, {
          organisationId: employer.id,
          input: { email: "nguoi.hoc@example.vn", fullName: "Tên khác", role: "employer_member" },
          locale: "vi",
          publicOrigin: ORIGIN,
          actor: { userId: admin.id, ip: IP },
        });

      expect(await invite()).toEqual({ ok: true, value: { userId: existing.id, invited: false } });
      expect(await invite()).toMatchObject({
        ok: false,
        code: "already_member",
        fieldErrors: { email: "members.error.already_member" },
      });

      const grants = await t.db
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, existing.id), eq(roleAssignments.organisationId, employer.id)));
      expect(grants).toHaveLength(1);
      expect((await t.db.select({ id: users.id }).from(users)).length).toBe(usersBefore);
      const mails = await t.db.select().from(mailOutbox);
      expect(mails).toHaveLength(1); // the refused second grant sends nothing
      expect(mails[0]).toMatchObject({ toAddress: "nguoi.hoc@example.vn", template: "role_granted" });
      expect(mails[0]!.bodyText).toContain(employer.name);
      expect(mails[0]!.bodyText).toContain(`${ORIGIN}/sign-in`);
      expect(mails[0]!.bodyText).not.toContain("Tên khác"); // their own name, not the one typed in the form
      expect(mails[0]!.bodyText).not.toContain("token=");
      expect(await t.db.select().from(userTokens).where(eq(userTokens.userId, existing.id))).toHaveLength(0);
      expect((await auditRowsOf(employer.id)).map((r) => r.action)).toEqual(["member.grant-role"]);
      const [user] = await t.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, existing.id));
      expect(user!.fullName).not.toBe("Tên khác");
    });

    it("refuses a role that the kind of organisation does not hand out", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await createMember(t.db, "school_admin", school);
      const result = await inviteMember(t.db, {
        organisationId: school.id,
        input: { email: "x@example.vn", fullName: "X Y", role: "employer_member" },
        locale: "vi",
        publicOrigin: ORIGIN,
        actor: { userId: admin.id, ip: IP },
      });
      expect(result).toMatchObject({ ok: false, code: "role_not_allowed" });
      expect(await t.db.select().from(users).where(eq(users.email, "x@example.vn"))).toHaveLength(0);
    });
  });

  describe("one school's administrator and another school", () => {
    it("cannot revoke a member of school B with school A's organisation id", async () => {
      const schoolA = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolB = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const adminA = await createMember(t.db, "school_admin", schoolA);
      await createMember(t.db, "school_admin", schoolB);
      const registrarB = await createMember(t.db, "school_registrar", schoolB);
      const before = await rolesIn(schoolB.id);

      const result = await removeMemberRole(t.db, {
        organisationId: schoolA.id,
        assignmentId: registrarB.assignmentId,
        actor: { userId: adminA.id, ip: IP },
      });

      expect(result).toMatchObject({ ok: false, code: "not_found" });
      expect(await rolesIn(schoolB.id)).toEqual(before);
      expect(await t.db.select().from(auditLog)).toHaveLength(0);
    });

    it("cannot put anyone into school B: an invitation with A's id changes only A", async () => {
      const schoolA = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolB = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const adminA = await createMember(t.db, "school_admin", schoolA);
      const registrarB = await createMember(t.db, "school_registrar", schoolB);
      const before = await rolesIn(schoolB.id);

      const result = await inviteMember(t.db, {
        organisationId: schoolA.id,
        input: { email: registrarB.email, fullName: "Ai đó", role: "school_admin" },
        locale: "vi",
        publicOrigin: ORIGIN,
        actor: { userId: adminA.id, ip: IP },
      });

      expect(result).toMatchObject({ ok: true });
      expect(await rolesIn(schoolB.id)).toEqual(before);
      expect(await auditRowsOf(schoolB.id)).toHaveLength(0);
      expect((await listOrganisationMembers(t.db, schoolB.id)).map((m) => m.userId)).toEqual([registrarB.id]);
    });
  });

  describe("removing a role", () => {
    it("refuses to remove a school's last administrator, and allows it while another remains", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const first = await createMember(t.db, "school_admin", school);
      const registrar = await createMember(t.db, "school_registrar", school);
      const actor = { userId: first.id, ip: IP };

      expect(
        await removeMemberRole(t.db, { organisationId: school.id, assignmentId: first.assignmentId, actor }),
      ).toMatchObject({
        ok: false,
        code: "last_admin",
      });
      expect(
        await removeMemberRole(t.db, { organisationId: school.id, assignmentId: registrar.assignmentId, actor }),
      ).toEqual({ ok: true, value: null });

      const second = await createMember(t.db, "school_admin", school);
      expect(
        await removeMemberRole(t.db, { organisationId: school.id, assignmentId: first.assignmentId, actor }),
      ).toEqual({ ok: true, value: null });
      expect(
        await removeMemberRole(t.db, { organisationId: school.id, assignmentId: second.assignmentId, actor }),
      ).toMatchObject({
        ok: false,
        code: "last_admin",
      });

      expect(await rolesIn(school.id)).toEqual([{ userId: second.id, role: "school_admin" }]);
      const audit = await auditRowsOf(school.id);
      expect(audit.map((r) => r.action)).toEqual(["member.revoke-role", "member.revoke-role"]);
      expect(audit[1]).toMatchObject({ entityId: first.id, details: { role: "school_admin" } });
    });

    it("keeps one administrator when two remove each other at the same moment", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const first = await createMember(t.db, "school_admin", school);
      const second = await createMember(t.db, "school_admin", school);

      const results = await Promise.all([
        removeMemberRole(t.db, {
          organisationId: school.id,
          assignmentId: second.assignmentId,
          actor: { userId: first.id, ip: IP },
        }),
        removeMemberRole(t.db, {
          organisationId: school.id,
          assignmentId: first.assignmentId,
          actor: { userId: second.id, ip: IP },
        }),
      ]);

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === "last_admin")).toHaveLength(1);
      expect(await rolesIn(school.id)).toHaveLength(1);
    });

    it("refuses to remove an employer's last member", async () => {
      const employer = await createOrganisation(t.db, { kind: "employer", status: "pending" });
      const only = await createMember(t.db, "employer_member", employer);
      expect(
        await removeMemberRole(t.db, {
          organisationId: employer.id,
          assignmentId: only.assignmentId,
          actor: { userId: only.id, ip: IP },
        }),
      ).toMatchObject({ ok: false, code: "last_admin" });
    });
  });

  describe("reading the audit trail", () => {
    it("never returns another organisation's entries to an organisation-scoped reader", async () => {
      const ministry = await createMember(t.db, "ministry_admin", null);
      const schoolA = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const schoolB = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const adminA = await createMember(t.db, "school_admin", schoolA);
      const adminB = await createMember(t.db, "school_admin", schoolB);
      for (const [school, admin] of [
        [schoolA, adminA],
        [schoolB, adminB],
      ] as const) {
        await changeOrganisationStatus(t.db, {
          organisationId: school.id,
          change: "accredit",
          actor: { userId: ministry.id, ip: IP },
        });
        for (const n of [1, 2]) {
          await inviteMember(t.db, {
            organisationId: school.id,
            input: {
              email: `nv${n}.${school.code.toLowerCase()}@example.vn`,
              fullName: `Nhân viên ${n}`,
              role: "school_registrar",
            },
            locale: "vi",
            publicOrigin: ORIGIN,
            actor: { userId: admin.id, ip: IP },
          });
        }
      }

      const pageA = await listAuditEntries(t.db, { scope: { organisationId: schoolA.id }, page: 1, pageSize: 50 });
      // Accrediting a school also creates its signing key, in the same transaction.
      expect(pageA.total).toBe(4);
      expect(pageA.entries).toHaveLength(4);
      expect(pageA.entries.every((e) => e.organisationId === schoolA.id)).toBe(true);
      expect(pageA.entries.map((e) => e.action)).toEqual([
        "member.invite",
        "member.invite",
        "signing-key.create",
        "organisation.accredit",
      ]);
      expect(pageA.entries[3]!.actorEmail).toBe(ministry.email);
      expect(pageA.entries[0]!.actorEmail).toBe(adminA.email);

      // Paging and an action filter stay inside the scope too.
      const second = await listAuditEntries(t.db, { scope: { organisationId: schoolA.id }, page: 2, pageSize: 2 });
      expect(second.entries.map((e) => e.organisationId)).toEqual([schoolA.id, schoolA.id]);
      const accredits = await listAuditEntries(t.db, {
        scope: { organisationId: schoolA.id },
        actions: ["organisation.accredit"],
        page: 1,
        pageSize: 50,
      });
      expect(accredits.entries.map((e) => e.organisationId)).toEqual([schoolA.id]);
      expect(await listAuditActions(t.db, { organisationId: schoolA.id })).toEqual([
        "member.invite",
        "organisation.accredit",
        "signing-key.create",
      ]);

      const all = await listAuditEntries(t.db, { scope: { all: true }, page: 1, pageSize: 50 });
      expect(all.total).toBe(8);
    });
  });

  describe("the ministry's organisation list", () => {
    it("puts pending organisations first and finds names without diacritics", async () => {
      await createOrganisation(t.db, { kind: "school", name: "Trường Cao đẳng Đường sắt", status: "accredited" });
      const pending = await createOrganisation(t.db, {
        kind: "school",
        name: "Trường Trung cấp Nghề Hà Nội",
        status: "pending",
      });
      await createOrganisation(t.db, { kind: "employer", name: "Công ty Cổ phần Xây dựng", status: "rejected" });

      const all = await listOrganisations(t.db, { page: 1, pageSize: 25 });
      expect(all.total).toBe(3);
      expect(all.rows[0]!.id).toBe(pending.id);

      const found = await listOrganisations(t.db, { q: "cao dang duong sat", page: 1, pageSize: 25 });
      expect(found.rows.map((r) => r.name)).toEqual(["Trường Cao đẳng Đường sắt"]);
      const byStatus = await listOrganisations(t.db, { kind: "school", status: "pending", page: 1, pageSize: 25 });
      expect(byStatus.rows.map((r) => r.id)).toEqual([pending.id]);
      // LIKE wildcards typed by the user are taken literally.
      expect((await listOrganisations(t.db, { q: "%", page: 1, pageSize: 25 })).total).toBe(0);
    });
  });
});

describe(`accrediting a school without a key-encryption key (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  const saved = { kek: process.env.KEY_ENCRYPTION_KEY, demo: process.env.DEMO_MODE, origin: process.env.PUBLIC_ORIGIN };
  afterEach(() => {
    process.env.KEY_ENCRYPTION_KEY = saved.kek;
    if (saved.origin === undefined) delete process.env.PUBLIC_ORIGIN;
    else process.env.PUBLIC_ORIGIN = saved.origin;
    if (saved.demo === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = saved.demo;
    vi.resetModules();
  });

  it("is refused with a reason (no 500), and leaves the school pending with no audit row and no key", async () => {
    const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
    const admin = await createMember(t.db, "ministry_admin", null);
    // A production server started without KEY_ENCRYPTION_KEY: fresh modules read the environment anew.
    delete process.env.KEY_ENCRYPTION_KEY;
    process.env.DEMO_MODE = "false";
    process.env.PUBLIC_ORIGIN = "https://vanbang.example.vn"; // required outside demo mode
    vi.resetModules();
    const fresh = await import("~/modules/organisations/change-organisation-status.server");
    const result = await fresh.changeOrganisationStatus(t.db, {
      organisationId: school.id,
      change: "accredit",
      actor: { userId: admin.id, ip: IP },
    });
    expect(result).toMatchObject({ ok: false, code: "signing_keys_unavailable" });
    const [row] = await t.db
      .select({ status: organisations.status })
      .from(organisations)
      .where(eq(organisations.id, school.id));
    expect(row?.status).toBe("pending");
    expect(await t.db.select().from(auditLog).where(eq(auditLog.organisationId, school.id))).toHaveLength(0);
    expect(await t.db.select().from(signingKeys).where(eq(signingKeys.organisationId, school.id))).toHaveLength(0);
  });
});
