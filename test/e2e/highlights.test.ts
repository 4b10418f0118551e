/**
 * Highlights come back: after a reload, after the page's text was edited around and inside the quote,
 * and as an orphan when the quote is gone. On demand (popup) and in the opt-in every-page mode.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickClipMenu,
  extensionUrl,
  launchWithExtension,
  openPopup,
  paintedTexts,
  readStoredClips,
  readStoredClipsOn,
  selectText,
  tabIdOf,
  type ExtensionBrowser,
} from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { accessibleTexts, clickControl } from './support/in-page.ts';
import { ARTIFACTS, FIXTURE_PAGES } from './support/paths.ts';

const RULING =
  'A civil resolution tribunal ruled on Wednesday that the airline was responsible for all the information on its website, whether it came from a static page or a chatbot, and ordered it to pay the difference between the fares.';

let fixtures: FixtureServer;
let browser: ExtensionBrowser;
let original: string;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  browser = await launchWithExtension();
  original = await readFile(path.join(FIXTURE_PAGES, 'announcement.html'), 'utf8');
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

async function waitForPaint(page: Page, expected: number): Promise<string[]> {
  await page.waitForFunction((count) => (CSS.highlights.get('incident-clipper')?.size ?? 0) === count, expected, { timeout: 10_000 });
  return paintedTexts(page);
}

/** Opening the popup on a tab is what restores highlights when the every-page mode is off. */
async function restoreViaPopup(pageUrl: string): Promise<void> {
  const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
  await popup.getByText('On this page', { exact: true }).waitFor();
  await popup.close();
}

async function clipState(): Promise<string | undefined> {
  const [clip] = await readStoredClips(browser);
  return clip?.anchor?.state;
}

describe('highlights on demand', () => {
  let page: Page;
  let pageUrl: string;

  it('paints the clip right after clipping, without changing the page DOM', async () => {
    pageUrl = fixtures.url('announcement.html');
    page = await browser.context.newPage();
    await page.goto(pageUrl);
    const domBefore = await page.evaluate(() => new XMLSerializer().serializeToString(document.body));
    await selectText(page, '#ruling');
    await clickClipMenu(browser, pageUrl);
    expect(await waitForPaint(page, 1)).toEqual([RULING]);
    await page.evaluate(() => document.querySelector('incident-clipper-toast')?.remove());
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.body))).toBe(domBefore);
  });

  it('restores the highlight after a reload', async () => {
    await page.reload();
    expect(await paintedTexts(page)).toEqual([]);
    await restoreViaPopup(pageUrl);
    expect(await waitForPaint(page, 1)).toEqual([RULING]);
    expect(await clipState()).toBe('anchored');
  });

  it('re-anchors after the text was edited around and inside the quote, and says it changed', async () => {
    const edited = original
      .replace('<p id="lede">', '<p>Update: this story has been corrected to reflect the tribunal\'s final order.</p><p id="lede">')
      .replace('ruled on Wednesday', 'ruled last Wednesday');
    fixtures.override('announcement.html', edited);
    await page.reload();
    await restoreViaPopup(pageUrl);
    const [painted] = await waitForPaint(page, 1);
    expect(painted).toContain('ruled last Wednesday that the airline was responsible');
    expect(await clipState()).toBe('changed');
  });

  it('marks the quote as an orphan when its text is gone, and keeps the clip', async () => {
    fixtures.override('announcement.html', original.replace(/<p id="ruling">[^<]*<\/p>/, ''));
    await page.reload();
    await restoreViaPopup(pageUrl);
    await expect.poll(clipState).toBe('orphan');
    expect(await paintedTexts(page)).toEqual([]);
    expect(await readStoredClips(browser)).toHaveLength(1);
    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    const quotes = popup.getByRole('region', { name: 'Quotes from this page' });
    await quotes.getByText('1 quote is no longer on this page.').waitFor();
    expect(await quotes.locator('blockquote').textContent()).toBe(RULING);
    await popup.close();
    fixtures.override('announcement.html', null);
  });
});

describe('the opt-in every-page mode', () => {
  it('restores highlights on load and re-anchors when a single-page app rewrites the text', async () => {
    const options = await browser.context.newPage();
    await options.goto(extensionUrl(browser, 'options/index.html'));
    const toggle = options.getByLabel('Show a Clip button on selected text and bring back my highlights when I revisit a page');
    await toggle.check();
    await expect.poll(() => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id))).toEqual([
      'incident-clipper-every-page',
    ]);
    await options.reload();
    // The page reads the stored preference after its first paint.
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(fixtures.url('announcement.html'));
    expect(await waitForPaint(page, 1)).toEqual([RULING]);

    await page.evaluate(() => {
      const ruling = document.querySelector('#ruling')!;
      ruling.before(Object.assign(document.createElement('p'), { textContent: 'Live update: the airline has appealed.' }));
    });
    await page.waitForFunction(
      (text) => [...(CSS.highlights.get('incident-clipper') ?? [])].some((range) => range.toString() === text && range.startContainer.parentElement?.id === 'ruling'),
      RULING,
    );
  });

  it('offers the Clip button on a selection and makes a new draft from it', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url('dark.html');
    await page.goto(pageUrl);
    const box = await page.locator('#detail').boundingBox();
    await page.mouse.move(box!.x + 2, box!.y + 5);
    await page.mouse.down();
    await page.mouse.move(box!.x + box!.width - 2, box!.y + box!.height - 5, { steps: 5 });
    await page.mouse.up();
    await page.locator('incident-clipper-button').waitFor();
    // The in-page strings come from _locales through the content script's own i18n lookup, not as keys.
    expect(await accessibleTexts(page)).toContain('Clip');
    await clickControl(page, 'Clip');
    await clickControl(page, 'New draft');
    await page.locator('incident-clipper-toast').waitFor();
    await expect.poll(() => accessibleTexts(page)).toContain('Clipped into a new draft.');
    await expect.poll(async () => (await readStoredClipsOn(browser, pageUrl)).length).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'in-page-clip-button-dark.png') });
  });
});
