/**
 * Foundation path, in a real Chromium with the built extension and the real archive:
 * select a passage, fire the real context-menu handler, find the draft in the popup,
 * submit it, and read it back from the archive's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickClipMenu, launchWithExtension, readStoredDrafts, openPopup, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { configureArchive, testConnectionMessage } from './support/pages.ts';
import { fillRequiredFields } from './support/editor.ts';

let archive: TestArchive;
let fixtures: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [archive, fixtures] = await Promise.all([startTestArchive(), startFixtureServer()]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([archive?.server.close(), fixtures?.close()]);
});

describe('clipping a passage and submitting it', () => {
  it('connects to the archive from the options page', async () => {
    const options = await configureArchive(browser, archive.server.url, archive.editorToken);
    expect(await testConnectionMessage(options)).toBe('Connected to the archive as Edith Editor (editor).');
    await options.close();
  });

  it('turns a context-menu clip into a draft that the popup lists, then submits it exactly once', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await page.goto(pageUrl);
    const selected = await selectText(page, '#ruling');
    await clickClipMenu(browser, pageUrl);

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    const onThisPage = popup.getByRole('list', { name: 'Drafts on this page' });
    const title = 'Chatbot gave customers invented refund policy, airline admits';
    await onThisPage.getByText(title).waitFor();

    // A second clip from the same page goes into the same draft when chosen in the popup.
    await selectText(page, '#response');
    await popup.getByLabel('Clip the selected text into').selectOption({ label: title });
    await popup.getByRole('button', { name: 'Clip selection' }).click();
    const draftView = popup.getByRole('article', { name: 'Draft' });
    await draftView.getByText('Quotes (2) from 1 source').waitFor();
    expect(await draftView.locator('blockquote').first().textContent()).toBe(selected.trim());

    // The archive requires more than a title and a quote: Submit waits until the editor has filled it in.
    const submit = draftView.getByRole('button', { name: 'Submit to the archive' });
    await draftView.getByText(/items block submission/).waitFor();
    expect(await submit.isDisabled()).toBe(true);
    const editor = await fillRequiredFields(browser, (await readStoredDrafts(browser))[0]!.id);
    await editor.close();
    await draftView.getByText('Ready to submit').waitFor();
    await submit.click();
    const archiveId = await draftView.getByTestId('archive-id').textContent();
    expect(archiveId).toMatch(/^INC-\d+$/);

    const [stored] = await readStoredDrafts(browser);
    expect(stored?.submission).toMatchObject({ state: 'accepted', submissionId: archiveId, archiveStatus: 'received' });
    const submission = await archive.get(`/v1/submissions/${archiveId}`);
    expect(submission.body).toMatchObject({ id: archiveId, status: 'received', title, draftId: stored!.id });

    const lookup = await archive.get(`/v1/sources?url=${encodeURIComponent(pageUrl)}`);
    expect(lookup.status).toBe(200);
    const matches = (lookup.body as { matches: { archiveId: string | null; title: string }[] }).matches;
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: archiveId, kind: 'submission', title });

    await popup.close();
    await page.close();
  });

  it('clips with the keyboard shortcut command too', async () => {
    const page = await browser.context.newPage();
    const pageUrl = fixtures.url('dark.html');
    await page.goto(pageUrl);
    const selected = await selectText(page, '#detail');
    await browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: unknown): void }).dispatch('clip-selection', tab);
    }, pageUrl);
    await expect
      .poll(async () => (await readStoredDrafts(browser)).find((draft) => draft.sources[0]?.url === pageUrl)?.title)
      .toBe('Model provider discloses data exposure in assistant memory feature');
    await page.locator('incident-clipper-toast').waitFor();
    expect(selected).toContain('fewer than one percent');
    await page.close();
  });
});
