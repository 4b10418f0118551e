export const FIREFOX_CANDIDATES: string[];
export function findFirefox(): string | undefined;
export const FIREFOX_ADDON_ID: string;
