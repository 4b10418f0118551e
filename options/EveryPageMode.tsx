import { useEffect, useState } from 'preact/hooks';
import { browser } from '../src/extension-api.ts';
import { loadEveryPageMode } from '../src/store/preferences.ts';
import { send } from '../src/ui/send.ts';
import { t } from '../src/i18n/i18n.ts';

const ALL_URLS = { origins: ['<all_urls>'] };

/** The opt-in: the Clip button on selections and highlights restored on every page. */
export function EveryPageMode() {
  // Unknown until the stored choice is read: the box stays disabled meanwhile, so it never shows a wrong state to toggle.
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([loadEveryPageMode(), browser.permissions.contains(ALL_URLS)]).then(([wanted, granted]) => setEnabled(wanted && granted));
  }, []);

  async function toggle(wanted: boolean) {
    // The permission prompt must come first, while the click still counts as a user gesture.
    const granted = wanted ? await browser.permissions.request(ALL_URLS).catch(() => false) : true;
    if (!granted) {
      setNote(t('every_page_refused'));
      return;
    }
    const reply = await send<boolean>('mode.everyPage', { enabled: wanted });
    setEnabled(reply.ok && reply.value);
    setNote(reply.ok ? null : reply.error);
    if (!wanted) await browser.permissions.remove(ALL_URLS).catch(() => false);
  }

  return (
    <section aria-labelledby="every-page-heading">
      <h2 id="every-page-heading">{t('every_page_heading')}</h2>
      <label class="row">
        <input type="checkbox" style={{ width: 'auto' }} checked={enabled ?? false} disabled={enabled === undefined} onChange={(event) => void toggle(event.currentTarget.checked)} />
        <span>{t('every_page_toggle')}</span>
      </label>
      <p class="hint muted">
        {t('every_page_hint')}
      </p>
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
