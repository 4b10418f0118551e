import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n/i18n.ts';
import { isReviewer, useReviewSession } from '../src/ui/review/review-session.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { lazy } from '../src/ui/lazy.tsx';
import { routeFrom, searchOf, type Route } from './route.ts';

// Search (with its index) and backup are not needed to edit a draft: their code loads when shown.
const PickerView = lazy(() => import('./PickerView.tsx').then((module) => module.PickerView));
// So is the reviewer's side, which most editors never open.
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx').then((module) => module.ReviewPage));
// The sync status reads the sync tables through the store (Dexie, zod): after the draft is drawn.
const SyncStatus = lazy(() => import('../src/ui/SyncStatus.tsx').then((module) => module.SyncStatus), { idle: true });

/** The drafts workspace: the side panel in Chrome, an extension page (tab) everywhere. */
export function EditorApp() {
  const [route, setRoute] = useState<Route>(() => routeFrom(location.search));
  useEffect(() => {
    const onPop = () => setRoute(routeFrom(location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: Route) => {
    history.pushState(null, '', searchOf(next) || location.pathname);
    setRoute(next);
  };
  const open = (id: string | null) => go(id ? { view: 'draft', draftId: id } : { view: 'picker' });
  // Only the header's buttons depend on it: asked after the page (and the draft it opens on) is drawn.
  const reviewer = isReviewer(useReviewSession({ later: true }));
  return (
    <>
      <header class="row">
        <img src="/icons/icon-32.png" alt="" />
        <h1 class="grow">{route.view === 'queue' || route.view === 'review' ? t('rq_heading') : t('editor_heading')}</h1>
        {route.view === 'review' && reviewer && (
          <button type="button" onClick={() => go({ view: 'queue' })}>
            {t('rq_back_to_queue')}
          </button>
        )}
        {reviewer && route.view !== 'queue' && route.view !== 'review' && (
          <button type="button" onClick={() => go({ view: 'queue' })}>
            {t('rq_open_queue')}
          </button>
        )}
        {route.view !== 'picker' && (
          <button type="button" onClick={() => open(null)}>
            {t('all_drafts')}
          </button>
        )}
      </header>
      <main>
        <SyncStatus />
        {route.view === 'draft' ? (
          <DraftEditor key={route.draftId} draftId={route.draftId} />
        ) : route.view === 'queue' || route.view === 'review' ? (
          <ReviewPage draftId={route.view === 'review' ? route.draftId : null} onOpen={(draftId) => go({ view: 'review', draftId })} />
        ) : (
          <PickerView onOpen={open} />
        )}
      </main>
    </>
  );
}
