import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/lib/env.server";

describe("parseEnv", () => {
  it("names PORT when it is not a port number", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("accepts a valid port", () => {
    expect(parseEnv({ PORT: "3210" }).PORT).toBe(3210);
  });

  it("turns demo mode on by default only without DATABASE_URL", () => {
    expect(parseEnv({}).DEMO_MODE).toBe(true);
    expect(
      parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db", PUBLIC_ORIGIN: "https://vanbang.example.vn" })
        .DEMO_MODE,
    ).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
  });

  it("requires SMTP_URL when MAIL_TRANSPORT=smtp", () => {
    expect(() => parseEnv({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL/);
    expect(parseEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://mail.local:25" }).MAIL_TRANSPORT).toBe("smtp");
  });

  it("refuses to start on a real database without PUBLIC_ORIGIN, naming it", () => {
    const real = { DATABASE_URL: "postgres://u@db.example.vn:5432/vanbang" };
    expect(() => parseEnv(real)).toThrow(EnvError);
    expect(() => parseEnv(real)).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ DEMO_MODE: "false" })).toThrow(/PUBLIC_ORIGIN/);
    expect(parseEnv({ ...real, PUBLIC_ORIGIN: "https://vanbang.example.vn/" }).PUBLIC_ORIGIN).toBe(
      "https://vanbang.example.vn",
    );
  });

  it("keeps the localhost default in demo mode", () => {
    expect(parseEnv({ PORT: "3210" }).PUBLIC_ORIGIN).toBe("http://localhost:3210");
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db", DEMO_MODE: "true" }).PUBLIC_ORIGIN).toBe(
      "http://localhost:3000",
    );
  });
});
