/**
 * The drafts workspace in a real Chromium with the built extension and the real archive: every field
 * filled with the keyboard, the readiness checklist following along, everything still there after the
 * browser restarts on the same profile, two editors on one draft, backup export/import (identical store,
 * corrupted file refused whole), and screenshots of the editor and the popup in both themes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Draft } from '../../src/core/draft.ts';
import { clickClipMenu, launchWithExtension, newProfileDir, openPopup, readStoredClips, readStoredDrafts, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { configureArchive } from './support/pages.ts';
import { ARTIFACTS } from './support/paths.ts';
import { dumpStores, openEditorPage, typeInto, waitSaved, writeStoredField } from './support/editor.ts';

let archive: TestArchive;
let fixtures: FixtureServer;
let browser: ExtensionBrowser;
const profileDir = newProfileDir();
let draftId = '';
const SECOND_SOURCE = 'https://wire.example/airline-bot';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [archive, fixtures] = await Promise.all([startTestArchive(), startFixtureServer()]);
  browser = await launchWithExtension(profileDir);
  const options = await configureArchive(browser, archive.server.url, archive.editorToken);
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([archive?.server.close(), fixtures?.close()]);
});

const check = (page: Page, id: string) => page.locator(`[data-check="${id}"]`);

async function storedDraft(): Promise<Draft> {
  const draft = (await readStoredDrafts(browser)).find((candidate) => candidate.id === draftId);
  if (!draft) throw new Error('draft not stored');
  return draft;
}

describe('the drafts workspace', () => {
  it('fills every field with the keyboard while the readiness checklist follows', async () => {
    const article = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await article.goto(pageUrl);
    await selectText(article, '#ruling');
    await clickClipMenu(browser, pageUrl);
    await expect.poll(async () => (await readStoredDrafts(browser)).length).toBe(1);
    draftId = (await readStoredDrafts(browser))[0]!.id;
    await article.close();

    const editor = await openEditorPage(browser, draftId);
    await editor.getByLabel('Title', { exact: true }).waitFor();
    expect(await check(editor, 'severity').getAttribute('data-ok')).toBe('false');
    expect(await check(editor, 'code').getAttribute('data-ok')).toBe('false');
    // Each field read from the page says where it came from.
    const published = editor.getByTestId('provenance').first().getByText("Publication date: from the page's structured data");
    expect(await published.getAttribute('title')).toContain('publishedDate ← json-ld:datePublished');
    expect(await editor.getByTestId('published-timestamp').first().textContent()).toContain('2024-02-16T09:30:00-05:00 (time zone UTC−05:00)');
    // The clip gave a title and a quoted source; the archive's taxonomy requires five more fields, and
    // the rest is advice.
    await editor.getByText('5 items block submission').waitFor();
    expect(await check(editor, 'provider').getAttribute('data-level')).toBe('required');
    expect(await check(editor, 'summary').getAttribute('data-level')).toBe('advised');
    await typeInto(editor, 'Title', '');
    await editor.getByText('6 items block submission').waitFor();
    expect(await check(editor, 'title').getAttribute('data-ok')).toBe('false');

    await typeInto(editor, 'Title', 'Airline chatbot invented a refund policy');
    await editor.getByText('5 items block submission').waitFor();
    await typeInto(editor, 'Summary', 'A customer-service chatbot told a passenger about a refund policy that did not exist.');
    await editor.getByLabel('Announcement date').focus();
    await editor.keyboard.type('02162024');
    await editor.getByLabel('Incident date').focus();
    await editor.keyboard.type('11102022');

    // Severity: a radio group, moved with the arrow keys.
    await editor.getByRole('radio', { name: /SEV-1/ }).focus();
    await editor.keyboard.press('Space');
    await editor.keyboard.press('ArrowDown');
    await editor.keyboard.press('ArrowDown');
    expect(await editor.getByRole('radio', { name: /SEV-3/ }).isChecked()).toBe(true);
    await check(editor, 'severity').and(editor.locator('[data-ok="true"]')).waitFor();

    await typeInto(editor, 'Add a provider', 'Example Airlines AI');
    await editor.keyboard.press('Enter');

    // Codes: search the archive's taxonomy, then tick with the keyboard.
    await typeInto(editor, 'Search codes', 'fabricated');
    await editor.getByRole('checkbox', { name: /^M1 Fabricated/ }).waitFor();
    await editor.keyboard.press('Tab');
    expect(await editor.getByRole('checkbox', { name: /^M1 Fabricated/ }).evaluate((box) => box === document.activeElement)).toBe(true);
    await editor.keyboard.press('Space');
    await check(editor, 'code').and(editor.locator('[data-ok="true"]')).waitFor();
    expect(await check(editor, 'independentSources').getAttribute('data-ok')).toBe('false');

    await typeInto(editor, 'Why this is an AI incident', 'The false policy was generated by the airline’s AI chatbot.');
    await typeInto(editor, 'Counterfactual (but-for test)', 'Without the chatbot, no invented policy would have been given.');

    // A second, independent source typed in by hand, with its metadata and a quote.
    await typeInto(editor, 'Add a source by its address', `${SECOND_SOURCE}?utm_source=feed`);
    await editor.keyboard.press('Enter');
    const second = editor.getByRole('region', { name: /^Source 2:/ });
    await second.waitFor();
    await second.getByLabel('Page title').focus();
    await editor.keyboard.type('Tribunal orders airline to honour chatbot refund');
    await second.getByLabel('Publisher').focus();
    await editor.keyboard.type('Example Wire');
    await second.getByLabel('Authors').focus();
    await editor.keyboard.type('Ana Ng, Bo Li');
    await second.getByLabel('Publication date').focus();
    await editor.keyboard.type('02172024');
    await second.getByLabel('Quote typed in by hand').focus();
    await editor.keyboard.type('The tribunal found the airline responsible for its chatbot.');
    await editor.keyboard.press('Tab');
    await editor.keyboard.press('Enter');
    await second.locator('blockquote').waitFor();
    await check(editor, 'independentSources').and(editor.locator('[data-ok="true"]')).waitFor();
    await editor.getByTestId('source-tier').filter({ hasText: 'standard' }).waitFor();

    await typeInto(editor, 'Editor notes', '**Checked** with the [tribunal](https://tribunal.example/decision).');
    await editor.getByRole('region', { name: 'Notes preview' }).locator('strong').filter({ hasText: 'Checked' }).waitFor();
    await typeInto(editor, 'Add a tag', 'customer-service');
    await editor.keyboard.press('Enter');
    // Deployers and harmed parties: free entry like tags, each saying it is for the AI Incident Database export.
    for (const [label, value] of [['Add a deployer', 'Example Airlines'], ['Add a harmed party', 'Airline passengers']] as const) {
      await typeInto(editor, label, value);
      expect(await editor.getByLabel(label, { exact: true }).evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toContain(
        'AI Incident Database export',
      );
      await editor.keyboard.press('Enter');
    }
    await editor.getByRole('list', { name: 'Harmed parties' }).getByText('Airline passengers').waitFor();
    await waitSaved(editor);
    expect(await editor.locator('[data-check][data-ok="false"]').count()).toBe(0);

    const stored = await storedDraft();
    expect(stored).toMatchObject({
      title: 'Airline chatbot invented a refund policy',
      summary: 'A customer-service chatbot told a passenger about a refund policy that did not exist.',
      announcementDate: '2024-02-16',
      incidentDate: '2022-11-10',
      severity: 'SEV-3',
      codes: ['M1'],
      rationale: 'The false policy was generated by the airline’s AI chatbot.',
      counterfactual: 'Without the chatbot, no invented policy would have been given.',
      notes: '**Checked** with the [tribunal](https://tribunal.example/decision).',
      tags: ['customer-service'],
      deployers: ['Example Airlines'],
      harmedParties: ['Airline passengers'],
    });
    expect(stored.providers).toContain('Example Airlines AI');
    expect(stored.sources[1]).toMatchObject({
      url: SECOND_SOURCE,
      title: 'Tribunal orders airline to honour chatbot refund',
      publisher: 'Example Wire',
      authors: ['Ana Ng', 'Bo Li'],
      publishedDate: '2024-02-17',
    });
    expect((await readStoredClips(browser)).map((clip) => clip.quote)).toContain('The tribunal found the airline responsible for its chatbot.');

    for (const colorScheme of ['light', 'dark'] as const) {
      await editor.emulateMedia({ colorScheme });
      await editor.evaluate(() => window.scrollTo(0, 0));
      await editor.screenshot({ path: path.join(ARTIFACTS, `editor-${colorScheme}.png`) });
      await editor.screenshot({ path: path.join(ARTIFACTS, `editor-${colorScheme}-full.png`), fullPage: true });
    }
    await editor.close();
  });

  it('undoes the last edit and restores an earlier version from the history', async () => {
    const editor = await openEditorPage(browser, draftId);
    await typeInto(editor, 'Title', 'A title I regret');
    await waitSaved(editor);
    expect((await storedDraft()).title).toBe('A title I regret');
    await editor.getByRole('button', { name: 'Undo' }).click();
    await waitSaved(editor);
    expect((await storedDraft()).title).toBe('Airline chatbot invented a refund policy');
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe('Airline chatbot invented a refund policy');

    // The history kept the draft as it was clipped, before the first edit.
    await editor.getByText(/^History/).click();
    const versions = editor.getByRole('list', { name: 'Earlier versions' });
    const clipped = 'Chatbot gave customers invented refund policy, airline admits';
    await versions.locator('li').filter({ hasText: clipped }).first().getByRole('button', { name: /Restore/ }).click();
    await expect.poll(async () => (await storedDraft()).title).toBe(clipped);
    expect((await storedDraft()).severity).toBeUndefined();
    // The restore is itself undoable from the history.
    await versions.locator('li').filter({ hasText: 'before a restore' }).first().getByRole('button', { name: /Restore/ }).click();
    await expect.poll(async () => (await storedDraft()).title).toBe('Airline chatbot invented a refund policy');
    expect((await storedDraft()).severity).toBe('SEV-3');
    await editor.close();
  });

  it('keeps two editors of one draft from overwriting each other', async () => {
    const [a, b] = [await openEditorPage(browser, draftId), await openEditorPage(browser, draftId)];
    await typeInto(a, 'Summary', 'Summary written in editor A.');
    await typeInto(b, 'Counterfactual (but-for test)', 'But-for test written in editor B.');
    await Promise.all([waitSaved(a), waitSaved(b)]);
    // Each sees the other's field without reloading, and both are stored.
    await expect.poll(() => a.getByLabel('Counterfactual (but-for test)').inputValue()).toBe('But-for test written in editor B.');
    await expect.poll(() => b.getByLabel('Summary', { exact: true }).inputValue()).toBe('Summary written in editor A.');
    expect(await storedDraft()).toMatchObject({ summary: 'Summary written in editor A.', counterfactual: 'But-for test written in editor B.' });

    // The same field changed underneath while A was typing: both values are kept as a conflict.
    await typeInto(a, 'Title', 'Title from editor A');
    await writeStoredField(browser, draftId, 'title', 'Title saved elsewhere');
    const conflict = a.getByRole('region', { name: 'Edited in two places' });
    await conflict.getByText('Title from editor A').waitFor();
    await conflict.getByText('Title saved elsewhere').waitFor();
    await conflict.getByText('Field: Title').waitFor();
    expect((await storedDraft()).title).toBe('Title saved elsewhere');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(async () => (await storedDraft()).title).toBe('Title from editor A');
    await conflict.waitFor({ state: 'detached' });
    await Promise.all([a.close(), b.close()]);
  });

  it('finds everything after the browser is closed and opened again on the same profile', async () => {
    const before = await storedDraft();
    await browser.close();
    browser = await launchWithExtension(profileDir);
    const editor = await openEditorPage(browser, draftId);
    await expect.poll(() => editor.getByLabel('Title', { exact: true }).inputValue()).toBe(before.title);
    expect(await editor.getByLabel('Summary', { exact: true }).inputValue()).toBe(before.summary);
    expect(await editor.getByLabel('Announcement date').inputValue()).toBe('2024-02-16');
    expect(await editor.getByRole('radio', { name: /SEV-3/ }).isChecked()).toBe(true);
    expect(await editor.getByRole('list', { name: 'Chosen codes' }).textContent()).toContain('M1');
    expect(await editor.getByRole('region', { name: /^Source 2:/ }).getByLabel('Authors').inputValue()).toBe('Ana Ng, Bo Li');
    expect(await editor.getByRole('list', { name: 'Deployers' }).textContent()).toContain('Example Airlines');
    expect(await editor.getByRole('list', { name: 'Harmed parties' }).textContent()).toContain('Airline passengers');
    await editor.getByText('Ready to submit').waitFor();
    expect(await storedDraft()).toEqual(before);
    // The AIID export carries them (one row per source).
    await editor.getByText('Export and import').click();
    const downloading = editor.waitForEvent('download');
    await editor.getByRole('button', { name: 'AIID fields (JSON)' }).click();
    const aiidFile = path.join(os.tmpdir(), `clipper-aiid-${Date.now()}.json`);
    await (await downloading).saveAs(aiidFile);
    const aiid = JSON.parse(readFileSync(aiidFile, 'utf8')) as Record<string, string>[];
    expect(aiid).toHaveLength(before.sources.length);
    for (const row of aiid) expect(row).toMatchObject({ deployers: 'Example Airlines', harmed_parties: 'Airline passengers' });
    await editor.close();

    // The popup lists it, shows its readiness and finds it by a word of a quote.
    const article = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await article.goto(pageUrl);
    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await popup.getByLabel('Search drafts').fill('tribunal responsible');
    await popup.getByRole('list', { name: 'Search results' }).getByText(before.title).click();
    await popup.getByRole('article', { name: 'Draft' }).getByText('Ready to submit').waitFor();
    // "Open editor" points the article tab's side panel at this draft and opens it. (Headless Chromium
    // draws no side panel, so the panel's own page is checked above as a tab.)
    const articleTab = await tabIdOf(browser, pageUrl);
    await popup.getByRole('article', { name: 'Draft' }).getByRole('button', { name: 'Open editor' }).click();
    await expect
      .poll(() => browser.worker.evaluate((tabId) => chrome.sidePanel.getOptions({ tabId }).then((options) => options.path ?? ''), articleTab))
      .toBe(`sidepanel/index.html?draft=${draftId}`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await popup.screenshot({ path: path.join(ARTIFACTS, `popup-draft-${colorScheme}.png`), fullPage: true });
    }
    await Promise.all([popup.close(), article.close()]);
  });

  it('exports everything and imports it into a new profile as an identical store; a corrupted file changes nothing', async () => {
    const workspace = await openEditorPage(browser);
    const downloading = workspace.waitForEvent('download');
    await workspace.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const file = path.join(os.tmpdir(), `clipper-backup-${Date.now()}.json`);
    await (await downloading).saveAs(file);
    const original = await dumpStores(browser, ['drafts', 'revisions']);
    await workspace.close();

    const other = await launchWithExtension(newProfileDir());
    try {
      const page = await openEditorPage(other);
      await page.getByLabel('Import a backup').setInputFiles(file);
      const quotes = (original.drafts as Draft[])[0]!.clips.length;
      await page.getByTestId('import-outcome').filter({ hasText: `Imported 1 draft and ${quotes} ${quotes === 1 ? 'quote' : 'quotes'}.` }).waitFor();
      // Written in the import's worker: the page's list hears of it and shows the draft without a reload.
      await page.getByRole('list', { name: 'Recent drafts' }).getByText((original.drafts as Draft[])[0]!.title).waitFor();
      const copy = await dumpStores(other, ['drafts', 'revisions']);
      expect(copy.drafts).toEqual(original.drafts);
      expect(copy.drafts![0]).toMatchObject({ deployers: ['Example Airlines'], harmedParties: ['Airline passengers'] });
      expect((copy.drafts as Draft[])[0]!.clips.length).toBeGreaterThan(0);
      const strip = (rows: unknown[]) => rows.map((row) => ({ ...(row as Record<string, unknown>), id: undefined }));
      expect(strip(copy.revisions!)).toEqual(strip(original.revisions!));

      // Importing the same file again changes nothing.
      await page.getByLabel('Import a backup').setInputFiles(file);
      await page.getByTestId('import-outcome').waitFor();
      expect(await dumpStores(other, ['drafts', 'revisions'])).toEqual(copy);

      // A file with one bad row (and one good change) is refused whole, saying where and why.
      const corrupted = JSON.parse(readFileSync(file, 'utf8')) as { drafts: Draft[] };
      corrupted.drafts[0]!.title = 'This change must not land';
      (corrupted.drafts[0]!.sources[1] as { url: string }).url = 'not a url';
      const corruptedFile = file.replace('.json', '-corrupted.json');
      writeFileSync(corruptedFile, JSON.stringify(corrupted));
      await page.getByLabel('Import a backup').setInputFiles(corruptedFile);
      const refusal = page.getByRole('alert');
      await refusal.getByText('Nothing was imported: 1 problem in the file.').waitFor();
      expect(await refusal.textContent()).toContain('drafts[0].sources[1].url');
      expect(await dumpStores(other, ['drafts', 'revisions'])).toEqual(copy);
      await page.close();
    } finally {
      await other.close();
    }
  });
});
