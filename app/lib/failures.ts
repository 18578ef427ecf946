import type { MessageKey } from "./i18n";

/** One expected failure of a use-case: the HTTP status it answers with and the message the user reads. */
export interface Failure {
  readonly status: number;
  readonly message: MessageKey;
}

/**
 * A module's failures: every code its use-cases return → status + message key. Declare one per module with
 * `satisfies FailureTable<Code>`, so a code without an entry, or a message that is not in the catalogue, fails the
 * type check. Routes turn an entry into an answer with `failureReply` (app/lib/http.server.ts).
 */
export type FailureTable<C extends string> = Readonly<Record<C, Failure>>;
