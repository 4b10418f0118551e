import { t } from '../src/i18n/i18n.ts';
import { useTaxonomy } from '../src/ui/use-taxonomy.ts';
import type { DraftEditor } from '../src/ui/use-draft-editor.ts';
import { CodePicker } from './fields/CodePicker.tsx';
import { ProvidersField } from './fields/ProvidersField.tsx';
import { SeverityField } from './fields/SeverityField.tsx';

/** The taxonomy-driven pickers; they appear as soon as the (cached) taxonomy is read. */
export function TaxonomyFields({ editor }: { editor: DraftEditor }) {
  const taxonomy = useTaxonomy();
  if (!taxonomy) return <p class="muted">{t('loading')}</p>;
  return (
    <>
      <SeverityField editor={editor} severities={taxonomy.taxonomy.severities} />
      <ProvidersField editor={editor} providers={taxonomy.taxonomy.providers} />
      <CodePicker editor={editor} codes={taxonomy.taxonomy.codes} />
    </>
  );
}

/** Says so when the pickers offer the small built-in list, not the archive's. */
export function TaxonomyNotice() {
  const taxonomy = useTaxonomy();
  if (taxonomy?.origin !== 'built-in') return null;
  return (
    <p class="notice" role="note">
      {t('taxonomy_builtin')}
    </p>
  );
}
