/**
 * The editor's side of review, in a real Chromium with the built extension and the real archive: readiness
 * blocks Submit until the archive's required fields are there; after submitting, the popup shows the draft
 * under review; a reviewer (through the archive's API) claims it, comments on the rationale and requests
 * changes, and the editor sees the state and the comment, fixes the rationale and resubmits. A second clip
 * of the same page says the archive already has it and names the entry.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clickClipMenu, launchWithExtension, openPopup, readStoredDrafts, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { configureArchive } from './support/pages.ts';
import { dumpStores, fillRequiredFields, openEditorPage, typeInto, waitSaved } from './support/editor.ts';
import { accessibleTexts } from './support/in-page.ts';
import { ARTIFACTS } from './support/paths.ts';

let archive: TestArchive;
let fixtures: FixtureServer;
let browser: ExtensionBrowser;
let reviewerToken = '';
let draftId = '';
let archiveId = '';
const TITLE = 'Chatbot gave customers invented refund policy, airline admits';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [archive, fixtures] = await Promise.all([startTestArchive(), startFixtureServer()]);
  reviewerToken = (await archive.server.createUser({ name: 'Rita Reviewer', role: 'reviewer' })).token;
  browser = await launchWithExtension();
  await (await configureArchive(browser, archive.server.url, archive.editorToken)).close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([archive?.server.close(), fixtures?.close()]);
});

/** A reviewer's request to the archive. */
async function asReviewer(method: 'GET' | 'POST', pathName: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${archive.server.url}${pathName}`, {
    method,
    headers: { authorization: `Bearer ${reviewerToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const revisionOf = async (id: string) => ((await asReviewer('GET', `/v1/drafts/${id}`)).json.status as { revision: number }).revision;

/** Screenshots of `part` of the page in the light and the dark theme, into artifacts/ to be looked at. */
async function inBothThemes(page: Page, part: Locator, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 25, 30)' : 'rgb(255, 255, 255)');
    await part.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function draftInPopup(pageUrl: string): Promise<{ popup: Page; view: ReturnType<Page['getByRole']> }> {
  const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
  await popup.getByRole('list', { name: 'Drafts on this page' }).getByText(TITLE).first().click();
  return { popup, view: popup.getByRole('article', { name: 'Draft' }) };
}

describe('the editor\'s side of review', () => {
  it('blocks Submit until the required fields are there, then shows the submitted draft under review', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await page.goto(pageUrl);
    await selectText(page, '#ruling');
    await clickClipMenu(browser, pageUrl);
    await expect.poll(async () => (await readStoredDrafts(browser)).length).toBe(1);
    draftId = (await readStoredDrafts(browser))[0]!.id;

    const { popup, view } = await draftInPopup(pageUrl);
    await view.getByText('5 items block submission').waitFor();
    const submit = view.getByRole('button', { name: 'Submit to the archive' });
    expect(await submit.isDisabled()).toBe(true);
    // The advice is marked as advice, apart from what blocks.
    expect(await view.locator('[data-level="advised"] [data-check="summary"]').count()).toBe(1);
    expect(await view.locator('[data-level="required"] [data-check="rationale"]').count()).toBe(1);

    await (await fillRequiredFields(browser, draftId)).close();
    await view.getByText('Ready to submit').waitFor();
    await submit.click();
    archiveId = (await view.getByTestId('archive-id').textContent()) ?? '';
    expect(archiveId).toMatch(/^INC-\d+$/);
    await view.getByTestId('review-state').filter({ hasText: 'Submitted: waiting for a reviewer.' }).waitFor();
    // Nothing more to submit: the only moves left are the review's.
    expect(await submit.count()).toBe(0);
    expect(await view.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('shows the reviewer\'s request for changes and comment, and resubmits the fixed draft', async () => {
    await expect.poll(async () => (await asReviewer('GET', `/v1/drafts/${draftId}`)).status).toBe(200);
    // The last fields typed reach the archive by sync after the submission; an edit arriving after the claim
    // would (rightly) reopen review, so the reviewer starts once the device has sent everything.
    await expect.poll(async () => (await dumpStores(browser, ['syncOps'])).syncOps!.length, { timeout: 30_000 }).toBe(0);
    expect((await asReviewer('POST', `/v1/drafts/${draftId}/claim`, { revision: await revisionOf(draftId) })).status).toBe(200);
    const comment = 'Say which refund policy the chatbot invented.';
    expect((await asReviewer('POST', `/v1/drafts/${draftId}/comments`, { body: comment, field: 'rationale' })).status).toBe(201);
    const moved = await asReviewer('POST', `/v1/drafts/${draftId}/transitions`, { to: 'changes_requested', revision: await revisionOf(draftId), reason: 'The rationale is too vague.' });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);

    const editor = await openEditorPage(browser, draftId);
    const panel = editor.getByTestId('review-panel');
    await panel.getByTestId('review-state').filter({ hasText: 'Changes requested' }).waitFor({ timeout: 30_000 });
    await panel.getByText('The reviewer said: The rationale is too vague.').waitFor();
    const shown = panel.locator('.review-comment[data-field="rationale"]');
    await shown.getByText(comment).waitFor();
    expect(await shown.textContent()).toContain('Why this is an AI incident');
    expect(await shown.textContent()).toContain('Rita Reviewer');
    await inBothThemes(editor, panel, 'editor-review-changes-requested');
    // And under the field it is about, where the editor makes the change.
    const atRationale = editor.locator('#field-rationale-comments');
    expect(await atRationale.textContent()).toBe(`Rita Reviewer: ${comment}`);
    expect(await editor.getByLabel('Why this is an AI incident').getAttribute('aria-describedby')).toContain('field-rationale-comments');
    await inBothThemes(editor, atRationale, 'editor-field-comment');

    // The toolbar badge counts the draft as waiting on this editor (asked of the archive after the page's sync).
    const badge = () => browser.worker.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(badge, { timeout: 30_000 }).toBe('1');
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toContain('your drafts with changes requested: 1');

    await typeInto(editor, 'Why this is an AI incident', 'The chatbot invented a bereavement refund policy that the airline never had.');
    await waitSaved(editor);
    await panel.getByRole('button', { name: 'Resubmit for review' }).click();
    await panel.getByTestId('review-state').filter({ hasText: 'Submitted: waiting for a reviewer.' }).waitFor({ timeout: 30_000 });
    const status = (await asReviewer('GET', `/v1/drafts/${draftId}`)).json;
    expect((status.status as { state: string }).state).toBe('submitted');
    await expect.poll(badge, { timeout: 30_000 }).toBe('');
    expect(JSON.stringify((status.draft as { texts: unknown }).texts)).toContain('bereavement refund policy');
    // The comment on the old rationale is now outdated, and the editor says so.
    await editor.reload();
    await editor.getByTestId('review-panel').locator('.review-comment[data-field="rationale"]').getByText(/outdated/).waitFor();
    expect(await editor.locator('#field-rationale-comments').count()).toBe(0);
    await editor.close();

    // The popup shows the same review.
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('announcement.html'));
    const { popup, view } = await draftInPopup(fixtures.url('announcement.html'));
    await view.getByTestId('review-panel').getByText(comment).waitFor();
    await inBothThemes(popup, view.getByTestId('review-panel'), 'popup-review-resubmitted');
    await Promise.all([popup.close(), page.close()]);
  });

  it('says at a second clip of the same page that the archive already has it, and names the entry', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await page.goto(pageUrl);
    await selectText(page, '#response');
    await clickClipMenu(browser, pageUrl);
    await expect.poll(() => accessibleTexts(page), { timeout: 15_000 }).toContain('The archive already has an entry for this page. Open the draft to see it.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'toast-archive-knows.png') });
    await expect.poll(async () => (await readStoredDrafts(browser)).length).toBe(2);
    const second = (await readStoredDrafts(browser)).find((draft) => draft.id !== draftId)!;

    const editor = await openEditorPage(browser, second.id);
    const known = editor.getByTestId('known-entries');
    await known.getByText('The archive already has an entry for this page:').waitFor();
    // The entry is this editor's own first draft: it links there.
    const link = known.locator(`[data-entry="${archiveId}"] a`);
    expect(await link.getAttribute('href')).toContain(`sidepanel/index.html?draft=${draftId}`);
    expect(await known.textContent()).toContain('waiting for review');
    await inBothThemes(editor, known, 'editor-known-entry');
    // The popup says it too.
    const { popup, view } = await (async () => {
      const opened = await openPopup(browser, await tabIdOf(browser, pageUrl));
      await opened.getByRole('list', { name: 'Drafts on this page' }).getByRole('button').filter({ hasNotText: 'submitted' }).first().click();
      return { popup: opened, view: opened.getByRole('article', { name: 'Draft' }) };
    })();
    await view.getByTestId('known-entries').locator(`[data-entry="${archiveId}"]`).waitFor();
    await inBothThemes(popup, view.getByTestId('known-entries'), 'popup-known-entry');
    await popup.close();
    await editor.close();
    await page.close();
  });
});
