import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { safeRedirect, SignUpSchema, taxCodeField } from "~/modules/auth/schema";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

describe("sign-up form validation", () => {
  const valid = {
    accountType: "graduate",
    fullName: "Lê Thị Hạnh",
    email: " Hanh@Example.VN ",
    password: "mot-mat-khau-dai",
    passwordConfirm: "mot-mat-khau-dai",
  };

  it("normalises the e-mail", () => {
    const result = parseForm(SignUpSchema, form(valid));
    expect(result.ok && result.data.email).toBe("hanh@example.vn");
  });

  it("names each bad field with a message key and keeps what was typed, but never the password", () => {
    const result = parseForm(
      SignUpSchema,
      form({ ...valid, email: "not-an-email", password: "short", passwordConfirm: "short" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.email).toBe("validation.email");
    expect(result.fieldErrors.password).toBe("validation.password");
    expect(result.values.email).toBe("not-an-email");
    expect(result.values.fullName).toBe("Lê Thị Hạnh");
    expect(result.values.password).toBeUndefined();
  });

  it("requires matching passwords", () => {
    const result = parseForm(SignUpSchema, form({ ...valid, passwordConfirm: "something-else-x" }));
    expect(!result.ok && result.fieldErrors.passwordConfirm).toBe("auth.error.password_mismatch");
  });

  it("requires the school's code, type and province for a school", () => {
    const result = parseForm(
      SignUpSchema,
      form({
        ...valid,
        accountType: "school",
        orgName: "Trường X",
        schoolCode: "a b",
        schoolType: "university",
        provinceCode: "",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      schoolCode: "validation.schoolCode",
      schoolType: "validation.schoolType",
      provinceCode: "validation.province",
    });
  });

  it("rejects an unknown account type", () => {
    const result = parseForm(SignUpSchema, form({ ...valid, accountType: "ministry_admin" }));
    expect(!result.ok && result.fieldErrors.accountType).toBe("validation.accountType");
  });
});

describe("tax code", () => {
  it.each([
    ["0101234567", "0101234567"],
    ["0101234567-001", "0101234567-001"],
    ["0101234567001", "0101234567-001"],
    [" 0101 234 567 ", "0101234567"],
  ])("accepts %j as %j", (input, expected) => {
    expect(taxCodeField.parse(input)).toBe(expected);
  });
  it.each(["010123456", "01012345678", "0101234567-01", "abcdefghij", ""])("rejects %j", (input) => {
    expect(taxCodeField.safeParse(input).success).toBe(false);
  });
});

describe("redirects after sign-in", () => {
  it.each([
    ["/school/CDA", "/school/CDA"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    [null, "/dashboard"],
  ])("%j goes to %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("mật khẩu tiếng Việt"), hashPassword("mật khẩu tiếng Việt")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("mật khẩu tiếng Việt", a)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese text are the same password.
    expect(await verifyPassword("mật khẩu tiếng Việt".normalize("NFD"), a)).toBe(true);
    expect(await verifyPassword("mat khau tieng Viet", a)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
});
