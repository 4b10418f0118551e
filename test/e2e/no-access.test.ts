/**
 * Issue 15, papercut 5: with no access to an ordinary web page (a fresh install, and the popup opened
 * without a click on the page), the popup says what is missing and how to give it. This file loads a
 * build without the end-to-end run's <all_urls> grant, as a user's install is.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { ARTIFACTS, ROOT } from './support/paths.ts';
import { openTabFromWorker } from './support/waits.ts';
import { buildExtensionInto } from './support/build.ts';

const DIST = path.join(ROOT, `.tmp/e2e-dist-no-access-${process.pid}`);
let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildExtensionInto(DIST, '');
  fixtures = await startFixtureServer();
  browser = await launchWithExtension(undefined, DIST);
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
  rmSync(DIST, { recursive: true, force: true });
});

describe('without access to an ordinary page', () => {
  it('the popup says access is missing and how to give it, not that the page is a browser page', async () => {
    const { tabId } = await openTabFromWorker(browser, fixtures.url('announcement.html'));
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await openPopup(browser, tabId);
      await popup.emulateMedia({ colorScheme });
      const alert = popup.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('Incident Clipper has no access to this page yet');
      expect(text).toContain('Alt+Shift+K');
      expect(text).not.toContain('browser pages');
      await popup.screenshot({ path: path.join(ARTIFACTS, `popup-no-access-${colorScheme}.png`) });
      await popup.close();
    }
  });

  it('keeps saying "cannot read this page" for a browser page', async () => {
    const { tabId } = await openTabFromWorker(browser, 'chrome://version');
    const popup = await openPopup(browser, tabId);
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Incident Clipper cannot read this page');
    await popup.close();
  });
});
