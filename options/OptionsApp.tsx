import { useEffect, useState } from 'preact/hooks';
import { normalizeArchiveUrl } from '../src/archive/connection.ts';
import { browser } from '../src/extension-api.ts';
import { loadSettings, saveSettings } from '../src/store/settings.ts';
import { send } from '../src/ui/send.ts';
import { EveryPageMode } from './EveryPageMode.tsx';
import { t } from '../src/i18n/i18n.ts';

type Status = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

/** Asks for the archive's origin so requests do not depend on CORS; refusing it is fine. */
function requestArchiveAccess(archiveUrl: string): void {
  const base = normalizeArchiveUrl(archiveUrl);
  if (!base) return;
  browser.permissions.request({ origins: [`${new URL(base).origin}/*`] }).catch(() => undefined);
}

export function OptionsApp() {
  const [archiveUrl, setArchiveUrl] = useState('');
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status>(null);
  // The form appears only once the stored values are in, so nothing typed is overwritten by a late load.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void loadSettings().then((settings) => {
      setArchiveUrl(settings.archiveUrl);
      setToken(settings.token);
      setLoaded(true);
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    requestArchiveAccess(archiveUrl);
    const base = normalizeArchiveUrl(archiveUrl);
    if (!base) return setStatus({ tone: 'error', text: t('options_bad_address') });
    // New credentials un-pause a queue that a 401 stopped.
    await saveSettings({ archiveUrl: base, token: token.trim(), paused: false });
    setArchiveUrl(base);
    setStatus({ tone: 'ok', text: t('options_saved') });
    void send('outbox.drain', {});
  }

  async function test() {
    setStatus({ tone: 'busy', text: t('options_testing') });
    const reply = await send<string>('archive.testConnection', { archiveUrl, token });
    setStatus(reply.ok ? { tone: 'ok', text: reply.value } : { tone: 'error', text: reply.error });
  }

  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="muted">{t('options_intro')}</p>
      <form hidden={!loaded} onSubmit={(event) => void save(event)}>
        <label for="archive-url">{t('options_archive_address')}</label>
        <input id="archive-url" type="url" required placeholder="https://archive.example.org" value={archiveUrl} onInput={(e) => setArchiveUrl(e.currentTarget.value)} />
        <label for="api-token">{t('options_api_token')}</label>
        <input id="api-token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <p class="hint muted">{t('options_token_hint')}</p>
        <div class="actions">
          <button type="submit" class="primary">
            {t('options_save')}
          </button>
          <button type="button" onClick={() => void test()}>
            {t('options_test')}
          </button>
        </div>
      </form>
      {status && (
        <p role={status.tone === 'error' ? 'alert' : 'status'} class={`notice ${status.tone === 'busy' ? '' : status.tone}`} data-testid="connection-status">
          {status.text}
        </p>
      )}
      <EveryPageMode />
      <section aria-labelledby="workspace-heading">
        <h2 id="workspace-heading">{t('options_workspace_heading')}</h2>
        <p class="hint muted">{t('options_workspace_hint')}</p>
        <a href="/sidepanel/index.html" target="_blank" rel="noreferrer">
          {t('options_workspace_link')}
        </a>
      </section>
    </main>
  );
}
