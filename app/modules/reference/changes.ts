/** What an edit changed, for its audit row: `{ field: { from, to } }` per differing value, or null if none. */
export function changesBetween<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> | null {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to !== undefined && before[key] !== to) changes[key] = { from: before[key] ?? null, to };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
