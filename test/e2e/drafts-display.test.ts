/**
 * How drafts read in the popup and the editor: each draft's state in the lists, a queued draft with no
 * button that does nothing, a 19,000-character quote that wraps, a right-to-left override in a title that
 * cannot disguise it, and a refusal from the real archive that the editor fixes at the field and sends again.
 * Screenshots (light and dark) go to artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clickClipMenu, launchWithExtension, openPopup, readStoredDrafts, selectText, tabIdOf, type ExtensionBrowser } from './support/browser.ts';
import { fillRequiredFields, openEditorPage, typeInto, waitSaved } from './support/editor.ts';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { startTestArchive } from './support/archive.ts';
import { configureArchive } from './support/pages.ts';
import { downArchive, waitFor } from './support/waits.ts';
import { ARTIFACTS } from './support/paths.ts';
import type { Draft } from '../../src/core/draft.ts';
import type { OutboxRow } from '../../src/store/db.ts';

let fixtures: FixtureServer;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fixtures = await startFixtureServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

afterAll(async () => {
  await fixtures?.close();
});

async function freshBrowser(): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  cleanups.push(() => browser.close());
  return browser;
}

let pages = 0;
/** Serves a one-paragraph article, clips its paragraph with the context menu and returns the stored draft. */
async function clipArticle(browser: ExtensionBrowser, title: string): Promise<{ draft: Draft; pageUrl: string }> {
  pages += 1;
  const name = `display-${pages}.html`;
  fixtures.override(
    name,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>
<p id="p0">A support chatbot told a customer that a refund policy existed when it did not, and the airline had to honour it.</p></article></body></html>`,
  );
  const pageUrl = fixtures.url(name);
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  await selectText(page, '#p0');
  await clickClipMenu(browser, pageUrl);
  const [draft] = await waitFor(
    async () => (await readStoredDrafts(browser)).filter((stored) => stored.sources.some((source) => source.url === pageUrl)),
    (drafts) => drafts.length === 1,
    { what: `a draft quoting ${pageUrl}` },
  );
  return { draft: draft!, pageUrl };
}

/** Puts rows into the extension's database as stored by another version or another profile would be. */
async function putRows(browser: ExtensionBrowser, rows: { drafts?: Draft[]; outbox?: OutboxRow[] }): Promise<void> {
  await browser.worker.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('incident-clipper');
        open.onsuccess = () => {
          const tx = open.result.transaction(['drafts', 'outbox'], 'readwrite');
          for (const draft of rows.drafts ?? []) tx.objectStore('drafts').put(draft);
          for (const row of rows.outbox ?? []) tx.objectStore('outbox').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** Whether the page can be scrolled sideways (content wider than the view). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The left edge of the characters at `first` and `second` of an element's text as drawn. */
async function charLefts(target: Locator, first: number, second: number): Promise<[number, number]> {
  return target.evaluate(
    (element, [a, b]) => {
      const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const leftOf = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
      };
      return [leftOf(a), leftOf(b)] as [number, number];
    },
    [first, second] as [number, number],
  );
}

/** Screenshots in the light and the dark theme: of the whole page, or (for the long editor) of the part in view. */
async function shots(page: Page, name: string, { fullPage = true, before = async () => {} } = {}): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await before();
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${scheme}.png`), fullPage });
  }
}

describe('drafts lists and the queued state', () => {
  it('show each draft as draft, waiting to be sent, refused or submitted, and a queued draft offers no Submit', async () => {
    const browser = await freshBrowser();
    const down = await downArchive();
    await (await configureArchive(browser, down.url, down.token)).close();

    const plain = await clipArticle(browser, 'Chatbot invents a refund policy');
    const queued = await clipArticle(browser, 'Delivery bot swears at a customer');
    const refused = await clipArticle(browser, 'Translation tool mislabels a photo');
    const sent = await clipArticle(browser, 'Hiring model screens out older applicants');
    const at = new Date().toISOString();
    await putRows(browser, {
      drafts: [
        { ...refused.draft, submission: { state: 'failed', idempotencyKey: crypto.randomUUID(), queuedAt: at, errorMessage: { key: 'outbox_error_refused', params: ['title: Too long.'] } } },
        { ...sent.draft, reviewState: 'submitted', submission: { state: 'accepted', idempotencyKey: crypto.randomUUID(), queuedAt: at, submissionId: 'INC-000123', archiveStatus: 'received' } },
      ],
    });

    // Submit while the archive is down: the draft is queued, and nothing on the view pretends to do more.
    const popup = await openPopup(browser, await tabIdOf(browser, queued.pageUrl));
    await popup.getByRole('list', { name: 'Drafts on this page' }).getByRole('button').first().click();
    const draftView = popup.getByRole('article', { name: 'Draft' });
    await draftView.getByRole('button', { name: 'Submit to the archive' }).click();
    await draftView.getByText('Waiting to be sent.').waitFor();
    await draftView.getByRole('button', { name: /Submitting/ }).waitFor({ state: 'detached' });
    expect(await draftView.getByRole('button', { name: /Submit/ }).count()).toBe(0);
    await shots(popup, 'popup-queued-draft');

    const expected = new Map([
      [plain.draft.id, ['draft', 'draft']],
      [queued.draft.id, ['waiting', 'waiting to be sent']],
      [refused.draft.id, ['refused', 'refused by the archive: needs changes']],
      [sent.draft.id, ['submitted', 'submitted as INC-000123']],
    ]);
    const titles = new Map([plain, queued, refused, sent].map(({ draft }) => [draft.title, draft.id]));
    const statesIn = async (list: Locator) => {
      const seen = new Map<string, [string, string]>();
      for (const item of await list.getByRole('button').all()) {
        const title = (await item.locator('.draft-title').innerText()).trim();
        const state = item.locator('[data-state]');
        if (titles.has(title)) seen.set(titles.get(title)!, [(await state.getAttribute('data-state'))!, (await state.innerText()).trim()]);
      }
      return seen;
    };

    await popup.getByRole('button', { name: '← All drafts' }).click();
    const recent = popup.getByRole('list', { name: 'Recent drafts' });
    await recent.getByText('submitted as INC-000123').waitFor();
    expect(await statesIn(recent)).toEqual(expected);
    await shots(popup, 'popup-recent-states');
    await popup.getByPlaceholder('Search drafts').fill('hiring');
    await popup.getByRole('list', { name: 'Search results' }).getByText('submitted as INC-000123').waitFor();

    const picker = await openEditorPage(browser);
    const pickerList = picker.getByRole('list', { name: 'Recent drafts' });
    await pickerList.getByText('submitted as INC-000123').waitFor();
    expect(await statesIn(pickerList)).toEqual(expected);
    await shots(picker, 'editor-picker-states');
  }, 180_000);
});

describe('page text that fights the layout', () => {
  it('wraps a 19,000-character unbroken quote, and shows a title stored as RLO + "gpj.exe" in its stored order, isolated', async () => {
    const browser = await freshBrowser();
    const { draft, pageUrl } = await clipArticle(browser, 'Long quote page');
    const disguised = '\u202Egpj.exe';
    const long = 'W'.repeat(19_000);
    await putRows(browser, {
      drafts: [{ ...draft, title: disguised, sources: draft.sources.map((source) => ({ ...source, title: disguised })), clips: draft.clips.map((clip) => ({ ...clip, quote: long })) }],
    });

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl));
    const listed = popup.getByRole('list', { name: 'Recent drafts' }).locator('.draft-title').filter({ hasText: 'gpj.exe' });
    await listed.waitFor();
    expect(await listed.textContent()).toBe('gpj.exe');
    expect(await listed.locator('bdi').evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');
    const [g, x] = await charLefts(listed, 0, 5);
    expect(g).toBeLessThan(x); // drawn left to right as stored: "gpj.exe", not "exe.jpg"
    await shots(popup, 'popup-bidi-title');

    await popup.getByRole('list', { name: 'Recent drafts' }).getByRole('button').first().click();
    const quote = popup.getByRole('article', { name: 'Draft' }).locator('blockquote');
    await quote.waitFor();
    expect(await overflowX(popup)).toBeLessThanOrEqual(0);
    // The whole text on demand, still within the popup's width.
    await popup.getByRole('button', { name: 'Show the whole quote (19,000 characters)' }).click();
    await waitFor(() => quote.innerText(), (text) => text.length === 19_000, { what: 'the whole quote' });
    expect(await overflowX(popup)).toBeLessThanOrEqual(0);
    const box = (await quote.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(380);
    await popup.getByRole('button', { name: 'Show less of the quote' }).click();
    const sourceTitle = popup.getByRole('article', { name: 'Draft' }).locator('section .draft-title');
    // The title field cannot isolate its value: it says what it holds, as stored.
    const warning = popup.getByRole('article', { name: 'Draft' }).getByTestId('bidi-warning');
    expect(await warning.locator('bdi').textContent()).toBe('gpj.exe');
    expect(await sourceTitle.textContent()).toBe('gpj.exe');
    await shots(popup, 'popup-long-quote');

    const editor = await openEditorPage(browser, draft.id);
    await editor.locator('.source blockquote').waitFor();
    expect(await editor.getByTestId('bidi-warning').first().locator('bdi').textContent()).toBe('gpj.exe');
    expect(await overflowX(editor)).toBeLessThanOrEqual(0);
    await shots(editor, 'editor-long-quote', { fullPage: false, before: () => editor.locator('.source blockquote').scrollIntoViewIfNeeded() });
    const picker = await openEditorPage(browser);
    const pickerTitle = picker.getByRole('list', { name: 'Recent drafts' }).locator('.draft-title').filter({ hasText: 'gpj.exe' });
    await pickerTitle.waitFor();
    expect(await pickerTitle.textContent()).toBe('gpj.exe');
    const [pg, px] = await charLefts(pickerTitle, 0, 5);
    expect(pg).toBeLessThan(px);
    await shots(picker, 'editor-picker-bidi-title');
  }, 180_000);
});

describe('a refusal the editor can fix', () => {
  it('shows the real archive’s reason at the field, and sends the edited draft again once, under a new key', async () => {
    const browser = await freshBrowser();
    const archive = await startTestArchive();
    cleanups.push(() => archive.server.close());
    await (await configureArchive(browser, archive.server.url, archive.editorToken)).close();
    const { draft, pageUrl } = await clipArticle(browser, 'Chatbot refund policy, refused once');

    // A body frozen in the outbox that the archive will refuse (a 600-character title), as an older
    // version of the extension might have queued it.
    const source = draft.sources[0]!;
    const refusedKey = crypto.randomUUID();
    const body = { draftId: draft.id, title: 'T'.repeat(600), sources: [{ url: source.url, accessedAt: source.accessedAt, quotes: draft.clips.map((clip) => clip.quote) }] };
    await putRows(browser, {
      drafts: [{ ...draft, submission: { state: 'queued', idempotencyKey: refusedKey, queuedAt: new Date().toISOString() } }],
      outbox: [{ kind: 'submit', draftId: draft.id, idempotencyKey: refusedKey, body, attempts: 0, nextAttemptAt: 0 } as OutboxRow],
    });

    const popup = await openPopup(browser, await tabIdOf(browser, pageUrl)); // opening the popup drains the outbox
    await waitFor(() => readStoredDrafts(browser), (drafts) => drafts.find((stored) => stored.id === draft.id)?.submission?.state === 'failed', { what: 'the refusal' });
    await popup.getByRole('list', { name: 'Drafts on this page' }).getByRole('button').first().click();
    const refusals = popup.getByRole('list', { name: 'What the archive refused' });
    await refusals.waitFor();
    expect(await refusals.innerText()).toMatch(/^Title: .+/);
    expect(await popup.getByRole('button', { name: 'Submit again' }).count()).toBe(1);
    await shots(popup, 'popup-refused-draft');

    const editor = await openEditorPage(browser, draft.id);
    const atTitle = editor.getByTestId('field-refused');
    await atTitle.waitFor();
    expect(await editor.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await atTitle.innerText()).toMatch(/^Refused by the archive: /);
    await editor.getByRole('region', { name: 'Readiness' }).waitFor();
    await shots(editor, 'editor-refused-field', { fullPage: false });

    await typeInto(editor, 'Title', 'Airline chatbot invented a refund policy');
    await waitSaved(editor);
    // The archive also requires what the old body never had: the worker refuses to send the draft without it.
    await editor.getByRole('button', { name: 'Submit again' }).click();
    await editor.getByRole('alert').filter({ hasText: /Not ready to submit: A severity; .*The but-for test/ }).waitFor();
    await fillRequiredFields(browser, draft.id, editor);
    await editor.getByRole('button', { name: 'Submit again' }).click();
    const [accepted] = await waitFor(
      async () => (await readStoredDrafts(browser)).filter((stored) => stored.id === draft.id),
      ([stored]) => stored?.submission?.state === 'accepted',
      { what: 'the accepted submission', timeoutMs: 30_000 },
    );
    expect(accepted!.submission!.idempotencyKey).not.toBe(refusedKey);
    expect(accepted!.submission!.submissionId).toMatch(/^INC-/);
    const stored = await archive.get(`/v1/submissions/${accepted!.submission!.submissionId}`);
    expect(stored).toMatchObject({ status: 200, body: { draftId: draft.id, title: 'Airline chatbot invented a refund policy' } });
    await atTitle.waitFor({ state: 'detached' });
  }, 180_000);
});
