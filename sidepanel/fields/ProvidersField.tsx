import type { Taxonomy } from '../../src/core/contract.ts';
import { t } from '../../src/i18n/i18n.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';
import { ListField } from './ListField.tsx';

/** Providers: the archive's list as suggestions, plus any name typed in. */
export function ProvidersField({ editor, providers }: { editor: DraftEditor; providers: Taxonomy['providers'] }) {
  return <ListField editor={editor} path="providers" label={t('field_providers')} addLabel={t('providers_add')} suggestions={providers.map((p) => p.name)} />;
}
