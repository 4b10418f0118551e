/** What a page shows of its own name: its logo's alternative text and the holder of its copyright line. */
import type { Page } from './page.ts';
import { printedTexts } from './printed-texts.ts';
import { namesHost, squash, withoutDesk } from './site-names.ts';
import { documentTitle, isHomeLink } from './title.ts';
import { SEPARATOR } from './title-segments.ts';

const LOGO_IMAGES =
  '[class*="logo" i] img[alt], [id*="logo" i] img[alt], img[class*="logo" i][alt], img[id*="logo" i][alt], img[alt*="logo" i], img[src*="logo" i][alt]';
/** What a logo's alternative text adds to the name: "Logo der", "-Logo", "(Link zur Startseite)", "zu Startseite". */
const LOGO_WORDS =
  /\([^)]*\)|(?<!\p{L})logo(?:\s+(?:der|des|von|of|the|de|du))?(?!\p{L})|(?<!\p{L})(?:(?:link\s+)?(?:zurück\s+)?(?:zur|zu|to|to the)\s+)?(?:startseite|homepage|home\s?page|home)(?!\p{L})/giu;
/** Not a name: "printlogo", "Visa Mastercard PayPal logos", a file name. */
const NOT_A_NAME = /\p{L}logo|logos|\.(?:svg|png|jpe?g|gif)$/iu;
/** Nor a slug in lower case: "logo-ariel", "antikal-logo" ("AUTO-PRESSE" or "Handelsblatt-Logo" are names). */
const SLUG = /^[\p{Ll}\d]+(?:[-_][\p{Ll}\d]+)+$/u;

/** The outlet's name as its logo's alternative text gives it, the logo that links home first. */
export function logoName(page: Page): string | undefined {
  const home = [...page.root.getElementsByTagName('a')].filter((link) => isHomeLink(link, page.pageUrl)).flatMap((link) => [...link.querySelectorAll('img[alt]')]);
  for (const image of [...home.slice(0, 3), ...[...page.root.querySelectorAll(LOGO_IMAGES)].slice(0, 5)]) {
    const alt = (image.getAttribute('alt') ?? '').trim();
    // " - Das Mountainbike Magazin": the rest of a name the image itself spells.
    if (/^[-–|:]/.test(alt)) continue;
    const name = alt.replace(LOGO_WORDS, ' ').replace(COPYRIGHT_MARK, ' ').replace(/\s+/g, ' ').replace(/^[\s:|–-]+|[\s:|–-]+$/g, '');
    if (name.length > 1 && name.split(' ').length <= 5 && !NOT_A_NAME.test(alt) && !SLUG.test(alt)) return name;
  }
  return undefined;
}

/** "© 2020 Springer Nature Limited. All rights reserved.", "Copyright (c) 2019 Site". */
export const COPYRIGHT_MARK = /(?:©|ⓒ|\(c\)|copyright)\s*/giu;
const COPYRIGHT = /(?:©|ⓒ|\(c\)|copyright)\s*(.*)/i;
const LEGAL_FORM = /[\s,]+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|e\.\s?V\.|Ltd\.?|Limited|Inc\.?|LLC|S\.A\.|SAS|KG)$/i;

/** The holder a copyright line names, without years, legal form or a desk word ("Team"). */
export function copyrightHolders(page: Page): string[] {
  const holders: string[] = [];
  for (const { text } of printedTexts(page)) {
    const line = COPYRIGHT.exec(text)?.[1];
    if (!line) continue;
    const holder = line
      .split(/\s[|·•](?:\s|$)|\.\s+(?=\p{Lu})|,\s/u)[0]!
      .replace(COPYRIGHT_MARK, ' ')
      .replace(/(?<!\p{L})(?:by|\d[\d.]*)(?!\p{L})|[-–]/giu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LEGAL_FORM, '');
    const name = withoutDesk(holder);
    if (name.length > 1) holders.push(name);
  }
  return holders;
}

/**
 * A logo's name as the page's title or copyright line spells it ("Konrad Adenauer Stiftung" as
 * "Konrad-Adenauer-Stiftung"), or cut to the host's name they give ("Abbildung der Wort-Bild-Marke Berliner
 * Feuerwehr" to "Berliner Feuerwehr").
 */
export function spelledAsShown(name: string, page: Page, holders: string[], host: string): string {
  const spellings = [...documentTitle(page.doc).split(SEPARATOR), ...holders];
  const same = spellings.find((spelling) => spelling !== name && squash(spelling) === squash(name));
  const inside = spellings.find((spelling) => squash(spelling).length > 2 && squash(name).includes(squash(spelling)) && namesHost(spelling, host));
  return same ?? inside ?? name;
}
