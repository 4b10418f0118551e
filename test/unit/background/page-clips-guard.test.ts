/**
 * What a page's content script can make the worker store, through the worker's own router, as a
 * compromised content world would send it (issue 12, findings 1, 9 and 10).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { capture } from '../support/fixtures.ts';

const openedTabs: unknown[] = [];
vi.mock('../../../src/extension-api.ts', () => ({
  browser: {
    tabs: { get: async () => ({}), create: async (tab: unknown) => openedTabs.push(tab) },
    runtime: { getURL: (path: string) => `chrome-extension://abc/${path}` },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
    scripting: { executeScript: async () => [] },
  },
}));

const { handlers } = await import('../../../src/background/handlers.ts');
const { createRouter } = await import('../../../src/background/router.ts');
const { db } = await import('../../../src/store/db.ts');
const { saveCapture } = await import('../../../src/store/drafts.ts');
const { saveActiveDraftId } = await import('../../../src/store/preferences.ts');

const ID = 'abcdefghijklmnop';
const route = createRouter(handlers, ID, `chrome-extension://${ID}/`);
let nextTab = 100;
let sender: Runtime.MessageSender;

function pageCapture(url = 'https://attacker.github.io/post', overrides: Parameters<typeof capture>[0] = {}, quote?: string) {
  return capture({ url, originalUrl: url, ...overrides }, quote);
}

const clip = (payload: unknown) => route({ type: 'content.clipSelection', payload }, sender);

beforeEach(async () => {
  await db().drafts.clear();
  await saveActiveDraftId(undefined);
  nextTab += 1;
  sender = { id: ID, url: 'https://attacker.github.io/post', tab: { id: nextTab } as Runtime.MessageSender['tab'], frameId: 0 };
});

describe('a content script learns no draft titles (finding 5)', () => {
  it('has no message that lists drafts', async () => {
    await saveCapture(pageCapture('https://news.example/story', { title: 'Secret merger memo' }), 'new');
    const reply = await route({ type: 'content.recentDrafts', payload: {} }, sender);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('Secret');
  });
});

describe('a page cannot change a submitted draft (finding 10)', () => {
  it('refuses a quote aimed at a submitted draft by id, and "current" starts a new draft instead', async () => {
    const { draft } = await saveCapture(pageCapture('https://news.example/story'), 'new');
    await db().drafts.update(draft.id, { submission: { state: 'accepted', idempotencyKey: crypto.randomUUID(), queuedAt: new Date().toISOString(), submissionId: 'INC-000001' } });
    await saveActiveDraftId(draft.id);

    expect((await clip({ capture: pageCapture(), target: draft.id })).ok).toBe(false);
    expect((await clip({ capture: pageCapture(), target: 'current' })).ok).toBe(true);

    expect((await db().drafts.get(draft.id))!.clips).toHaveLength(1);
    expect(await db().drafts.count()).toBe(2);
  });
});

describe('clips from one tab are throttled (finding 10)', () => {
  it('stores ten clips a minute from a tab, then says how long to wait', async () => {
    const replies = [];
    for (let index = 0; index < 60; index += 1) replies.push(await clip({ capture: pageCapture(), target: 'new' }));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(10);
    expect(await db().drafts.count()).toBe(10);
    const refused = replies[10]!;
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^Too many clips from this tab in one minute, so this one was not saved\. Try again in \d+ s/);
  });

  it('counts each tab on its own', async () => {
    for (let index = 0; index < 10; index += 1) await clip({ capture: pageCapture(), target: 'new' });
    sender = { ...sender, tab: { id: 9_999 } as Runtime.MessageSender['tab'] };
    expect((await clip({ capture: pageCapture(), target: 'new' })).ok).toBe(true);
  });
});

describe('a quote for a draft about another site needs the editor to confirm', () => {
  it('asks first, and stores only once confirmed', async () => {
    const { draft } = await saveCapture(pageCapture('https://news.example/story'), 'new');
    await saveActiveDraftId(draft.id);
    expect(await clip({ capture: pageCapture(), target: 'current' })).toEqual({ ok: true, value: { needsConfirmation: true } });
    expect((await db().drafts.get(draft.id))!.clips).toHaveLength(1);
    expect(await clip({ capture: pageCapture(), target: 'current', confirmed: true })).toEqual({ ok: true, value: { created: false } });
    expect((await db().drafts.get(draft.id))!.clips).toHaveLength(2);
  });
});

describe('what the worker stores from a page', () => {
  it('re-checks the canonical URL against the sender: another tenant of a shared host is not cited (finding 9)', async () => {
    const reply = await clip({ capture: pageCapture('https://attacker.github.io/post', { url: 'https://victim.github.io/story' }), target: 'new' });
    expect(reply.ok).toBe(true);
    const [stored] = await db().drafts.toArray();
    expect(stored!.sources[0]!.url).toBe('https://attacker.github.io/post');
    expect(stored!.sources[0]!.provenance['url']).toBe('page');
  });

  it('strips NUL and lone surrogates everywhere, and bidi controls from the title (finding 1)', async () => {
    const title = 'Invoice \u202Egpj.exe\u202C\u0000 ready\uD800';
    const quote = 'The bot\u0000 said \uDC00yes.';
    await clip({ capture: pageCapture(undefined, { title, authors: ['Ann\u0000 Lee\u2066'] }, quote), target: 'new' });
    const [stored] = await db().drafts.toArray();
    expect(stored!.title).toBe('Invoice gpj.exe ready');
    expect(stored!.sources[0]!.authors).toEqual(['Ann Lee']);
    expect(stored!.clips[0]!.quote).toBe('The bot said yes.');
    expect(JSON.stringify(stored)).not.toMatch(/\\u0000|\\ud800|\\udc00/i);
  });
});

describe("the toast's Open draft", () => {
  it('opens the draft this tab clipped into, at most three times a minute', async () => {
    await clip({ capture: pageCapture(), target: 'new' });
    const [draft] = await db().drafts.toArray();
    const replies = [];
    for (let index = 0; index < 10; index += 1) replies.push(await route({ type: 'content.openDraft', payload: {} }, sender));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(3);
    expect(openedTabs).toHaveLength(3);
    expect(openedTabs[0]).toEqual({ url: `chrome-extension://abc/sidepanel/index.html?draft=${draft!.id}`, openerTabId: sender.tab!.id });
  });
});
