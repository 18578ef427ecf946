/** The HTTP status of each expected failure of the reference use-cases (routes answer with it). */
export function referenceFailureStatus(code: string): number {
  switch (code) {
    case "not_found":
      return 404;
    case "code_taken":
    case "already_linked":
      return 409;
    default:
      return 400;
  }
}
