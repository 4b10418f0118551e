import { useState } from 'preact/hooks';
import type { Draft, Source } from '../src/core/draft.ts';
import { t } from '../src/i18n/i18n.ts';
import { withoutBidiControls } from '../src/ui/PageText.tsx';
import { QuoteText } from '../src/ui/QuoteText.tsx';
import type { DraftEditor } from '../src/ui/use-draft-editor.ts';
import { sourcePath } from '../src/workspace/field-paths.ts';
import { sourceTier } from '../src/workspace/source-tier.ts';
import { NamesField } from './fields/NamesField.tsx';
import { PublishedTimestamp, SourceProvenance } from './SourceProvenance.tsx';
import { TextField } from './fields/TextField.tsx';
import { addQuote, addSource, removeClip, removeSource } from './store-actions.ts';

function AddQuote({ draftId, source }: { draftId: string; source: Source }) {
  const [text, setText] = useState('');
  const id = `add-quote-${source.id}`;
  return (
    <div class="add-quote">
      <label for={id}>{t('quote_add_label')}</label>
      <textarea id={id} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => {
          void addQuote(draftId, source.id, text);
          setText('');
        }}
      >
        {t('quote_add')}
      </button>
    </div>
  );
}

function SourceCard({ editor, draft, source, index }: { editor: DraftEditor; draft: Draft; source: Source; index: number }) {
  const quotes = draft.clips.filter((clip) => clip.sourceId === source.id);
  const name = source.title || source.url;
  return (
    <section class="source" aria-label={t('source_label', index + 1, name)}>
      <h3>{t('source_heading', index + 1)}</h3>
      <TextField editor={editor} path={sourcePath(source.id, 'url')} label={t('source_url')} type="url" />
      <TextField editor={editor} path={sourcePath(source.id, 'title')} label={t('source_title')} />
      <TextField editor={editor} path={sourcePath(source.id, 'publisher')} label={t('source_publisher')} />
      <NamesField editor={editor} path={sourcePath(source.id, 'authors')} label={t('source_authors')} hint={t('source_authors_hint')} />
      <TextField editor={editor} path={sourcePath(source.id, 'publishedDate')} label={t('source_published')} type="date" />
      <PublishedTimestamp source={source} />
      <p class="muted hint">{t('source_accessed', source.accessedAt.slice(0, 10))}</p>
      <SourceProvenance source={source} />
      <h4>{t('source_quotes', quotes.length)}</h4>
      {quotes.map((clip) => (
        <div key={clip.id} class="quote">
          <QuoteText quote={clip.quote} />
          <button type="button" class="small" aria-label={t('quote_remove_named', withoutBidiControls(clip.quote.slice(0, 40)))} onClick={() => confirm(t('quote_remove_confirm')) && void removeClip({ id: clip.id, draftId: draft.id })}>
            {t('quote_remove')}
          </button>
        </div>
      ))}
      <AddQuote draftId={draft.id} source={source} />
      <button type="button" class="small danger" onClick={() => confirm(t('source_remove_confirm')) && void removeSource(draft.id, source.id)}>
        {t('source_remove', index + 1)}
      </button>
    </section>
  );
}

function AddSource({ draftId }: { draftId: string }) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  async function add() {
    try {
      await addSource(draftId, url.trim());
      setUrl('');
      setProblem(null);
    } catch {
      setProblem(t('source_add_invalid'));
    }
  }
  return (
    <div class="add-source">
      <label for="add-source-url">{t('source_add_label')}</label>
      <div class="row">
        <input
          id="add-source-url"
          class="grow"
          type="url"
          placeholder="https://"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" onClick={() => void add()}>
          {t('source_add')}
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function SourcesEditor({ editor, draft }: { editor: DraftEditor; draft: Draft }) {
  const quoted = draft.sources.filter((source) => draft.clips.some((clip) => clip.sourceId === source.id));
  return (
    <fieldset class="field sources">
      <legend>{t('field_sources')}</legend>
      <p data-testid="source-tier">{t(`tier_${sourceTier(quoted)}`)}</p>
      {draft.sources.map((source, index) => (
        <SourceCard key={source.id} editor={editor} draft={draft} source={source} index={index} />
      ))}
      <AddSource draftId={draft.id} />
    </fieldset>
  );
}
