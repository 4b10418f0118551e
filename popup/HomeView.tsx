import { useState } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { draftsForUrl, recentDrafts } from '../src/store/drafts.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { send } from '../src/ui/send.ts';
import type { ClipResult } from '../src/background/clip.ts';
import type { PageState } from './PopupApp.tsx';
import { PageClips } from './PageClips.tsx';
import { canonicalizeUrl } from '../src/core/url.ts';
import { t } from '../src/i18n/i18n.ts';
import { DraftMeta } from './DraftMeta.tsx';
import { PageText, withoutBidiControls } from '../src/ui/PageText.tsx';

function DraftList({ drafts, onOpen, label }: { drafts: Draft[]; onOpen: (id: string) => void; label: string }) {
  return (
    <ul class="list" aria-label={label}>
      {drafts.map((draft) => (
        <li key={draft.id}>
          <button type="button" class="item" onClick={() => onOpen(draft.id)}>
            <div class="draft-title truncate">{draft.title ? <PageText text={draft.title} /> : t('untitled')}</div>
            <DraftMeta draft={draft} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function ClipControls({ tabId, pageDrafts, onOpen }: { tabId: number; pageDrafts: Draft[]; onOpen: (id: string) => void }) {
  const [target, setTarget] = useState('new');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const recent = useLiveQuery(() => recentDrafts(10), []) ?? [];
  const choices = [...pageDrafts, ...recent.filter((draft) => !pageDrafts.some((d) => d.id === draft.id))];

  async function clip() {
    setStatus(null);
    const reply = await send<ClipResult>('clip.fromTab', { tabId, target });
    if (!reply.ok) return setStatus({ tone: 'error', text: reply.error });
    setStatus({ tone: 'ok', text: reply.value.created ? t('popup_clip_created', reply.value.title) : t('popup_clip_added', reply.value.title) });
    onOpen(reply.value.draftId);
  }

  return (
    <section aria-label={t('popup_clip_section')}>
      <label for="clip-target">{t('popup_clip_into')}</label>
      <div class="row">
        <select id="clip-target" class="grow" value={target} onChange={(event) => setTarget(event.currentTarget.value)}>
          <option value="new">{t('popup_new_draft')}</option>
          {choices.map((draft) => (
            <option key={draft.id} value={draft.id}>
              {withoutBidiControls(draft.title) || t('untitled')}
            </option>
          ))}
        </select>
        <button type="button" class="primary" onClick={() => void clip()}>
          {t('popup_clip_selection')}
        </button>
      </div>
      {status && (
        <p role={status.tone === 'error' ? 'alert' : 'status'} class={status.tone}>
          {status.text}
        </p>
      )}
    </section>
  );
}

export function HomeView({ page, onOpen }: { page: PageState; onOpen: (id: string) => void }) {
  const url = page.kind === 'ready' ? page.inspection.metadata.url : '';
  const pageDrafts = useLiveQuery(() => (url ? draftsForUrl(url) : []), [url]) ?? [];
  const recent = useLiveQuery(() => recentDrafts(8), []) ?? [];

  return (
    <>
      {page.kind === 'loading' && <p class="muted">{t('popup_reading_page')}</p>}
      {page.kind === 'unavailable' && (
        <p class="notice error" role="alert">
          {page.reason}
        </p>
      )}
      {page.kind === 'ready' && (
        <>
          <p class="page">
            <PageText class="draft-title" text={page.inspection.metadata.title || page.inspection.metadata.url} />
            <br />
            <PageText class="muted truncate" text={page.inspection.metadata.url} />
          </p>
          {page.inspection.selectionLength === 0 && <p class="muted">{t('popup_select_hint')}</p>}
          <ClipControls tabId={page.tabId} pageDrafts={pageDrafts} onOpen={onOpen} />
          <PageClips urls={[...new Set([url, canonicalizeUrl(page.inspection.metadata.originalUrl)])]} />
          <h2>{t('popup_on_this_page')}</h2>
          {pageDrafts.length === 0 ? <p class="muted">{t('popup_no_page_drafts')}</p> : <DraftList drafts={pageDrafts} onOpen={onOpen} label={t('popup_page_drafts')} />}
        </>
      )}
      <h2>{t('recent_drafts')}</h2>
      {recent.length === 0 ? <p class="muted">{t('popup_no_drafts')}</p> : <DraftList drafts={recent} onOpen={onOpen} label={t('recent_drafts')} />}
    </>
  );
}
