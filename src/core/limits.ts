/** Size limits shared by the zod schemas and the (zod-free) capture script. */

/** Upper bound on one quote; longer selections are refused with a clear message, not truncated silently. */
export const MAX_QUOTE_CHARS = 20_000;

/** Evidence keeps at most this much of a page's main text. */
export const MAX_PAGE_TEXT_CHARS = 2_000_000;
