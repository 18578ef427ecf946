import { describe, expect, it } from "vitest";
import { isLoopbackOrigin, signingOriginProblem } from "~/lib/public-origin";

describe("signing origin", () => {
  it("recognises loopback origins", () => {
    for (const origin of [
      "http://localhost:3000",
      "https://LOCALHOST",
      "http://app.localhost",
      "http://127.0.0.1:8080",
      "http://127.3.4.5",
      "http://[::1]:3000",
      "http://[::ffff:127.0.0.1]",
      "http://0.0.0.0:3000",
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(true);
    for (const origin of ["https://vanbang.gdnn.gov.vn", "http://10.0.0.5:3000", "http://128.0.0.1", "not a url"])
      expect(isLoopbackOrigin(origin), origin).toBe(false);
  });

  it("refuses a loopback origin outside demo mode only", () => {
    expect(signingOriginProblem({ PUBLIC_ORIGIN: "http://localhost:3000", DEMO_MODE: false })).toBe("loopback_origin");
    expect(signingOriginProblem({ PUBLIC_ORIGIN: "http://127.0.0.1:3000", DEMO_MODE: false })).toBe("loopback_origin");
    expect(signingOriginProblem({ PUBLIC_ORIGIN: "http://localhost:3000", DEMO_MODE: true })).toBeNull();
    expect(signingOriginProblem({ PUBLIC_ORIGIN: "https://vanbang.gdnn.gov.vn", DEMO_MODE: false })).toBeNull();
  });
});
