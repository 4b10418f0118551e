/**
 * The Clip button and its menu stay inside the viewport (issue 13, item 4): beside selections at every
 * edge and the bottom, on right-to-left pages and on zoomed pages; checked by their bounding boxes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { clickControl, controlBox, dragSelect, enableEveryPageMode } from './support/in-page.ts';
import { ARTIFACTS } from './support/paths.ts';

let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fixtures = await startFixtureServer();
  browser = await launchWithExtension();
  await enableEveryPageMode(browser);
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

const SPOTS = {
  'top-left': 'left:0;top:0',
  'top-right': 'right:0;top:0',
  'bottom-left': 'left:0;bottom:0',
  'bottom-right': 'right:0;bottom:0',
  'bottom-centre': 'left:40%;bottom:0',
};

function spotsPage(name: string, { dir = 'ltr', zoom = '' } = {}): string {
  const spots = Object.entries(SPOTS)
    .map(([id, place]) => `<p id="${id}" style="position:fixed;${place};margin:0;padding:2px;font:16px sans-serif;white-space:nowrap">${dir === 'rtl' ? 'نص قصير هنا للاختبار' : 'Short words here'}</p>`)
    .join('');
  fixtures.override(
    name,
    `<!doctype html><html lang="${dir === 'rtl' ? 'ar' : 'en'}" dir="${dir}" style="${zoom ? `zoom:${zoom}` : ''}"><head><meta charset="utf-8"><title>Spots</title></head><body>${spots}</body></html>`,
  );
  return fixtures.url(name);
}

async function expectInViewport(tab: Page, box: { x: number; y: number; width: number; height: number } | null, what: string): Promise<void> {
  const viewport = tab.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height);
}

describe.each([
  ['a left-to-right page', 'ltr.html', {}],
  ['a right-to-left page', 'rtl.html', { dir: 'rtl' }],
  ['a page zoomed to 150 %', 'zoomed.html', { zoom: '1.5' }],
])('on %s', (_kind, file, options) => {
  it.each(Object.keys(SPOTS))('the button and its menu stay on screen beside a selection at the %s', async (spot) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 800, height: 600 });
    await tab.goto(spotsPage(file, options));
    await dragSelect(tab, `#${spot}`);
    const host = tab.locator('incident-clipper-button');
    await host.waitFor();
    await expectInViewport(tab, await host.boundingBox(), 'the Clip button');
    await clickControl(tab, 'Clip');
    await controlBox(tab, 'Add to current draft');
    await expectInViewport(tab, await host.boundingBox(), 'the menu');
    for (const item of ['New draft', 'Add to current draft']) await expectInViewport(tab, await controlBox(tab, item), item);
    if (file === 'ltr.html' && spot === 'bottom-right') {
      await tab.screenshot({ path: path.join(ARTIFACTS, 'in-page-clip-menu-light.png') });
      await tab.emulateMedia({ colorScheme: 'dark' });
      await tab.screenshot({ path: path.join(ARTIFACTS, 'in-page-clip-menu-dark.png') });
    }
    await tab.close();
  });
});

describe('on a page pinch-zoomed to 200 %', () => {
  it('the button stays inside the visible part of the page, near its bottom-right corner', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 800, height: 600 });
    fixtures.override(
      'pinch.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pinch</title></head><body><p id="corner" style="position:absolute;left:300px;top:270px;margin:0;font:12px sans-serif;white-space:nowrap">Tiny words</p></body></html>',
    );
    await tab.goto(fixtures.url('pinch.html'));
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    const visible = await tab.evaluate(() => ({ width: visualViewport!.width, height: visualViewport!.height, scale: visualViewport!.scale }));
    expect(visible.scale).toBe(2);
    await dragSelect(tab, '#corner');
    const host = tab.locator('incident-clipper-button');
    await host.waitFor();
    // The host's box in CSS pixels of the layout viewport; the visible part is its top-left 400 × 300.
    const box = await tab.evaluate(() => document.querySelector('incident-clipper-button')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(visible.width);
    expect(box.bottom).toBeLessThanOrEqual(visible.height);
    await cdp.detach();
    await tab.close();
  });
});
