/** How many rows the matching pages show at once. Not in pages.server.ts: the pager reads it in the browser. */
export const MATCHES_PER_PAGE = 20;
export const CANDIDATES_PER_PAGE = 50;
