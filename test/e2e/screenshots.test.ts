/**
 * Looks at what a person sees: the popup, the options page and the in-page UI, in the light and the
 * dark theme, on a light and a dark page. Screenshots go to artifacts/ (git-ignored) for review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickClipMenu, extensionUrl, launchWithExtension, openPopup, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { ARTIFACTS } from './support/paths.ts';

let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fixtures = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe.each(['light', 'dark'] as const)('the %s theme', (colorScheme) => {
  it('popup with a clipped draft and the options page follow the system theme', async () => {
    const article = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await article.goto(pageUrl);
    await selectText(article, '#lede');
    await clickClipMenu(browser, pageUrl);

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('list', { name: 'Drafts on this page' }).getByRole('button').first().waitFor();
    expect(await backgroundOf(popup)).toBe(colorScheme === 'dark' ? 'rgb(22, 25, 30)' : 'rgb(255, 255, 255)');
    await popup.screenshot({ path: path.join(ARTIFACTS, `popup-${colorScheme}.png`), fullPage: true });

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(extensionUrl(browser, 'options/index.html'));
    await options.getByLabel('Archive address').waitFor();
    expect(await backgroundOf(options)).toBe(colorScheme === 'dark' ? 'rgb(22, 25, 30)' : 'rgb(255, 255, 255)');
    await options.screenshot({ path: path.join(ARTIFACTS, `options-${colorScheme}.png`) });
    await Promise.all([popup.close(), options.close(), article.close()]);
  });
});

describe.each([
  ['light', 'announcement.html', '#response'],
  ['dark', 'dark.html', '#lede'],
] as const)('in-page UI on a %s page', (kind, file, paragraph) => {
  it('shows the toast after a clip, readable and where page CSS cannot move it', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url(file);
    await page.goto(pageUrl);
    await selectText(page, paragraph);
    await clickClipMenu(browser, pageUrl);
    const toast = page.locator('incident-clipper-toast');
    await toast.waitFor();
    const box = await toast.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width - 15);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height - 15);
    expect(box!.height).toBeLessThan(120); // the page's "p, div { font-size: 40px !important }" does not reach it
    await page.screenshot({ path: path.join(ARTIFACTS, `in-page-toast-${kind}.png`) });
    await page.close();
  });
});
