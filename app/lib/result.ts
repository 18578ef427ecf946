/** Expected failures are values: use-cases return a Result, only bugs throw. */
export type Result<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; code: C; fieldErrors?: Record<string, string> };

export const ok = <T>(value: T) => ({ ok: true, value }) as const;
export const fail = <C extends string>(code: C, fieldErrors?: Record<string, string>) =>
  ({ ok: false, code, fieldErrors }) as const;
