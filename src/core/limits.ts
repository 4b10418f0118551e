/** Size limits shared by the zod schemas and the (zod-free) capture script. */

/** Upper bound on one quote; longer selections are refused with a clear message, not truncated silently. */
export const MAX_QUOTE_CHARS = 20_000;
