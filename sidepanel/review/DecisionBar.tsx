import { useRef, useState } from 'preact/hooks';
import { ANCHOR_FIELDS, type AnchorField, type ReviewDraft } from '../../src/core/review-contract.ts';
import { t } from '../../src/i18n/i18n.ts';
import { fieldLabel } from '../../src/ui/field-label.ts';
import type { ReviewDraftState } from '../../src/ui/review/use-review-draft.ts';

type Opened = 'changes' | 'reject' | null;

/** A decision that needs words: changes need a comment saying what to change, a rejection a reason. */
function WordsForm(props: { kind: 'changes' | 'reject'; review: ReviewDraftState; read: ReviewDraft; onClose: () => void }) {
  const [missing, setMissing] = useState(false);
  const { draftId, revision } = props.read.status;
  // Read from the form when sent, so what was typed last is what is sent.
  const decide = async (form: HTMLFormElement) => {
    const fields = new FormData(form);
    const body = String(fields.get('text') ?? '').trim();
    const about = String(fields.get('about') ?? '') as AnchorField | '';
    if (!body) return setMissing(true);
    const done =
      props.kind === 'reject'
        ? await props.review.act((client) => client.transition(draftId, { to: 'rejected', revision, reason: body }))
        : (await props.review.act((client) => client.addComment(draftId, { body, ...(about ? { field: about } : {}) }))) &&
          (await props.review.act((client) => client.transition(draftId, { to: 'changes_requested', revision })));
    if (done) props.onClose();
  };
  const id = `rq-${props.kind}-text`;
  return (
    <form
      class="rq-words"
      onSubmit={(e) => {
        e.preventDefault();
        void decide(e.currentTarget);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      {props.kind === 'changes' && (
        <>
          <label for="rq-changes-about">{t('rq_changes_about')}</label>
          <select id="rq-changes-about" name="about">
            <option value="">{t('rq_changes_about_whole')}</option>
            {ANCHOR_FIELDS.map((field) => (
              <option key={field} value={field}>
                {fieldLabel(field, undefined)}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={id}>{props.kind === 'reject' ? t('rq_reject_reason') : t('rq_changes_comment')}</label>
      <textarea
        id={id}
        name="text"
        rows={3}
        aria-required="true"
        autoFocus
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onInput={() => setMissing(false)}
      />
      {missing && (
        <p id={`${id}-missing`} class="error" role="alert">
          {props.kind === 'reject' ? t('rq_reject_reason_missing') : t('rq_changes_comment_missing')}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={props.review.busy}>
          {props.kind === 'reject' ? t('rq_reject_confirm') : t('rq_changes_confirm')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('rq_cancel')}
        </button>
      </div>
    </form>
  );
}

/** Claim, release and the decisions this reviewer may take on the draft as it is now. */
export function DecisionBar({ read, review, myId }: { read: ReviewDraft; review: ReviewDraftState; myId: string }) {
  const [opened, setOpened] = useState<Opened>(null);
  const group = useRef<HTMLDivElement>(null);
  const { draftId, revision, state, claim, ownerId } = read.status;
  if (ownerId === myId) return <p class="notice">{t('rq_own_draft')}</p>;
  const mine = claim?.userId === myId;
  // The pressed button may be gone once the archive answers (Claim becomes Approve…): keyboard focus
  // then goes to the first decision now offered, not back to the top of the page.
  const refocus = () => {
    if (document.activeElement === document.body || !document.activeElement?.isConnected) (group.current?.querySelector('button:not(:disabled)') as HTMLElement | null)?.focus();
  };
  const run = (request: Parameters<ReviewDraftState['act']>[0]) => void review.act(request).then(() => setTimeout(refocus, 0));
  const canClaim = state === 'submitted' || (state === 'in_review' && !claim);
  return (
    <div class="rq-decisions" role="group" aria-label={t('rq_decisions_label')} ref={group}>
      <div class="row wrap">
        {canClaim && (
          <button type="button" class="primary" disabled={review.busy} onClick={() => run((client) => client.claim(draftId, revision))}>
            {t('rq_claim')}
          </button>
        )}
        {mine && state === 'in_review' && (
          <>
            <button type="button" class="primary" disabled={review.busy} onClick={() => run((client) => client.transition(draftId, { to: 'approved', revision }))}>
              {t('rq_approve')}
            </button>
            <button type="button" disabled={review.busy} aria-expanded={opened === 'changes'} onClick={() => setOpened('changes')}>
              {t('rq_request_changes')}
            </button>
            <button type="button" class="danger" disabled={review.busy} aria-expanded={opened === 'reject'} onClick={() => setOpened('reject')}>
              {t('rq_reject')}
            </button>
            <button type="button" disabled={review.busy} onClick={() => run((client) => client.release(draftId, revision))}>
              {t('rq_release')}
            </button>
          </>
        )}
        {state === 'approved' && (
          <button type="button" class="primary" disabled={review.busy} onClick={() => run((client) => client.transition(draftId, { to: 'published', revision }))}>
            {t('rq_publish')}
          </button>
        )}
      </div>
      {mine && state === 'in_review' && opened && (
        <WordsForm
          key={opened}
          kind={opened}
          review={review}
          read={read}
          onClose={() => {
            setOpened(null);
            setTimeout(refocus, 0);
          }}
        />
      )}
    </div>
  );
}
