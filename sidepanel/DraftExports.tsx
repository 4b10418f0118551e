import { useState } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { addAnnotations } from '../src/store/clips.ts';
import { download, slug } from '../src/ui/download.ts';
import { t } from '../src/i18n/i18n.ts';
import { aiidCsv, aiidSubmissions } from '../src/workspace/io/aiid.ts';
import { draftToMarkdown } from '../src/workspace/io/draft-markdown.ts';
import { annotationCollection } from '../src/workspace/io/web-annotation.ts';

/** Exports of one draft (Markdown, AIID JSON/CSV, Web Annotations) and import of annotations into it. */
export function DraftExports({ draft }: { draft: Draft }) {
  const [status, setStatus] = useState<string | null>(null);
  const name = slug(draft.title);
  async function importAnnotations(file: File) {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setStatus(t('annotations_not_json'));
    }
    const result = await addAnnotations(draft.id, json);
    if (result.clips.length === 0) return setStatus(t('annotations_none', result.rejected.length));
    setStatus(t('annotations_imported', result.clips.length, result.rejected.length));
  }
  return (
    <details class="exports">
      <summary>{t('exports_title')}</summary>
      <div class="row wrap">
        <button type="button" onClick={() => download(`${name}.md`, draftToMarkdown(draft), 'text/markdown')}>
          {t('export_markdown')}
        </button>
        <button type="button" onClick={() => download(`${name}.aiid.json`, JSON.stringify(aiidSubmissions(draft), null, 2), 'application/json')}>
          {t('export_aiid_json')}
        </button>
        <button type="button" onClick={() => download(`${name}.aiid.csv`, aiidCsv(aiidSubmissions(draft)), 'text/csv')}>
          {t('export_aiid_csv')}
        </button>
        <button
          type="button"
          onClick={() => download(`${name}.annotations.jsonld`, JSON.stringify(annotationCollection(draft, draft.title), null, 2), 'application/ld+json')}
        >
          {t('export_annotations')}
        </button>
      </div>
      <label for="import-annotations">{t('import_annotations')}</label>
      <input id="import-annotations" type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => e.currentTarget.files?.[0] && void importAnnotations(e.currentTarget.files[0])} />
      {status && <p role="status">{status}</p>}
    </details>
  );
}
