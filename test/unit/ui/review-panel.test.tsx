// @vitest-environment happy-dom
/**
 * The editor's side of review in the popup's draft view: the readiness checklist blocking Submit on what the
 * archive's taxonomy requires, the review state with what the reviewer asked and their comments, the INC id
 * once published, and the archive's known entries for the draft's page.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `chrome-extension://test/${path}` } } }));

import { DraftView } from '../../../popup/DraftView.tsx';
import type { Draft } from '../../../src/core/draft.ts';
import { db } from '../../../src/store/db.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { settleKnownSource } from '../../../src/store/known-sources.ts';
import { BUILT_IN_TAXONOMY } from '../../../src/workspace/taxonomy.ts';
import { capture } from '../support/fixtures.ts';
import { comment, event, status } from '../support/review-fixtures.ts';

const SEED_REQUIRED = ['title', 'severity', 'code', 'provider', 'rationale', 'counterfactual', 'quotedSource'];
let unmount = () => {};
afterEach(() => unmount());

async function clipped(overrides: Partial<Draft> = {}, url = `https://news.example/${crypto.randomUUID()}`): Promise<Draft> {
  const { draft } = await saveCapture(capture({ url, originalUrl: url, title: 'Airline chatbot invented a refund policy' }), 'new');
  const changed = { ...draft, ...overrides };
  await db().drafts.put(changed);
  return changed;
}

async function show(draft: Draft): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  render(<DraftView draftId={draft.id} onBack={() => {}} />, root);
  unmount = () => render(null, root);
  await vi.waitFor(() => expect(root.querySelector('article')).not.toBeNull());
  return root;
}

const text = (root: HTMLElement) => root.textContent ?? '';
const button = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === name);

async function cacheReview(draftId: string, review: { status: ReturnType<typeof status>; events?: ReturnType<typeof event>[]; comments?: ReturnType<typeof comment>[] }) {
  const ids = { draftId };
  await db().syncMeta.put({
    key: `review:${draftId}`,
    value: {
      status: { ...review.status, ...ids },
      events: (review.events ?? []).map((item) => ({ ...item, ...ids })),
      comments: (review.comments ?? []).map((item) => ({ ...item, ...ids })),
      fetchedAt: '2026-11-29T12:00:00.000Z',
    },
  });
}

describe('readiness in the popup', () => {
  it('keeps Submit disabled while a field the archive requires is missing, and marks the rest as advice', async () => {
    await db().settings.put({ key: 'taxonomy', value: { ...BUILT_IN_TAXONOMY, version: 'seed', requiredToSubmit: SEED_REQUIRED } });
    const draft = await clipped();
    const root = await show(draft);
    await vi.waitFor(() => expect(text(root)).toContain('5 items block submission'));
    expect(button(root, 'Submit to the archive')?.disabled).toBe(true);
    const required = [...root.querySelectorAll('[data-level="required"] [data-check]')].map((item) => item.getAttribute('data-check'));
    expect(required).toEqual(['severity', 'code', 'provider', 'rationale', 'counterfactual']);
    expect(text(root)).toContain('Advice (does not block submission):');
    expect(root.querySelector('[data-level="advised"] [data-check="summary"]')).not.toBeNull();

    await db().drafts.update(draft.id, { severity: 'SEV-3', codes: ['M1'], providers: ['OpenAI'], rationale: 'The bot made it up.', counterfactual: 'No bot, no false policy.' });
    await vi.waitFor(() => expect(text(root)).toContain('Ready to submit'));
    expect(button(root, 'Submit to the archive')?.disabled).toBe(false);
  });
});

describe('the review of a submitted draft', () => {
  const submission = { state: 'accepted' as const, idempotencyKey: crypto.randomUUID(), queuedAt: '2026-11-29T10:00:00.000Z', submissionId: 'INC-000007', archiveStatus: 'received' as const };

  it('shows changes requested with what the reviewer said and their open comments beside the field, and offers resubmit and withdraw instead of Submit', async () => {
    const draft = await clipped({ reviewState: 'changes_requested', submission });
    await cacheReview(draft.id, {
      status: status({ state: 'changes_requested', openComments: 1 }),
      events: [event(), event({ action: 'transition', from: 'in_review', to: 'changes_requested', reason: 'The rationale needs the policy it invented.' })],
      comments: [
        comment({ body: 'Say which policy it invented.', field: 'rationale' }),
        comment({ id: crypto.randomUUID(), body: 'Title reads fine now.', field: 'title', resolved: { by: 'u-reviewer', at: '2026-11-29T11:30:00.000Z' } }),
        comment({ id: crypto.randomUUID(), body: 'This quote was cut short.', field: null, quoteId: crypto.randomUUID(), quotedText: 'The chatbot said', outdated: true }),
      ],
    });
    const root = await show(draft);
    const panel = await vi.waitFor(() => {
      const found = root.querySelector<HTMLElement>('[data-testid="review-panel"]');
      expect(found?.textContent).toContain('Say which policy it invented.');
      return found!;
    });
    expect(panel.querySelector('[data-testid="review-state"]')?.textContent).toContain('Changes requested');
    expect(text(panel)).toContain('The reviewer said: The rationale needs the policy it invented.');
    expect(text(panel)).toContain('Reviewers\' comments (2 open of 3)');
    const items = [...panel.querySelectorAll('.review-comment')];
    expect(items[0]?.textContent).toContain('Why this is an AI incident');
    expect(items.map((item) => item.getAttribute('data-open'))).toEqual(['true', 'true', 'false']);
    expect(items[1]?.textContent).toContain('outdated: the text it was about has changed');
    expect(items[1]?.querySelector('blockquote')?.textContent).toBe('The chatbot said');
    expect(button(root, 'Resubmit for review')).toBeDefined();
    expect(button(root, 'Withdraw')).toBeDefined();
    expect(button(root, 'Submit to the archive')).toBeUndefined();
    expect((root.querySelector('#draft-title') as HTMLInputElement).disabled).toBe(false);
  });

  it('names the reviewer holding the claim and says an edit reopens the review', async () => {
    const draft = await clipped({ reviewState: 'in_review', submission });
    await cacheReview(draft.id, { status: status({ state: 'in_review', claim: { userId: 'u-reviewer', name: 'Rita Reviewer', claimedAt: '2026-11-29T11:00:00.000Z', expiresAt: '2026-11-29T11:30:00.000Z' } }) });
    const root = await show(draft);
    await vi.waitFor(() => expect(text(root)).toContain('In review by Rita Reviewer.'));
    expect(text(root)).toContain('an edit sends it back to the review queue');
    expect(button(root, 'Withdraw')).toBeUndefined();
  });

  it('shows the INC id once published, and the title no longer takes edits', async () => {
    const draft = await clipped({ reviewState: 'published', submission: { ...submission, archiveStatus: 'accepted', archiveId: 'INC-000007' } });
    await cacheReview(draft.id, { status: status({ state: 'published', publishedId: 'INC-000007' }) });
    const root = await show(draft);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="published-id"]')?.textContent).toBe('INC-000007'));
    expect(text(root)).toContain('Published as INC-000007');
    expect((root.querySelector('#draft-title') as HTMLInputElement).disabled).toBe(true);
    expect(button(root, 'Resubmit for review')).toBeUndefined();
  });
});

describe('the archive already having the page', () => {
  it('names the known entries, links the one this device submitted, and never counts the draft itself', async () => {
    const url = `https://news.example/${crypto.randomUUID()}`;
    const mine = await clipped({ reviewState: 'submitted', submission: { state: 'accepted', idempotencyKey: crypto.randomUUID(), queuedAt: '2026-11-29T10:00:00.000Z', submissionId: 'INC-000003' } }, url);
    const second = await clipped({}, url);
    await settleKnownSource(url, {
      checkedAt: '2026-11-29T12:00:00.000Z',
      matches: [
        { kind: 'submission', id: 'INC-000003', archiveId: null, title: 'Airline chatbot invented a refund policy', receivedAt: '2026-11-29T10:00:00.000Z' },
        { kind: 'incident', id: 'INC-000001', archiveId: 'INC-000001', title: 'Earlier entry', receivedAt: '2026-11-01T10:00:00.000Z' },
      ],
    });
    const root = await show(second);
    const notice = await vi.waitFor(() => {
      const found = root.querySelector<HTMLElement>('[data-testid="known-entries"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(text(notice)).toContain('The archive already has 2 entries for these pages:');
    expect(notice.querySelector('[data-entry="INC-000003"] a')?.getAttribute('href')).toBe(`chrome-extension://test/sidepanel/index.html?draft=${mine.id}`);
    expect(text(notice.querySelector('[data-entry="INC-000001"]')!)).toContain('Earlier entry (published)');
    unmount();

    const own = await show(mine);
    await vi.waitFor(() => expect(own.querySelector('[data-testid="known-entries"] [data-entry="INC-000001"]')).not.toBeNull());
    expect(own.querySelector('[data-entry="INC-000003"]')).toBeNull();
  });
});
