/** The page's main text, for evidence: the article if the page marks one, else the body. */
import { MAX_PAGE_TEXT_CHARS } from '../core/limits.ts';

const MAIN_SELECTORS = ['article', 'main', '[role="main"]'];

export function mainText(doc: Document): string {
  const candidates = MAIN_SELECTORS.map((selector) => doc.querySelector(selector)).filter((el): el is Element => el !== null);
  const longest = candidates.reduce<Element | null>(
    (best, el) => ((el.textContent?.length ?? 0) > (best?.textContent?.length ?? 0) ? el : best),
    null,
  );
  const root = longest && (longest.textContent ?? '').trim().length > 200 ? longest : doc.body;
  return (root?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TEXT_CHARS);
}
