/**
 * The core path in a real headless Firefox ESR with the built Firefox extension and the real archive: clip a
 * passage with the real context-menu item, find the draft in the popup, submit it, read it back from the
 * archive, open the editor sidebar, and a submission made while the archive is down that leaves exactly once
 * when it is back, after Firefox stopped the extension's background meanwhile.
 * Any uncaught error (or CSP report) from the extension in Firefox's output fails the test it happened in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../e2e/support/fixture-server.ts';
import { startTestArchive, type TestArchive } from '../e2e/support/archive.ts';
import { downArchive } from '../e2e/support/waits.ts';
import { extensionPage, launchFirefox, type Firefox } from './support/firefox.ts';
import { FIREFOX_DIST } from './support/paths.ts';
import {
  bodyText,
  click,
  clipWithContextMenu,
  closeTab,
  openTab,
  screenshot,
  selectText,
  setColorScheme,
  sidebarScreenshot,
  sidebarState,
  stopBackground,
  tabIdOf,
  typeInto,
  waitFor,
  waitForText,
} from './support/pages.ts';
import { readStore, readStoredDrafts } from './support/store.ts';

let ff: Firefox;
let fixtures: FixtureServer;
const stopAfterAll: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  fixtures = await startFixtureServer();
  ff = await launchFirefox();
});

/** Errors seen before the current test, so each test answers for its own. */
let earlierErrors: string[] = [];

beforeEach(async () => {
  earlierErrors = await ff.extensionErrors();
});

afterEach(async () => {
  const errors = (await ff.extensionErrors()).filter((error) => !earlierErrors.includes(error));
  expect(errors, 'errors from the extension in Firefox').toEqual([]);
});

afterAll(async () => {
  await ff?.close();
  await Promise.all([fixtures?.close(), ...stopAfterAll.map((stop) => stop())]);
});

async function connectArchive(url: string, token: string): Promise<string> {
  const options = await openTab(ff, extensionPage('options/index.html'));
  await typeInto(ff, options, 'Archive address', url);
  await typeInto(ff, options, 'API token', token);
  await click(ff, options, { button: 'Save' });
  await waitForText(ff, options, 'Saved.');
  return options;
}

async function openPopupFor(page: string, anyExtensionTab: string): Promise<string> {
  const tabId = await tabIdOf(ff, anyExtensionTab, page);
  return openTab(ff, extensionPage(`popup/index.html?tabId=${tabId}`), { width: 380, height: 600 });
}

/** Clips `#selector` of the page with the context menu; resolves once the draft is stored. */
async function clipFromPage(pageUrl: string, selector: string, extensionTab: string): Promise<{ page: string; selected: string }> {
  const page = await openTab(ff, pageUrl);
  const selected = await selectText(ff, page, selector);
  await clipWithContextMenu(ff, page, selector);
  await waitFor('the clipped draft to be stored', async () =>
    (await readStoredDrafts(ff, extensionTab)).some((draft) => draft.sources.some((source) => source.url === pageUrl)),
  );
  return { page, selected };
}

async function submitFromPopup(popup: string, title: string): Promise<void> {
  // The popup's lines (the sync status among them) can arrive between finding the title and clicking it,
  // moving it: click again until the draft is open.
  await waitFor(`the draft "${title}" open in the popup`, async () => {
    if ((await bodyText(ff, popup)).includes('Submit to the archive')) return true;
    await click(ff, popup, { button: title });
    return false;
  });
  await click(ff, popup, { button: 'Submit to the archive' });
}

describe('Firefox: the Firefox build', () => {
  it('Firefox: installs without a manifest warning, with no Chrome-only key, no storage permission and the editor as its sidebar', async () => {
    expect(await ff.manifestWarnings()).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('side_panel');
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
    expect(manifest.permissions).not.toContain('storage');
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel/index.html' });
  });
});

describe('Firefox: clipping a passage and submitting it', () => {
  let archive: TestArchive;

  beforeAll(async () => {
    archive = await startTestArchive();
    stopAfterAll.push(() => archive.server.close());
  });

  it('Firefox: clips with the real context-menu item, lists the draft in the popup, submits it once, and the archive has it', async () => {
    const options = await connectArchive(archive.server.url, archive.editorToken);
    await click(ff, options, { button: 'Test connection' });
    await waitForText(ff, options, 'Connected to the archive as Edith Editor (editor).');

    const pageUrl = fixtures.url('announcement.html');
    const title = 'Chatbot gave customers invented refund policy, airline admits';
    const { page, selected } = await clipFromPage(pageUrl, '#ruling', options);

    const popup = await openPopupFor(page, options);
    await waitForText(ff, popup, title);
    await submitFromPopup(popup, title);
    const shown = await waitForText(ff, popup, /INC-\d+/);
    expect(shown).toContain(selected.trim());

    const [stored] = await readStoredDrafts(ff, options);
    const archiveId = stored?.submission?.submissionId;
    expect(stored?.submission).toMatchObject({ state: 'accepted', submissionId: expect.stringMatching(/^INC-\d+$/) });
    expect(shown).toContain(archiveId);
    const submission = await archive.get(`/v1/submissions/${archiveId}`);
    expect(submission.body).toMatchObject({ id: archiveId, status: 'received', title, draftId: stored!.id });
    const lookup = await archive.get(`/v1/sources?url=${encodeURIComponent(pageUrl)}`);
    expect((lookup.body as { matches: unknown[] }).matches).toHaveLength(1);
    await Promise.all([closeTab(ff, popup), closeTab(ff, page), closeTab(ff, options)]);
  });

  it('Firefox: opens the draft in the editor sidebar from the popup (screenshots, light and dark)', async () => {
    fixtures.override(
      'sidebar.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Voice assistant read out a stranger's messages</title></head>
<body><article><h1>Voice assistant read out a stranger's messages</h1>
<p id="quote">The assistant answered a question about the weather by reading aloud a message meant for another household.</p></article></body></html>`,
    );
    const pageUrl = fixtures.url('sidebar.html');
    const options = await openTab(ff, extensionPage('options/index.html'));
    const { page } = await clipFromPage(pageUrl, '#quote', options);
    const draft = (await readStoredDrafts(ff, options)).find((stored) => stored.sources[0]?.url === pageUrl);
    const popup = await openPopupFor(page, options);
    await click(ff, popup, { button: draft!.title });
    await click(ff, popup, { button: 'Open editor' });
    const sidebar = await waitFor('the editor sidebar', async () => {
      const state = await sidebarState(ff);
      return state.open && state.url?.includes('?draft=') ? state : undefined;
    });
    expect(sidebar).toEqual({
      open: true,
      panelId: 'incident-clipper_archive_example-sidebar-action',
      url: extensionPage(`sidepanel/index.html?draft=${draft!.id}`),
    });
    for (const scheme of ['light', 'dark'] as const) {
      await setColorScheme(ff, scheme);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await screenshot(ff, popup, `firefox-popup-draft-${scheme}.png`);
      await sidebarScreenshot(ff, `firefox-sidebar-editor-${scheme}.png`);
    }
    await setColorScheme(ff, 'light');
    await Promise.all([closeTab(ff, popup), closeTab(ff, page), closeTab(ff, options)]);
  });
});

describe('Firefox: an archive that is down', () => {
  it('Firefox: keeps a submission while the archive is down and the background is stopped, says it waits, and sends it exactly once when both are back', async () => {
    const down = await downArchive();
    const options = await connectArchive(down.url, down.token);
    const pageUrl = fixtures.url('dark.html');
    const title = 'Model provider discloses data exposure in assistant memory feature';
    const { page } = await clipFromPage(pageUrl, '#detail', options);

    const popup = await openPopupFor(page, options);
    await waitForText(ff, popup, title);
    await submitFromPopup(popup, title);
    await waitForText(ff, popup, `Waiting to be sent. Cannot reach the archive at ${down.url}`);
    const draftId = (await readStoredDrafts(ff, options)).find((draft) => draft.sources[0]?.url === pageUrl)!.id;
    expect(await readStore(ff, options, 'outbox')).toHaveLength(1);
    await closeTab(ff, popup);
    expect(await stopBackground(ff)).toBe('stopped');

    const archive = await startTestArchive(down.dataDir, down.port);
    stopAfterAll.push(() => archive.server.close());
    // Opening the popup wakes the background, which drains the outbox.
    const again = await openPopupFor(page, options);
    // The recent drafts already list the first test's submission as "submitted as INC-…": wait for this draft.
    const stored = await waitFor('this submission to be accepted', async () => {
      const draft = (await readStoredDrafts(ff, options)).find((candidate) => candidate.id === draftId);
      return draft?.submission?.state === 'accepted' ? draft : undefined;
    });
    expect(stored.submission).toMatchObject({ state: 'accepted', submissionId: expect.stringMatching(/^INC-\d+$/) });
    await waitForText(ff, again, `submitted as ${stored.submission!.submissionId}`);
    expect(await readStore(ff, options, 'outbox')).toEqual([]);
    const lookup = await archive.get(`/v1/sources?url=${encodeURIComponent(pageUrl)}`, down.token); // as the submitter: other editors see no id or title
    const matches = (lookup.body as { matches: { id: string; title: string }[] }).matches;
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: stored!.submission!.submissionId, title });
    await Promise.all([closeTab(ff, again), closeTab(ff, page), closeTab(ff, options)]);
  });
});
