/** Which stored quotes belong to a page, painting them there, and remembering how they anchored. */
import { canonicalizeUrl } from '../core/url.ts';
import type { AnchorReport } from '../core/capture.ts';
import { clipsForUrls, recordAnchorReports } from '../store/clips.ts';
import { paintInTab } from './inject.ts';

/**
 * The URLs a page may see clips for: its own address, canonicalised, and the canonical URL it declares,
 * but only when that is on its own origin, so a hostile page cannot read another site's quotes.
 */
export function pageUrlsFor(pageUrl: string, claimedCanonical?: string): string[] {
  const own = canonicalizeUrl(pageUrl);
  const urls = [own];
  if (claimedCanonical) {
    try {
      if (new URL(claimedCanonical).origin === new URL(pageUrl).origin) urls.push(canonicalizeUrl(claimedCanonical));
    } catch {
      // Not a URL: ignore the claim.
    }
  }
  return [...new Set(urls)];
}

export async function clipsToPaint(urls: string[]) {
  return (await clipsForUrls(urls)).map(({ id, selectors }) => ({ id, selectors }));
}

export async function paintTab(tabId: number, urls: string[], frameId?: number): Promise<AnchorReport[]> {
  const reports = await paintInTab(tabId, await clipsToPaint(urls), frameId);
  await recordAnchorReports(reports, urls);
  return reports;
}
