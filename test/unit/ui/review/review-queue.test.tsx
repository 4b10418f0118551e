// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReviewQueue } from '../../../../sidepanel/review/ReviewQueue.tsx';
import { jsonResponse } from '../../support/fixtures.ts';
import { queuePage, status } from '../../support/review-fixtures.ts';
import { fakeArchive, mount } from './fake-archive.ts';

const ID2 = '4f2c7a31-8e91-42b3-9e5f-6a7b8c9d0e1f';

function change(root: HTMLElement, label: string, value: string) {
  const select = [...root.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === label) ?? root.querySelector<HTMLSelectElement>(`#${label}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the review queue', () => {
  it('lists drafts oldest first with who holds each claim, counts per state, and opens one', async () => {
    const items = [
      status({ title: 'Chatbot invents refund policy' }),
      status({ draftId: ID2, title: 'Face match wrongly arrests', state: 'in_review', claim: { userId: 'u-rex', name: 'Rex', claimedAt: '2026-11-29T10:00:00Z', expiresAt: '2026-11-29T10:30:00Z' }, openComments: 2 }),
    ];
    const archive = fakeArchive({ 'GET /v1/review/queue': () => jsonResponse(200, queuePage(items, { counts: { submitted: 1, in_review: 1, changes_requested: 4 } })) });
    const opened: string[] = [];
    const { root, unmount } = mount(<ReviewQueue session={archive.session} onOpen={(id) => opened.push(id)} />);
    await vi.waitFor(() => expect(root.querySelectorAll('.rq-items li')).toHaveLength(2));
    expect(Object.fromEntries(archive.sent[0]!.url.searchParams)).toMatchObject({ claimed: 'any', order: 'oldest', offset: '0' });
    const rows = [...root.querySelectorAll('.rq-items li')].map((li) => li.textContent);
    expect(rows[0]).toContain('Unclaimed');
    expect(rows[1]).toMatch(/Claimed by Rex until/);
    expect(rows[1]).toContain('open comments: 2');
    expect(root.querySelector('[data-state="changes_requested"]')!.textContent).toBe('Changes requested 4');
    root.querySelectorAll<HTMLButtonElement>('.rq-items button')[1]!.click();
    expect(opened).toEqual([ID2]);
    unmount();
  });

  it('asks the archive again when a filter changes, from the first page, and pages on', async () => {
    const many = Array.from({ length: 20 }, () => status());
    const archive = fakeArchive({
      'GET /v1/review/queue': (_body, url) => jsonResponse(200, queuePage(many, { total: 45, nextOffset: Number(url.searchParams.get('offset')) + 20 })),
    });
    const { root, unmount } = mount(<ReviewQueue session={archive.session} onOpen={() => {}} />);
    await vi.waitFor(() => expect(root.textContent).toContain('Showing 1–20 of 45'));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Next page')!.click();
    await vi.waitFor(() => expect(root.textContent).toContain('Showing 21–40 of 45'));
    change(root, 'Claim', 'none');
    change(root, 'Waiting for', 'older');
    await vi.waitFor(() => expect(archive.sent.at(-1)!.url.searchParams.get('minAgeHours')).toBe('168'));
    const last = Object.fromEntries(archive.sent.at(-1)!.url.searchParams);
    expect(last).toMatchObject({ claimed: 'none', offset: '0', minAgeHours: '168' });
    expect(last.maxAgeHours).toBeUndefined();
    expect(root.querySelector('summary')!.textContent).toBe('Filters (2 set)');
    unmount();
  });

  it('says in plain words when the token may not read the queue', async () => {
    const archive = fakeArchive({ 'GET /v1/review/queue': () => jsonResponse(401, { error: { code: 'unauthorized', message: 'bad token', fields: [] } }) });
    const { root, unmount } = mount(<ReviewQueue session={archive.session} onOpen={() => {}} />);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('The archive rejected this token. Check it in the options.'));
    unmount();
  });
});
