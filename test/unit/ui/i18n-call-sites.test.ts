/**
 * What the worker, the store and the content scripts say comes from `_locales`: with an `i18n` API
 * that answers in a made-up language, every sentence they produce is in that language. A sentence
 * written back as an English literal fails here, without grepping the sources.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveClient } from '../../../src/archive/client.ts';
import { testConnection } from '../../../src/archive/connection.ts';
import { explainInjectionError } from '../../../src/background/inject.ts';
import { CaptureFailure, explainCaptureFailure } from '../../../src/core/capture.ts';
import { MAX_QUOTE_CHARS } from '../../../src/core/draft.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { drainOutbox, queueSubmission } from '../../../src/store/outbox.ts';
import { saveSettings } from '../../../src/store/settings.ts';
import { tStored } from '../../../src/i18n/i18n.ts';
import { tr } from '../../../src/i18n/i18n-runtime.ts';
import { capture, freshDb, jsonResponse, scriptedFetch } from '../support/fixtures.ts';

vi.mock('../../../src/extension-api.ts', () => ({ browser: {} }));

/** A language where every message reads `«key|sub1|sub2»`. */
function speak(language: string) {
  vi.stubGlobal('chrome', {
    i18n: {
      getMessage: (key: string, subs: string[] = []) => `«${language}:${[key, ...subs].join('|')}»`,
      getUILanguage: () => language,
    },
  });
}
const FROM_CATALOGUE = /^«xx:[a-z_]+[|»]/;

beforeEach(() => speak('xx'));
afterEach(() => vi.unstubAllGlobals());

describe('sentences outside the UI pages come from _locales', () => {
  it('explains every injection refusal through i18n', () => {
    const errors = [
      'Cannot access a chrome:// URL',
      'Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission',
      'No tab with id: 5.',
      'Missing host permission for the tab',
      'Something unexpected',
    ];
    for (const error of errors) expect(explainInjectionError(new Error(error))).toMatch(FROM_CATALOGUE);
    expect(explainInjectionError(new Error('Something unexpected'))).toBe('«xx:page_unreadable_because|Something unexpected»');
  });

  it('explains every capture failure through i18n, with numbers in the UI language', () => {
    for (const failure of CaptureFailure.shape.failure.options) {
      expect(explainCaptureFailure({ failure, length: 1234 })).toMatch(FROM_CATALOGUE);
    }
    expect(explainCaptureFailure({ failure: 'selection-too-long' })).toMatch(FROM_CATALOGUE);
    speak('de');
    expect(explainCaptureFailure({ failure: 'selection-too-long', length: 1234567 })).toBe(
      `«de:capture_too_long|1.234.567|${MAX_QUOTE_CHARS.toLocaleString('de')}»`,
    );
  });

  it('words every Test connection verdict through i18n', async () => {
    const replies: Array<() => Response | Promise<Response>> = [
      () => jsonResponse(200, { archive: 'incident-archive', apiVersion: 'v1', user: { id: 'u1', name: 'Edith', role: 'editor' } }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('<html>nginx</html>', { status: 200 }),
      () => jsonResponse(401, { error: { code: 'unauthorized', message: 'bad token', fields: [] } }),
      () => jsonResponse(403, { error: { code: 'forbidden', message: 'no', fields: [] } }),
      () => new Response('Not Found', { status: 404 }),
      () => jsonResponse(500, { error: { code: 'internal', message: 'boom', fields: [] } }),
    ];
    for (const reply of replies) {
      const { impl } = scriptedFetch([reply]);
      expect((await testConnection('http://archive.test', 'tok', impl)).message).toMatch(FROM_CATALOGUE);
    }
    expect((await testConnection('ftp://archive.test', 'tok')).message).toMatch(FROM_CATALOGUE);
    expect((await testConnection('http://archive.test', ' ')).message).toMatch(FROM_CATALOGUE);
  });

  it('stores an outbox failure as key + substitutions, so a later language shows it in that language', async () => {
    const store = freshDb();
    await saveSettings({ archiveUrl: 'http://archive.test', token: 'tok' }, store);
    const { draft } = await saveCapture(capture(), 'new', { store });
    await queueSubmission(draft.id, store);
    const { impl } = scriptedFetch([() => jsonResponse(503, { error: { code: 'unavailable', message: 'Down for maintenance', fields: [] } })]);
    await drainOutbox({ store, clientFor: (url, token) => new ArchiveClient(url, token, impl), nowMs: () => 0 });
    const submission = (await store.drafts.get(draft.id))!.submission!;
    expect(submission.errorMessage).toEqual({ key: 'outbox_error_retrying', params: ['Down for maintenance'] });
    speak('fr');
    expect(tStored(submission.errorMessage)).toBe('«fr:outbox_error_retrying|Down for maintenance»');
    vi.unstubAllGlobals();
    expect(tStored(submission.errorMessage)).toBe('Down for maintenance It will be retried automatically.');
    expect(tStored({ key: 'no_such_key', params: [] })).toBe('');
  });

  it('gives content scripts the extension message, or the key when there is no extension', () => {
    expect(tr('clip_throttled', 42)).toBe('«xx:clip_throttled|42»');
    vi.unstubAllGlobals();
    expect(tr('clip_button')).toBe('clip_button');
  });
});
