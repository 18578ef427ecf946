import type { FailureTable } from "~/lib/failures";
import type { SignInError } from "./sign-in.server";

/** The expected failures of signing in: HTTP status and message key. */
export const AUTH_FAILURES = {
  invalid_credentials: { status: 400, message: "auth.error.invalid_credentials" },
  email_not_confirmed: { status: 400, message: "auth.error.email_not_confirmed" },
  rate_limited: { status: 429, message: "auth.error.rate_limited" },
} as const satisfies FailureTable<SignInError>;
