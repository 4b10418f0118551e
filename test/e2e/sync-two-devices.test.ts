/**
 * Two devices of one editor (two Chromium profiles, one token) against the real archive on its embedded
 * database: both edit one draft while the archive is down, then meet again through it. A third profile
 * with another editor's token never sees the draft.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArchiveServer, type StartedServer } from '../../server/index.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { launchWithExtension, readStoredDrafts, type ExtensionBrowser } from './support/browser.ts';
import { openEditorPage, typeInto, waitSaved } from './support/editor.ts';
import { configureArchive } from './support/pages.ts';
import { ARTIFACTS } from './support/paths.ts';

const TITLE = 'Chatbot promised a refund it could not give';
const BASE = 'First paragraph.\n\nSecond paragraph.';
const MERGED = 'First paragraph, from the laptop.\n\nSecond paragraph, from the desktop.';

let archive: TestArchive;
let server: StartedServer;
const browsers: ExtensionBrowser[] = [];

async function device(token: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  browsers.push(browser);
  await (await configureArchive(browser, server.url, token)).close();
  return browser;
}

const status = (page: Page) => page.locator('.sync-status');

/** Opening the editor asks for a sync; waits until it says everything is synced. */
async function openSynced(browser: ExtensionBrowser, draftId?: string): Promise<Page> {
  const page = await openEditorPage(browser, draftId);
  await status(page).filter({ hasText: 'Synced with the archive.' }).waitFor({ timeout: 60_000 });
  return page;
}

async function shot(page: Page, name: string, target = page.locator('body')): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await target.screenshot({ path: path.join(ARTIFACTS, `sync-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  archive = await startTestArchive();
  server = archive.server;
}, 120_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await server?.close();
});

describe('one editor, two devices', () => {
  it('edits made on both while offline meet: texts merged, one severity conflict on both, resolved once for both; another editor sees nothing', async () => {
    const laptop = await device(archive.editorToken);
    const desktop = await device(archive.editorToken);

    // The laptop starts a note and it reaches the desktop.
    const start = await openEditorPage(laptop);
    await start.getByRole('button', { name: 'New note' }).click();
    await typeInto(start, 'Title', TITLE);
    await typeInto(start, 'Why this is an AI incident', BASE);
    await waitSaved(start);
    await status(start).filter({ hasText: 'Synced with the archive.' }).waitFor({ timeout: 60_000 });
    const draftId = new URL(start.url()).searchParams.get('draft')!;
    await start.close();
    const onDesktop = await openSynced(desktop);
    await expect.poll(async () => (await readStoredDrafts(desktop)).find((draft) => draft.id === draftId)?.rationale, { timeout: 60_000 }).toBe(BASE);
    await onDesktop.close();

    // The archive goes down; both edit.
    const port = server.port;
    await server.close();
    const [a, b] = [await openEditorPage(laptop, draftId), await openEditorPage(desktop, draftId)];
    await a.getByRole('radio', { name: /SEV-1/ }).click();
    await typeInto(a, 'Why this is an AI incident', 'First paragraph, from the laptop.\n\nSecond paragraph.');
    await b.getByRole('radio', { name: /SEV-3/ }).click();
    await typeInto(b, 'Why this is an AI incident', 'First paragraph.\n\nSecond paragraph, from the desktop.');
    await Promise.all([waitSaved(a), waitSaved(b)]);
    await status(b).filter({ hasText: /^Offline: \d+ changes waiting/ }).waitFor({ timeout: 60_000 });
    await shot(b, 'offline', status(b));
    await Promise.all([a.close(), b.close()]);

    // The archive is back; each device syncs when its editor opens.
    server = await startArchiveServer({ port, dataDir: archive.dataDir, logLevel: 'silent' });
    await (await openSynced(laptop, draftId)).close();
    const desktopPage = await openSynced(desktop, draftId);
    const laptopPage = await openSynced(laptop, draftId);
    for (const page of [laptopPage, desktopPage]) {
      await expect.poll(() => page.getByLabel('Why this is an AI incident', { exact: true }).inputValue(), { timeout: 30_000 }).toBe(MERGED);
      expect(await page.getByRole('radio', { name: /SEV-1/ }).isChecked()).toBe(true);
      const conflict = page.getByRole('region', { name: 'Edited in two places' });
      await conflict.getByText('Field: Severity').waitFor({ timeout: 30_000 });
      expect(await conflict.locator('.conflict').count()).toBe(1);
    }
    // The desktop's value lost the race: the desktop calls it its own, the laptop another device's.
    await desktopPage.getByRole('button', { name: 'Keep mine' }).waitFor();
    await laptopPage.getByText('From another device:').waitFor();
    await laptopPage.getByRole('button', { name: 'Use the other device’s value' }).or(laptopPage.getByRole('button', { name: "Use the other device's value" })).waitFor();
    await shot(laptopPage, 'conflict-other-device', laptopPage.getByRole('region', { name: 'Edited in two places' }));
    await shot(desktopPage, 'status', status(desktopPage));
    await shot(desktopPage, 'conflict', desktopPage.getByRole('region', { name: 'Edited in two places' }));

    // Resolved on the desktop (keeping SEV-3): the laptop shows the choice and no conflict.
    await desktopPage.getByRole('region', { name: 'Edited in two places' }).getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => desktopPage.getByRole('radio', { name: /SEV-3/ }).isChecked()).toBe(true);
    await status(desktopPage).filter({ hasText: 'Synced with the archive.' }).waitFor({ timeout: 60_000 });
    await laptopPage.close();
    const laptopAgain = await openSynced(laptop, draftId);
    await expect.poll(() => laptopAgain.getByRole('radio', { name: /SEV-3/ }).isChecked(), { timeout: 30_000 }).toBe(true);
    await laptopAgain.getByRole('region', { name: 'Edited in two places' }).waitFor({ state: 'detached' });
    const [laptopDraft, desktopDraft] = [(await readStoredDrafts(laptop)).find((d) => d.id === draftId)!, (await readStoredDrafts(desktop)).find((d) => d.id === draftId)!];
    expect({ ...laptopDraft, createdAt: '', updatedAt: '' }).toEqual({ ...desktopDraft, createdAt: '', updatedAt: '' });

    // Another editor's profile syncs too, and never gets the draft.
    const { token } = await server.createUser({ name: 'Oscar Other', role: 'editor' });
    const other = await device(token);
    await (await openSynced(other)).close();
    expect((await readStoredDrafts(other)).map((draft) => draft.id)).not.toContain(draftId);
  });
});
