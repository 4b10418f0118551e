import type { Clip } from '../src/core/draft.ts';
import { clipsForUrls, removeClip, updateClipNote, type QuoteOfDraft } from '../src/store/clips.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { t, type MessageKey } from '../src/i18n/i18n.ts';
import { QuoteText } from '../src/ui/QuoteText.tsx';

const STATE_LABEL: Record<NonNullable<Clip['anchor']>['state'], MessageKey> = {
  anchored: 'clip_state_anchored',
  changed: 'clip_state_changed',
  orphan: 'clip_state_orphan',
};

function ClipRow({ clip }: { clip: QuoteOfDraft }) {
  const state = clip.anchor?.state;
  return (
    <li class={`clip ${state ?? ''}`}>
      <QuoteText quote={clip.quote} />
      <div class={`meta ${state === 'orphan' || state === 'changed' ? 'error' : 'muted'}`}>{state ? t(STATE_LABEL[state]) : t('clip_state_unchecked')}</div>
      <label class="sr-only" for={`note-${clip.id}`}>
        {t('clip_note_label')}
      </label>
      <textarea
        id={`note-${clip.id}`}
        rows={1}
        placeholder={t('clip_note_placeholder')}
        // defaultValue, not value: a live update of the clip (its anchor state, checked as the popup opens) must not
        // reset a note being typed; the note is saved on change (blur).
        defaultValue={clip.note}
        onChange={(event) => void updateClipNote(clip, event.currentTarget.value)}
      />
      <button type="button" class="small" aria-label={t('clip_remove_label')} onClick={() => confirm(t('quote_remove_confirm')) && void removeClip(clip)}>
        {t('clip_remove')}
      </button>
    </li>
  );
}

/** The quotes clipped from the current page, with whether each one is still there. */
export function PageClips({ urls }: { urls: string[] }) {
  const clips = useLiveQuery(() => clipsForUrls(urls), [urls.join(' ')]) ?? [];
  if (clips.length === 0) return null;
  const orphans = clips.filter((clip) => clip.anchor?.state === 'orphan').length;
  return (
    <section aria-label={t('clip_section')}>
      <h2>{t('clip_section_count', clips.length)}</h2>
      {orphans > 0 && (
        <p class="notice error" role="status">
          {t(orphans === 1 ? 'clip_one_orphan' : 'clip_n_orphans', orphans)}
        </p>
      )}
      <ul class="list clips">
        {clips.map((clip) => (
          <ClipRow key={clip.id} clip={clip} />
        ))}
      </ul>
    </section>
  );
}
