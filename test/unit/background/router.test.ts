import { describe, expect, it, vi, type Mock } from 'vitest';
import { MessageTable } from '../../../src/messages.ts';
import type { Runtime } from 'webextension-polyfill';
import { createRouter, senderKind, type Handlers } from '../../../src/background/router.ts';
import { capture } from '../support/fixtures.ts';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const popup: Runtime.MessageSender = { id: ID, url: `${ORIGIN}popup/index.html` };
const contentScript: Runtime.MessageSender = { id: ID, url: 'https://news.example/story', tab: { id: 4 } as Runtime.MessageSender['tab'], frameId: 0 };
const otherExtension: Runtime.MessageSender = { id: 'zzzzzzzz', url: 'chrome-extension://zzzzzzzz/page.html' };

function routerWithSpies() {
  const ok = async () => ({ ok: true as const, value: 'done' });
  const handlers = Object.fromEntries(Object.keys(MessageTable).map((type) => [type, vi.fn(ok)])) as unknown as Record<
    keyof Handlers,
    Mock<() => Promise<{ ok: true; value: string }>>
  >;
  return { handlers, route: createRouter(handlers as unknown as Handlers, ID, ORIGIN) };
}

describe('the worker message router', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(senderKind(popup, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind(contentScript, ID, ORIGIN)).toBe('content-script');
    expect(senderKind(otherExtension, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBe('foreign');
  });

  it('lets the popup ask for a submission', async () => {
    const { handlers, route } = routerWithSpies();
    const draftId = crypto.randomUUID();
    expect(await route({ type: 'draft.submit', payload: { draftId } }, popup)).toEqual({ ok: true, value: 'done' });
    expect(handlers['draft.submit']).toHaveBeenCalledWith({ draftId }, popup);
  });

  it('never lets a content script test a connection (which would make the worker fetch its URL) or submit', async () => {
    const { handlers, route } = routerWithSpies();
    const attack = await route({ type: 'archive.testConnection', payload: { archiveUrl: 'https://evil.example', token: 'x' } }, contentScript);
    expect(attack).toEqual({ ok: false, error: 'Message archive.testConnection is not accepted from this sender.' });
    await route({ type: 'draft.submit', payload: { draftId: crypto.randomUUID() } }, contentScript);
    expect(handlers['archive.testConnection']).not.toHaveBeenCalled();
    expect(handlers['draft.submit']).not.toHaveBeenCalled();
  });

  it('accepts a well-formed clip from a content script but not from another extension', async () => {
    const { handlers, route } = routerWithSpies();
    const payload = { capture: capture(), target: 'new' };
    expect((await route({ type: 'content.clipSelection', payload }, contentScript)).ok).toBe(true);
    expect((await route({ type: 'content.clipSelection', payload }, otherExtension)).ok).toBe(false);
    expect(handlers['content.clipSelection']).toHaveBeenCalledTimes(1);
  });

  it('rejects unknown types, extra fields and wrong types before any handler runs', async () => {
    const { handlers, route } = routerWithSpies();
    expect(await route({ type: 'token.read', payload: {} }, popup)).toEqual({ ok: false, error: 'Unknown message.' });
    expect(await route('draft.submit', popup)).toEqual({ ok: false, error: 'Unknown message.' });
    expect(await route({ type: 'draft.submit', payload: { draftId: 'not-a-uuid' } }, popup)).toEqual({ ok: false, error: 'Malformed draft.submit message.' });
    expect(await route({ type: 'outbox.drain', payload: { url: 'https://x' } }, popup)).toEqual({ ok: false, error: 'Malformed outbox.drain message.' });
    const hugeQuote = { capture: capture({}, 'x'.repeat(20_001)), target: 'new' };
    expect((await route({ type: 'content.clipSelection', payload: hugeQuote }, contentScript)).ok).toBe(false);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error reply instead of a silent failure', async () => {
    const { handlers, route } = routerWithSpies();
    handlers['outbox.drain'].mockRejectedValueOnce(new Error('IndexedDB is full'));
    expect(await route({ type: 'outbox.drain', payload: {} }, popup)).toEqual({ ok: false, error: 'IndexedDB is full' });
  });
});

describe('content scripts asking about pages', () => {
  it('may not change the mode or ask for other pages, only their own clips', async () => {
    const { handlers, route } = routerWithSpies();
    expect((await route({ type: 'mode.everyPage', payload: { enabled: true } }, contentScript)).ok).toBe(false);
    expect((await route({ type: 'content.pageClips', payload: {} }, popup)).ok).toBe(false);
    expect((await route({ type: 'content.pageClips', payload: { claimedUrl: 'https://news.example/story' } }, contentScript)).ok).toBe(true);
    expect(handlers['mode.everyPage']).not.toHaveBeenCalled();
  });
});
