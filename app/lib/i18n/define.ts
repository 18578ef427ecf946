/** A namespace of UI messages: Vietnamese first; the English catalogue must have exactly the same keys. */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }) {
  return { vi, en };
}
