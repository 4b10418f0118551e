// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReviewView } from '../../../../sidepanel/review/ReviewView.tsx';
import type { ReviewComment, ReviewDraft } from '../../../../src/core/review-contract.ts';
import { jsonResponse } from '../../support/fixtures.ts';
import { DRAFT_ID, QUOTE_ID, SOURCE_ID, comment, event, reviewDraft, status, syncDraft } from '../../support/review-fixtures.ts';
import { fakeArchive, mount } from './fake-archive.ts';

const CLAIM = { userId: 'u-reviewer', name: 'Rita', claimedAt: '2026-11-29T11:00:00Z', expiresAt: '2099-11-29T11:30:00Z' };
const D = `/v1/drafts/${DRAFT_ID}`;

/** An archive holding one draft (claimed by Rita unless told) and its comments; the test may swap either. */
function archiveWith(read: ReviewDraft = reviewDraft({ status: status({ state: 'in_review', revision: 4, claim: CLAIM }) }), comments: ReviewComment[] = []) {
  const state = { read, comments };
  const archive = fakeArchive({
    [`GET ${D}`]: () => jsonResponse(200, state.read),
    [`GET ${D}/comments`]: () => jsonResponse(200, { comments: state.comments }),
    [`POST ${D}/comments`]: (body) => {
      const added = comment({ id: crypto.randomUUID(), ...(body as object), field: (body as { field?: string }).field ?? null });
      state.comments = [...state.comments, added];
      return jsonResponse(201, added);
    },
    [`POST ${D}/transitions`]: (body) => jsonResponse(200, event({ action: 'transition', to: (body as { to: 'approved' }).to })),
  });
  return { ...archive, state };
}

const button = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name);
const type = (field: HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the review view of a draft', () => {
  it('shows each comment beside the field it is about, an outdated one with what it quoted, and replies under it', async () => {
    const outdated = comment({ id: crypto.randomUUID(), field: 'rationale', body: 'Which policy?', outdated: true, quotedText: 'The bot lied.' });
    const reply = comment({ id: crypto.randomUUID(), parentId: outdated.id, body: 'The refund one.', authorName: 'Edna', field: 'rationale' });
    const onQuote = comment({ id: crypto.randomUUID(), field: null, quoteId: QUOTE_ID, body: 'Is this the whole sentence?' });
    const archive = archiveWith(undefined, [{ ...outdated, replies: [reply.id] }, reply, onQuote]);
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(root.querySelector('[data-field="rationale"] .rq-comment')).not.toBeNull());
    const rationale = root.querySelector('[data-field="rationale"]')!;
    expect(rationale.querySelector('.rq-text')!.textContent).toBe('The model made up a policy.');
    expect(rationale.querySelector('.rq-comment.outdated')!.textContent).toMatch(/outdated.*It was about: The bot lied\..*Which policy\?/);
    expect(rationale.querySelector('.rq-replies')!.textContent).toContain('The refund one.');
    expect(root.querySelector('[data-field="summary"] .rq-comment')).toBeNull();
    expect(root.querySelector(`[data-quote="${QUOTE_ID}"]`)!.textContent).toMatch(/The chatbot said a refund was due\..*Is this the whole sentence\?/);
    unmount();
  });

  it('shows each quote\'s evidence hashes short, and in full when opened; says when no page copy was recorded', async () => {
    const [quoteSha256, pageSha256] = ['a1'.repeat(32), 'b2'.repeat(32)];
    const archive = archiveWith(reviewDraft({ status: status({ state: 'in_review', claim: CLAIM }), evidence: [{ quoteId: QUOTE_ID, sourceId: SOURCE_ID, quoteSha256, pageSha256 }] }));
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(root.querySelector(`[data-quote="${QUOTE_ID}"] .rg-evidence`)).not.toBeNull());
    const evidence = root.querySelector<HTMLDetailsElement>(`[data-quote="${QUOTE_ID}"] .rg-evidence`)!;
    expect(evidence.querySelector('summary')!.textContent).toBe(`Evidence: quote ${quoteSha256.slice(0, 12)}… · page ${pageSha256.slice(0, 12)}…`);
    expect([...evidence.querySelectorAll('code')].map((code) => [code.textContent, code.title])).toEqual([[quoteSha256, quoteSha256], [pageSha256, pageSha256]]);
    unmount();

    archive.state.read = reviewDraft({ status: status({ state: 'in_review', claim: CLAIM }), evidence: [{ quoteId: QUOTE_ID, sourceId: SOURCE_ID, quoteSha256, pageSha256: null }] });
    const again = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(again.root.querySelector('.rg-evidence')).not.toBeNull());
    expect(again.root.querySelector('.rg-evidence summary')!.textContent).toBe(`Evidence: quote ${quoteSha256.slice(0, 12)}… · page not recorded`);
    expect(again.root.querySelector('.rg-evidence dl')!.textContent).toContain('Not recorded: this quote was not clipped from a page whose text was kept');
    again.unmount();
  });

  it('shows what changed since the last review, word by word, beside the changed field only', async () => {
    const before = syncDraft({ rationale: 'The model made up a policy.' });
    const now = syncDraft({ rationale: 'The model made up a refund policy.' });
    const lastReview = { event: event({ action: 'transition', to: 'changes_requested' }), draft: before };
    const archive = archiveWith(reviewDraft({ status: status({ state: 'in_review', claim: CLAIM }), draft: now, lastReview }));
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(root.querySelector('.rq-diff')).not.toBeNull());
    expect(root.querySelectorAll('.rq-changed')).toHaveLength(1);
    const diff = root.querySelector('[data-field="rationale"] .rq-diff')!;
    expect(diff.querySelector('ins')!.textContent).toBe('refund ');
    expect(diff.querySelector('del')).toBeNull();
    expect(root.querySelector('.rq-since')!.textContent).toMatch(/Last review: Changes requested on .*Changed since \(marked beside each\): 1/);
    unmount();
  });

  it('requests changes only with a comment: none sends nothing, one is posted and then the move on the revision read', async () => {
    const archive = archiveWith();
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(root, 'Request changes…')).toBeDefined());
    button(root, 'Request changes…')!.click();
    await vi.waitFor(() => expect(root.querySelector('#rq-changes-text')).not.toBeNull());
    button(root, 'Request changes')!.click();
    await vi.waitFor(() => expect(root.querySelector('#rq-changes-text-missing')?.textContent).toBe('Say what should change: the author sees this comment.'));
    expect(archive.sent.filter((s) => s.route.startsWith('POST'))).toEqual([]);

    const about = root.querySelector<HTMLSelectElement>('#rq-changes-about')!;
    about.value = 'rationale';
    about.dispatchEvent(new Event('change', { bubbles: true }));
    type(root.querySelector<HTMLTextAreaElement>('#rq-changes-text')!, 'Name the tribunal.');
    button(root, 'Request changes')!.click();
    await vi.waitFor(() => expect(archive.posted(`POST ${D}/transitions`)).toEqual([{ to: 'changes_requested', revision: 4 }]));
    expect(archive.posted(`POST ${D}/comments`)).toEqual([{ body: 'Name the tribunal.', field: 'rationale' }]);
    await vi.waitFor(() => expect(root.querySelector('[data-field="rationale"] .rq-comment')?.textContent).toContain('Name the tribunal.'));
    unmount();
  });

  it('rejects only with a reason, and approves the revision it shows', async () => {
    const archive = archiveWith();
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(root, 'Reject…')).toBeDefined());
    button(root, 'Reject…')!.click();
    await vi.waitFor(() => expect(button(root, 'Reject the draft')).toBeDefined());
    button(root, 'Reject the draft')!.click();
    await vi.waitFor(() => expect(root.textContent).toContain('A rejection needs a reason: the author sees it.'));
    type(root.querySelector<HTMLTextAreaElement>('#rq-reject-text')!, 'Not an AI incident.');
    button(root, 'Reject the draft')!.click();
    await vi.waitFor(() => expect(archive.posted(`POST ${D}/transitions`)).toEqual([{ to: 'rejected', revision: 4, reason: 'Not an AI incident.' }]));
    await vi.waitFor(() => expect(button(root, 'Approve')!.disabled).toBe(false));
    button(root, 'Approve')!.click();
    await vi.waitFor(() => expect(archive.posted(`POST ${D}/transitions`)).toHaveLength(2));
    expect(archive.posted(`POST ${D}/transitions`)[1]).toEqual({ to: 'approved', revision: 4 });
    unmount();
  });

  it('says in plain words that another reviewer won the claim, and shows the draft as the archive has it now', async () => {
    const archive = archiveWith(reviewDraft());
    archive.handlers[`POST ${D}/claim`] = () => {
      archive.state.read = reviewDraft({ status: status({ state: 'in_review', revision: 4, claim: { ...CLAIM, userId: 'u-rex', name: 'Rex' } }) });
      return jsonResponse(409, { error: { code: 'already_claimed', message: 'Rex is reviewing this draft.', fields: [] } });
    };
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(root, 'Claim for review')).toBeDefined());
    button(root, 'Claim for review')!.click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Another reviewer claimed this draft first. It was read again: see who holds it above.'));
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/In review · Claimed by Rex until/);
    expect(button(root, 'Approve')).toBeUndefined();
    expect(button(root, 'Claim for review')).toBeUndefined();
    unmount();
  });

  it('says the draft changed meanwhile when an approval was decided on a stale revision', async () => {
    const archive = archiveWith();
    archive.handlers[`POST ${D}/transitions`] = () =>
      jsonResponse(409, { error: { code: 'stale_revision', message: 'The draft changed since revision 4.', fields: [{ path: 'revision', message: 'Current revision: 6.' }] } });
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(root, 'Approve')).toBeDefined());
    button(root, 'Approve')!.click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/^The draft changed while you were reading it/));
    expect(archive.sent.filter((s) => s.route === `GET ${D}`).length).toBeGreaterThanOrEqual(2);
    unmount();
  });

  it('offers no decisions on the reviewer\'s own draft, and publish once approved', async () => {
    const own = archiveWith(reviewDraft({ status: status({ ownerId: 'u-reviewer' }) }));
    const first = mount(<ReviewView session={own.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(first.root.textContent).toContain('You wrote this draft: another reviewer decides on it.'));
    expect(button(first.root, 'Claim for review')).toBeUndefined();
    first.unmount();
    const approved = archiveWith(reviewDraft({ status: status({ state: 'approved', revision: 7 }) }));
    const second = mount(<ReviewView session={approved.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(second.root, 'Publish')).toBeDefined());
    button(second.root, 'Publish')!.click();
    await vi.waitFor(() => expect(approved.posted(`POST ${D}/transitions`)).toEqual([{ to: 'published', revision: 7 }]));
    second.unmount();
  });
});

describe('the review view from the keyboard', () => {
  it('moves focus to the first decision offered when the pressed Claim button goes away', async () => {
    const archive = archiveWith(reviewDraft());
    archive.handlers[`POST ${D}/claim`] = () => {
      archive.state.read = reviewDraft({ status: status({ state: 'in_review', revision: 4, claim: CLAIM }) });
      return jsonResponse(200, event());
    };
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(button(root, 'Claim for review')).toBeDefined());
    button(root, 'Claim for review')!.focus();
    button(root, 'Claim for review')!.click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Approve'));
    unmount();
  });
});

describe('comments in the review view', () => {
  it('adds a comment on a quote, replies to it and resolves it, from the keyboard', async () => {
    const archive = archiveWith();
    const { root, unmount } = mount(<ReviewView session={archive.session} draftId={DRAFT_ID} />);
    await vi.waitFor(() => expect(root.querySelector(`[data-quote="${QUOTE_ID}"] .rq-add-comment`)).not.toBeNull());
    root.querySelector<HTMLButtonElement>(`[data-quote="${QUOTE_ID}"] .rq-add-comment`)!.click();
    await vi.waitFor(() => expect(root.querySelector(`#rq-new-${QUOTE_ID}`)).not.toBeNull());
    const box = root.querySelector<HTMLTextAreaElement>(`#rq-new-${QUOTE_ID}`)!;
    box.value = 'Quote the ruling, not the article.';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect(archive.posted(`POST ${D}/comments`)).toEqual([{ body: 'Quote the ruling, not the article.', quoteId: QUOTE_ID }]));
    await vi.waitFor(() => expect(root.querySelector(`[data-quote="${QUOTE_ID}"] .rq-comment`)?.textContent).toContain('Quote the ruling'));
    const added = archive.state.comments[0]!;
    archive.handlers[`POST ${D}/comments/${added.id}/resolve`] = (body) => {
      archive.state.comments = [{ ...added, resolved: (body as { resolved: boolean }).resolved ? { by: 'u-reviewer', at: '2026-11-29T12:00:00Z' } : null }];
      return jsonResponse(200, archive.state.comments[0]);
    };
    button(root, 'Resolve')!.click();
    await vi.waitFor(() => expect(root.querySelector(`[data-quote="${QUOTE_ID}"] .rq-comment.resolved`)).not.toBeNull());
    expect(button(root, 'Open again')).toBeDefined();
    unmount();
  });
});
