/**
 * The toolbar badge counts the drafts waiting on this person: for an editor, own drafts with changes
 * requested (from the archive's list of their drafts); for a reviewer, the queue's unclaimed drafts. Those
 * come before submissions still waiting to be sent, and the tooltip says what each number is.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/extension-api.ts', () => ({ browser: {} }));

import { ReviewClient } from '../../../src/archive/review-client.ts';
import { steadyBadge } from '../../../src/background/badge.ts';
import { countWaitingOnYou } from '../../../src/background/waiting-badge.ts';
import { jsonResponse, scriptedFetch } from '../support/fixtures.ts';
import { queuePage, status } from '../support/review-fixtures.ts';

const ARCHIVE = 'https://archive.example';

describe('the badge\'s count of drafts waiting on you', () => {
  it('counts an editor\'s own drafts whose reviewer asked for changes, and nothing else', async () => {
    const ids = () => crypto.randomUUID();
    const mine = [
      status({ draftId: ids(), state: 'changes_requested' }),
      status({ draftId: ids(), state: 'in_review' }),
      status({ draftId: ids(), state: 'changes_requested' }),
      status({ draftId: ids(), state: 'published', publishedId: 'INC-000002' }),
    ];
    const fetch = scriptedFetch([() => jsonResponse(200, { items: mine })]);
    expect(await countWaitingOnYou(new ReviewClient(ARCHIVE, 'tok', fetch.impl), 'editor')).toBe(2);
    expect(fetch.sent[0]?.url).toBe(`${ARCHIVE}/v1/drafts?mine=true&offset=0&limit=200&state=changes_requested`);
  });

  it('counts for a reviewer the drafts nobody has claimed, from the queue\'s total', async () => {
    const fetch = scriptedFetch([() => jsonResponse(200, queuePage([status()], { total: 7 }))]);
    expect(await countWaitingOnYou(new ReviewClient(ARCHIVE, 'tok', fetch.impl), 'reviewer')).toBe(7);
    expect(new URL(fetch.sent[0]!.url).searchParams.get('claimed')).toBe('none');
  });

  it('gives no count when the archive cannot be asked, so the last one stays', async () => {
    const down = scriptedFetch([() => Promise.reject(new TypeError('Failed to fetch'))]);
    expect(await countWaitingOnYou(new ReviewClient(ARCHIVE, 'tok', down.impl), 'editor')).toBeUndefined();
  });
});

describe('the steady badge', () => {
  it('shows drafts waiting on you before unsent submissions, and the tooltip names both', () => {
    const both = steadyBadge({ waitingOnYou: 2, unsent: 1, role: 'editor' });
    expect(both.text).toBe('2');
    expect(both.title).toBe('Incident Clipper: your drafts with changes requested: 2; submissions waiting to be sent: 1');
    expect(steadyBadge({ waitingOnYou: 3, unsent: 0, role: 'reviewer' }).title).toContain('unclaimed drafts in the review queue: 3');
    expect(steadyBadge({ waitingOnYou: 0, unsent: 1, role: 'editor' }).text).toBe('1');
    expect(steadyBadge({ waitingOnYou: 0, unsent: 0, role: 'reviewer' })).toMatchObject({ text: '', title: 'Incident Clipper' });
  });
});
