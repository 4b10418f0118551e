import { useState } from 'preact/hooks';
import type { Taxonomy } from '../../src/core/contract.ts';
import { t } from '../../src/i18n/i18n.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';
import { filterCodes } from '../../src/workspace/taxonomy.ts';
import { ChipList } from './ChipList.tsx';

/** Searchable checklist over the taxonomy's codes; the chosen ones show as chips above it. */
export function CodePicker({ editor, codes }: { editor: DraftEditor; codes: Taxonomy['codes'] }) {
  const [query, setQuery] = useState('');
  const chosen = (editor.value('codes') as string[] | undefined) ?? [];
  const matches = filterCodes(codes, query);
  const toggle = (code: string, on: boolean) => editor.set('codes', on ? [...chosen, code] : chosen.filter((c) => c !== code));
  return (
    <fieldset class="field">
      <legend>{t('field_codes')}</legend>
      <ChipList values={chosen} label={t('codes_chosen')} onRemove={(code) => toggle(code, false)} />
      <label for="code-search" class="sr-only">
        {t('codes_search')}
      </label>
      <input id="code-search" type="search" placeholder={t('codes_search')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <p class="muted hint" role="status">
        {t(matches.length === 1 ? 'codes_matching_one' : 'codes_matching', matches.length)}
      </p>
      <ul class="code-list" aria-label={t('codes_list')}>
        {matches.map((code) => (
          <li key={code.code}>
            <label class="choice">
              <input type="checkbox" checked={chosen.includes(code.code)} onChange={(e) => toggle(code.code, e.currentTarget.checked)} />
              <span>
                <strong>{code.code}</strong> {code.label}
                {code.group && <span class="muted"> · {code.group}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
