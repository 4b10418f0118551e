/**
 * What an editor notices when things go wrong, in a real Chromium with the built extension and the real archive:
 * pages the extension cannot read, empty and oversized selections, an archive that is down, a service worker
 * killed mid-way, a browser restart, a rejected token, and a page that fights the capture script.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickClipMenu,
  launchWithExtension,
  openPopup,
  readStoredDrafts,
  selectText,
  tabIdOf,
  type ExtensionBrowser,
} from './support/browser.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestArchive, type TestArchive } from './support/archive.ts';
import { configureArchive, testConnectionMessage } from './support/pages.ts';
import { fillRequiredFields } from './support/editor.ts';
import {
  actionTitle,
  clickClipMenuInTab,
  downArchive,
  openTabFromWorker,
  readOutbox,
  slowLink,
  waitFor,
  wakeWorker,
  killWorker,
} from './support/waits.ts';
import type { Draft } from '../../src/core/draft.ts';

let fixtures: FixtureServer;
/** Cleanups of the current test, run even when it fails. */
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  fixtures = await startFixtureServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

afterAll(async () => {
  await fixtures?.close();
});

async function freshBrowser(profileDir?: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(profileDir);
  cleanups.push(() => browser.close());
  return browser;
}

async function upArchive(dataDir?: string, port?: number): Promise<TestArchive> {
  const archive = await startTestArchive(dataDir, port);
  cleanups.push(() => archive.server.close());
  return archive;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small article page served at `/name` with its own URL, so each test's submission is its own source. */
function servePage(name: string, title: string, paragraphs: string[], head = ''): string {
  fixtures.override(
    name,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(title)}</title>${head}</head>
<body><article><h1>${escapeText(title)}</h1>
${paragraphs.map((text, index) => `<p id="p${index}">${escapeText(text)}</p>`).join('\n')}
</article></body></html>`,
  );
  return fixtures.url(name);
}

const PASSAGES = [
  'A delivery company disabled the chat feature of its support bot after it swore at a customer and wrote a poem about how useless it was.',
  'The company said an update to the system had caused the error and that the assistant was being retrained before it returns.',
];

async function draftsQuoting(browser: ExtensionBrowser, pageUrl: string): Promise<Draft[]> {
  return (await readStoredDrafts(browser)).filter((draft) => draft.sources.some((source) => source.url === pageUrl));
}

/** Selects the first passage on a fresh page, clips it with the context menu and waits for the stored draft. */
async function clipPassage(browser: ExtensionBrowser, pageUrl: string): Promise<{ page: Page; draft: Draft; quote: string }> {
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  const quote = (await selectText(page, '#p0')).trim();
  await clickClipMenu(browser, pageUrl);
  const [draft] = await waitFor(() => draftsQuoting(browser, pageUrl), (drafts) => drafts.length === 1, { what: `a draft quoting ${pageUrl}` });
  return { page, draft: draft!, quote };
}

/** Fills in the editor what the archive requires of the draft with this title. */
async function readyToSubmit(browser: ExtensionBrowser, title: string): Promise<void> {
  const draft = (await readStoredDrafts(browser)).find((candidate) => candidate.title === title);
  if (!draft) throw new Error(`no draft titled ${title}`);
  await (await fillRequiredFields(browser, draft.id)).close();
}

/** Opens the draft in the popup and presses Submit; returns the popup once the worker answered. */
async function submitFromPopup(browser: ExtensionBrowser, pageUrl: string, title: string): Promise<Page> {
  await readyToSubmit(browser, title);
  const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
  await popup.getByRole('list', { name: 'Drafts on this page' }).getByText(title).click();
  const draftView = popup.getByRole('article', { name: 'Draft' });
  await draftView.getByRole('button', { name: 'Submit to the archive' }).click();
  // The worker answers once its drain is over, whether the submission left or waits.
  await draftView.getByRole('button', { name: 'Submitting…' }).waitFor({ state: 'detached' });
  return popup;
}

/** What the archive lists for a page, asked as the editor who submitted (another editor sees no id or title). */
async function archiveMatches(archive: TestArchive, pageUrl: string, submitterToken = archive.editorToken): Promise<{ id: string; title: string }[]> {
  const lookup = await archive.get(`/v1/sources?url=${encodeURIComponent(pageUrl)}`, submitterToken);
  expect(lookup.status).toBe(200);
  return (lookup.body as { matches: { id: string; title: string }[] }).matches;
}

async function storedDraft(browser: ExtensionBrowser, draftId: string): Promise<Draft | undefined> {
  return (await readStoredDrafts(browser)).find((draft) => draft.id === draftId);
}

describe('pages and selections that cannot become a clip', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['a browser page', 'chrome://version'],
    ['a blank page', 'about:blank'],
    ['a data: page', 'data:text/html,<p id="x">Typed straight into the address bar, this page has no origin.</p>'],
  ])('says that %s cannot be read, in the popup and after the context menu, and creates no draft', async (_kind, url) => {
    const { tabId, page } = await openTabFromWorker(browser, url);
    const popup = await openPopup(browser, tabId);
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Incident Clipper cannot read this page');
    // Nothing to clip from here: the popup offers no Clip button.
    expect(await popup.getByRole('button', { name: 'Clip selection' }).count()).toBe(0);
    await popup.close();

    if (url.startsWith('data:')) await selectText(page, '#x');
    // The tooltip may still show the previous test's failure; start from the steady one.
    await browser.worker.evaluate(() => chrome.action.setTitle({ title: 'Incident Clipper' }));
    await clickClipMenuInTab(browser, tabId);
    // The toolbar button's tooltip tells why nothing happened.
    const title = await waitFor(() => actionTitle(browser), (text) => text !== 'Incident Clipper', { what: 'the toolbar tooltip to explain' });
    expect(title).toContain('cannot read this page');
    expect(await readStoredDrafts(browser)).toEqual([]);
    await page.close();
  });

  it('says "Nothing is selected" when Clip selection is pressed without a selection, and creates no draft', async () => {
    const pageUrl = servePage('nothing-selected.html', 'Support bot swore at a customer', PASSAGES);
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await popup.getByText('Select a passage on the page to quote it.').waitFor();
    await popup.getByRole('button', { name: 'Clip selection' }).click();
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Nothing is selected. Select the passage to quote, then clip again.');
    expect(await draftsQuoting(browser, pageUrl)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('refuses a selection over 20,000 characters with its length, and creates no draft', async () => {
    const sentence = 'The model repeated the same invented policy to every customer who asked about refunds. ';
    const huge = sentence.repeat(Math.ceil(25_000 / sentence.length)).trim();
    const pageUrl = servePage('huge-selection.html', 'A very long transcript', [huge]);
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const selected = (await selectText(page, '#p0')).trim();
    expect(selected.length).toBeGreaterThan(20_000);

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await popup.getByRole('button', { name: 'Clip selection' }).click();
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `The selection is ${selected.length.toLocaleString('en')} characters; a quote holds at most 20,000. Select a shorter passage.`,
    );
    expect(await draftsQuoting(browser, pageUrl)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('clips from a hostile page exactly the selected text, and the popup shows markup in it as text', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const passage = `The attacker posted ${markup} into the support chat, and the bot echoed it back to every visitor.`;
    const hostileHead = `
<style>
  /* Aimed at anything an extension might add to the page. */
  div, span, dialog, section, aside, [popover], :host, *::before, *::after { all: unset !important; display: none !important; }
  body > :not(article) { display: none !important; visibility: hidden !important; }
  * { user-select: none !important; }
  ::highlight(incident-clipper) { background: transparent !important; color: inherit !important; }
  ::selection { background: transparent !important; }
  html::after { content: ''; position: fixed; inset: 0; z-index: 2147483647; }
</style>
<script>
  window.fetch = () => Promise.reject(new Error('fetch is mine'));
  window.__incidentClipper = { capture() { return { evil: 1 }; }, inspect() { return { evil: 1 }; }, toast() {}, paint() { return [{ evil: 1 }]; } };
  Object.defineProperty(Object.prototype, 'quote', { get() { return 'owned by the page'; }, set() {}, configurable: true });
  Object.defineProperty(Object.prototype, 'failure', { get() { return 'empty-selection'; }, set() {}, configurable: true });
  Selection.prototype.toString = () => 'page-chosen text';
  document.getSelection = () => null;
  window.getSelection = () => null;
</script>`;
    const pageUrl = servePage('hostile.html', 'Bot echoed an attack into the chat', [passage, PASSAGES[1]!], hostileHead);
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pageUrl);
    // The page's own world is hostile; the selection is made by the browser, as a mouse would.
    const selected = await page.evaluate(() => {
      const paragraph = document.querySelector('#p0')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = Document.prototype.getSelection.call(document)!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    });
    expect(selected).toBe(passage);

    await clickClipMenu(browser, pageUrl);
    const [draft] = await waitFor(() => draftsQuoting(browser, pageUrl), (drafts) => drafts.length === 1, { what: 'a draft from the hostile page' });
    const clips = draft!.clips;
    expect(clips.map((clip) => clip.quote)).toEqual([passage]);
    expect(draft!.title).toBe('Bot echoed an attack into the chat');

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await popup.getByRole('list', { name: 'Drafts on this page' }).getByText('Bot echoed an attack into the chat').click();
    const quote = popup.getByRole('article', { name: 'Draft' }).locator('blockquote');
    await quote.waitFor();
    expect(await quote.textContent()).toBe(passage);
    expect(await quote.locator('img').count()).toBe(0);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('submissions that cannot leave yet', () => {
  it('keeps the draft while the archive is down, says why, and sends it exactly once when the archive is back', async () => {
    const down = await downArchive();
    const browser = await freshBrowser();
    const options = await configureArchive(browser, down.url, down.token);
    expect(await testConnectionMessage(options)).toContain(`Cannot reach the archive at ${down.url}`);
    await options.close();

    const title = 'Support bot swore at a customer';
    const pageUrl = servePage('archive-down.html', title, PASSAGES);
    const { draft } = await clipPassage(browser, pageUrl);
    const popup = await submitFromPopup(browser, pageUrl, title);
    const draftView = popup.getByRole('article', { name: 'Draft' });
    const why = draftView.getByRole('alert');
    await why.waitFor();
    expect(await why.textContent()).toBe(`Waiting to be sent. Cannot reach the archive at ${down.url} (connection failed). It will be retried automatically.`);
    expect(await popup.getByRole('status').filter({ hasText: 'waiting to be sent' }).textContent()).toBe('1 submission waiting to be sent.');
    expect((await storedDraft(browser, draft.id))?.submission?.state).toBe('queued');
    expect(await readOutbox(browser)).toHaveLength(1);
    await popup.close();

    const archive = await upArchive(down.dataDir, down.port);
    expect(archive.server.url).toBe(down.url);
    const again = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await again.getByRole('list', { name: 'Recent drafts' }).getByText(/submitted as INC-\d+/).waitFor();

    const stored = await storedDraft(browser, draft.id);
    expect(stored?.submission).toMatchObject({ state: 'accepted', submissionId: expect.stringMatching(/^INC-\d+$/) });
    expect(await readOutbox(browser)).toEqual([]);
    const matches = await archiveMatches(archive, pageUrl, down.token);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: stored!.submission!.submissionId, title });
    await again.close();
  });

  it('sends a submission queued before the service worker was killed exactly once when the worker wakes', async () => {
    const down = await downArchive();
    const browser = await freshBrowser();
    await (await configureArchive(browser, down.url, down.token)).close();

    const title = 'Bot retrained after swearing';
    const pageUrl = servePage('worker-killed.html', title, PASSAGES);
    const { page, draft } = await clipPassage(browser, pageUrl);
    const tabId = await tabIdOf(browser, pageUrl);
    const popup = await submitFromPopup(browser, pageUrl, title);
    await popup.getByRole('article', { name: 'Draft' }).getByText('Waiting to be sent.').waitFor();
    await popup.close();
    expect(await readOutbox(browser)).toHaveLength(1);
    const dueAt = Math.max(...(await readOutbox(browser)).map((row) => row.nextAttemptAt));

    const killed = await killWorker(browser, page);
    const archive = await upArchive(down.dataDir, down.port);
    await waitFor(async () => Date.now(), (now) => now > dueAt + 50, { timeoutMs: 60_000, what: 'the backoff to run out' });

    // Opening the popup wakes a new worker, which drains the outbox.
    const again = await wakeWorker(browser, killed, () => openPopup(browser, tabId));
    await again.getByRole('list', { name: 'Recent drafts' }).getByText(/submitted as INC-\d+/).waitFor();
    const stored = await storedDraft(browser, draft.id);
    expect(stored?.submission?.state).toBe('accepted');
    expect(stored?.reviewState).toBe('submitted');
    expect(await readOutbox(browser)).toEqual([]);
    const matches = await archiveMatches(archive, pageUrl, down.token);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.id).toBe(stored?.submission?.submissionId);
  });

  it('keeps drafts and pending submissions across a browser restart, then sends them exactly once', async () => {
    const down = await downArchive();
    const first = await launchWithExtension();
    const profileDir = first.profileDir;
    let draftId: string;
    let idempotencyKey: string;
    const title = 'Bot outage survived a restart';
    const pageUrl = servePage('restart.html', title, PASSAGES);
    try {
      await (await configureArchive(first, down.url, down.token)).close();
      ({
        draft: { id: draftId },
      } = await clipPassage(first, pageUrl));
      const popup = await submitFromPopup(first, pageUrl, title);
      await popup.getByRole('article', { name: 'Draft' }).getByText('Waiting to be sent.').waitFor();
      const [row] = await readOutbox(first);
      idempotencyKey = row!.idempotencyKey;
    } finally {
      await first.close();
    }

    // The browser comes back while the archive is still down: everything is still there.
    const browser = await freshBrowser(profileDir);
    const [kept] = await readStoredDrafts(browser);
    expect(kept).toMatchObject({ id: draftId, title, submission: { state: 'queued', idempotencyKey } });
    expect((await readOutbox(browser)).map((row) => row.idempotencyKey)).toEqual([idempotencyKey]);

    const archive = await upArchive(down.dataDir, down.port);
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    await popup.getByRole('list', { name: 'Recent drafts' }).getByText(/submitted as INC-\d+/).waitFor();
    expect(await readOutbox(browser)).toEqual([]);
    const stored = await storedDraft(browser, draftId);
    expect(stored?.submission?.state).toBe('accepted');
    const matches = await archiveMatches(archive, pageUrl, down.token);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.id).toBe(stored?.submission?.submissionId);
  });

  it('sends a draft submitted while another submission is on its way without waiting for the next alarm', async () => {
    const archive = await upArchive();
    // A slow link keeps the first submission in flight for a while; the archive behind it is the real one.
    const link = await slowLink(archive.server.port, 1_500);
    cleanups.push(() => link.close());
    const browser = await freshBrowser();
    await (await configureArchive(browser, link.url, archive.editorToken)).close();

    const first = { title: 'First bot incident on a slow link', url: servePage('slow-first.html', 'First bot incident on a slow link', PASSAGES) };
    const second = { title: 'Second bot incident on a slow link', url: servePage('slow-second.html', 'Second bot incident on a slow link', PASSAGES) };
    const { draft: firstDraft } = await clipPassage(browser, first.url);
    const { draft: secondDraft } = await clipPassage(browser, second.url);

    await readyToSubmit(browser, first.title);
    await readyToSubmit(browser, second.title);
    const firstPopup = await openPopup(browser, await tabIdOf(browser, first.url));
    await firstPopup.getByRole('list', { name: 'Drafts on this page' }).getByText(first.title).click();
    await firstPopup.getByRole('article', { name: 'Draft' }).getByRole('button', { name: 'Submit to the archive' }).click();
    await waitFor(() => storedDraft(browser, firstDraft.id), (draft) => draft?.submission?.state === 'sending', { what: 'the first submission to be on its way' });

    const secondPopup = await submitFromPopup(browser, second.url, second.title);
    // Both leave now, well before the one-minute alarm would retry.
    await firstPopup.getByTestId('archive-id').waitFor({ timeout: 15_000 });
    await secondPopup.getByTestId('archive-id').waitFor({ timeout: 15_000 });
    expect(await archiveMatches(archive, first.url)).toHaveLength(1);
    expect(await archiveMatches(archive, second.url)).toHaveLength(1);
    expect((await storedDraft(browser, secondDraft.id))?.submission?.state).toBe('accepted');
  });

  it('says a wrong token was rejected, pauses the queue on it, and sends once after a good token is saved', async () => {
    const archive = await upArchive();
    const browser = await freshBrowser();
    const options = await configureArchive(browser, archive.server.url, 'not-a-real-token');
    expect(await testConnectionMessage(options)).toBe('The archive rejected this token. Check it, or create a new one.');

    const title = 'Chat assistant invented a refund rule';
    const pageUrl = servePage('wrong-token.html', title, PASSAGES);
    const { draft } = await clipPassage(browser, pageUrl);
    const popup = await submitFromPopup(browser, pageUrl, title);
    const paused = popup.getByRole('alert').filter({ hasText: 'The archive rejected the API token, so 1 submission waits.' });
    await paused.waitFor();
    expect(await paused.getByRole('link', { name: 'Enter a new token' }).count()).toBe(1);
    expect(await popup.getByRole('article', { name: 'Draft' }).getByRole('alert').textContent()).toContain(
      'The archive rejected the API token. Enter a new token in Options',
    );
    expect((await storedDraft(browser, draft.id))?.submission?.state).toBe('queued');
    expect(await readOutbox(browser)).toHaveLength(1);
    expect(await archiveMatches(archive, pageUrl)).toEqual([]);

    await options.getByLabel('API token').fill(archive.editorToken);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    // The popup that is still open follows: the draft is submitted and the warning is gone.
    const archiveId = await popup.getByTestId('archive-id').textContent();
    expect(archiveId).toMatch(/^INC-\d+$/);
    expect(await paused.count()).toBe(0);
    expect(await readOutbox(browser)).toEqual([]);
    const matches = await archiveMatches(archive, pageUrl);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.id).toBe(archiveId);
  });
});
