export const FIREFOX_CANDIDATES: string[];
export function findFirefox(): string | undefined;
export const FIREFOX_ADDON_ID: string;
export const FIREFOX_MIN_VERSION: number;
export function firefoxMajorVersion(executable: string | undefined): number | undefined;
