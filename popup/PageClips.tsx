import type { Clip } from '../src/core/draft.ts';
import { clipsForUrls, removeClip, updateClipNote } from '../src/store/clips.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';

const STATE_LABEL: Record<NonNullable<Clip['anchor']>['state'], string> = {
  anchored: 'highlighted on the page',
  changed: 'the page changed this passage since it was clipped',
  orphan: 'not found on the page any more (kept here)',
};

function ClipRow({ clip }: { clip: Clip }) {
  const state = clip.anchor?.state;
  return (
    <li class={`clip ${state ?? ''}`}>
      <blockquote>{clip.quote}</blockquote>
      <div class={`meta ${state === 'orphan' || state === 'changed' ? 'error' : 'muted'}`}>{state ? STATE_LABEL[state] : 'not checked yet'}</div>
      <label class="sr-only" for={`note-${clip.id}`}>
        Note on this quote
      </label>
      <textarea
        id={`note-${clip.id}`}
        rows={1}
        placeholder="Add a note…"
        value={clip.note}
        onChange={(event) => void updateClipNote(clip.id, event.currentTarget.value)}
      />
      <button type="button" class="small" aria-label="Remove this quote" onClick={() => confirm('Remove this quote from its draft?') && void removeClip(clip.id)}>
        Remove
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
    <section aria-label="Quotes from this page">
      <h2>Quotes from this page ({clips.length})</h2>
      {orphans > 0 && (
        <p class="notice error" role="status">
          {orphans} quote{orphans === 1 ? ' is' : 's are'} no longer on this page.
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
