/**
 * "The archive already has this page": the entries the archive named for the draft's pages when they were
 * clipped (src/store/known-sources.ts), in the popup and the editor. An entry this device submitted links to
 * its draft; another editor's pending submission is shown only as existing (the archive gives no more).
 */
import type { Draft } from '../core/draft.ts';
import { browser } from '../extension-api.ts';
import { t } from '../i18n/i18n.ts';
import { db } from '../store/db.ts';
import { readDraftSubmittedAs } from '../store/draft-read.ts';
import { knownSource, type KnownMatch } from '../store/known-sources.ts';
import { useLiveQuery } from './live-query.ts';
import { editorPath } from './open-editor.ts';
import { PageText } from './PageText.tsx';

interface Known {
  match: KnownMatch;
  /** This device's draft behind the entry, when it is one of ours. */
  localDraftId?: string;
}

async function knownFor(draft: Draft): Promise<Known[]> {
  const answers = await Promise.all([...new Set(draft.sources.map((source) => source.url))].map((url) => knownSource(url)));
  const matches = answers.flatMap((answer) => answer?.matches ?? []);
  if (matches.length === 0) return [];
  const draftOf = await readDraftSubmittedAs(db(), matches.flatMap((match) => (match.id ? [match.id] : [])));
  const seen = new Set<string>();
  return matches
    .filter((match) => match.id === null || match.id !== draft.submission?.submissionId)
    .filter((match) => {
      const key = match.id ?? `${match.kind}:${match.receivedAt}`;
      return !seen.has(key) && (seen.add(key), true);
    })
    .map((match) => ({ match, ...(match.id && draftOf.has(match.id) ? { localDraftId: draftOf.get(match.id)! } : {}) }));
}

function Entry({ known: { match, localDraftId } }: { known: Known }) {
  const state = match.kind === 'incident' ? t('re_known_published') : t('re_known_pending');
  if (match.id === null) return <li>{t('re_known_other_editor', state)}</li>;
  const name = match.archiveId ?? match.id;
  return (
    <li data-entry={name}>
      {localDraftId ? (
        <a href={browser.runtime.getURL(editorPath(localDraftId))} target="_blank" rel="noopener">
          {name}
        </a>
      ) : (
        <strong>{name}</strong>
      )}
      {match.title && (
        <>
          {' '}
          <PageText text={match.title} />
        </>
      )}{' '}
      <span class="muted">({state})</span>
    </li>
  );
}

export function KnownEntries({ draft }: { draft: Draft }) {
  const known = useLiveQuery(() => knownFor(draft), [draft]);
  if (!known || known.length === 0) return null;
  return (
    <section class="notice known-entries" role="status" aria-labelledby="known-entries-heading" data-testid="known-entries">
      <p id="known-entries-heading">{t(known.length === 1 ? 're_known_heading_one' : 're_known_heading', known.length)}</p>
      <ul>
        {known.map((entry) => (
          <Entry key={entry.match.id ?? entry.match.receivedAt} known={entry} />
        ))}
      </ul>
    </section>
  );
}
