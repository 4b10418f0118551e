/**
 * The duplicate check at clip time: the archive's answer for a clipped page is kept for the popup and the
 * editor; offline (or with the archive down) nothing is said and the question is asked again later.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/extension-api.ts', () => ({ browser: {} }));

import { checkKnownSource, retryKnownSources } from '../../../src/background/known-sources.ts';
import { db } from '../../../src/store/db.ts';
import { knownSource, pendingLookups } from '../../../src/store/known-sources.ts';
import { saveSettings } from '../../../src/store/settings.ts';
import { jsonResponse, scriptedFetch } from '../support/fixtures.ts';

const PAGE = 'https://news.example/chatbot-refund';
const MATCH = { kind: 'incident', id: 'INC-000001', archiveId: 'INC-000001', title: 'Chatbot invents refund policy', receivedAt: '2026-11-01T10:00:00.000Z' };

afterEach(async () => {
  vi.unstubAllGlobals();
  await db().settings.clear();
});

describe('asking the archive whether it already has a clipped page', () => {
  it('keeps what the archive knows about the page', async () => {
    await saveSettings({ archiveUrl: 'https://archive.example', token: 'tok' });
    const fetch = scriptedFetch([() => jsonResponse(200, { url: PAGE, matches: [MATCH] })]);
    vi.stubGlobal('fetch', fetch.impl);
    expect(await checkKnownSource(PAGE)).toEqual([MATCH]);
    expect(fetch.sent[0]?.url).toBe(`https://archive.example/v1/sources?url=${encodeURIComponent(PAGE)}`);
    expect((await knownSource(PAGE))?.matches).toEqual([MATCH]);
  });

  it('offline says nothing, and asks again on a later try until the archive answers', async () => {
    await saveSettings({ archiveUrl: 'https://archive.example', token: 'tok' });
    const fetch = scriptedFetch([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => jsonResponse(503, { error: { code: 'unavailable', message: 'Down for maintenance.', fields: [] } }),
      () => jsonResponse(200, { url: PAGE, matches: [MATCH] }),
    ]);
    vi.stubGlobal('fetch', fetch.impl);
    expect(await checkKnownSource(PAGE)).toBeUndefined();
    expect(await pendingLookups()).toEqual([PAGE]);
    await retryKnownSources();
    expect(await pendingLookups()).toEqual([PAGE]);
    await retryKnownSources();
    expect(await pendingLookups()).toEqual([]);
    expect((await knownSource(PAGE))?.matches).toEqual([MATCH]);
  });

  it('drops a question the archive refuses for good, and asks nothing without an archive set up', async () => {
    await saveSettings({ archiveUrl: 'https://archive.example', token: 'tok' });
    vi.stubGlobal('fetch', scriptedFetch([() => jsonResponse(400, { error: { code: 'validation_failed', message: 'Bad URL.', fields: [] } })]).impl);
    expect(await checkKnownSource(PAGE)).toBeUndefined();
    expect(await pendingLookups()).toEqual([]);
    await saveSettings({ archiveUrl: '', token: '' });
    const none = scriptedFetch([]);
    vi.stubGlobal('fetch', none.impl);
    expect(await checkKnownSource(PAGE)).toBeUndefined();
    expect(none.sent).toEqual([]);
  });
});
