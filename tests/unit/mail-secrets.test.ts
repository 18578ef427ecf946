import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_MS } from "~/modules/auth/user-tokens.server";
import {
  MAIL_TEMPLATE_SECRETS,
  hasSealedSecrets,
  neutraliseMarkers,
  removeSealedSecrets,
  secretsOf,
} from "~/modules/mail/secrets";

describe("mail secrets", () => {
  it("finds the token of a one-time link and a claim code, and nothing in other mail", () => {
    const link = "https://vanbang.example.vn/reset-password?token=abcDEF123_-xyz";
    expect(secretsOf({ name: "reset_password", params: { fullName: "An", link } })).toEqual(["abcDEF123_-xyz"]);
    expect(
      secretsOf({
        name: "role_granted",
        params: { fullName: "An", link: "https://vanbang.example.vn/sign-in", organisation: "X", role: "Y" },
      }),
    ).toEqual([]);
  });

  it("keeps an undelivered link's sealed token no longer than the token itself lives", () => {
    for (const purpose of ["confirm_email", "reset_password", "invitation"] as const)
      expect(MAIL_TEMPLATE_SECRETS[purpose]?.lifetimeMs).toBe(TOKEN_LIFETIME_MS[purpose]);
  });

  it("removes sealed markers, and text typed to look like one is not one", () => {
    const body = "Link: https://x/confirm-email?token={{sealed:AbC-_9}} end";
    expect(hasSealedSecrets(body)).toBe(true);
    expect(removeSealedSecrets(body)).toBe("Link: https://x/confirm-email?token=[…] end");
    expect(hasSealedSecrets(neutraliseMarkers("Tên: {{sealed:AbC}}"))).toBe(false);
  });
});
