/** The order quotes are kept and shown in: oldest first. A module of its own, so the store's schema code can use it without zod. */
export const byCreation = (a: { createdAt: string }, b: { createdAt: string }): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
