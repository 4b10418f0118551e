import { db } from '../src/store/db.ts';
import { loadSettings } from '../src/store/settings.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';

/** What waits to be sent, and why it is waiting. */
export function OutboxStatus() {
  const status = useLiveQuery(async () => {
    const [pending, deadLetters, settings] = await Promise.all([db().outbox.count(), db().deadLetters.count(), loadSettings()]);
    return { pending, deadLetters, settings };
  }, []);
  if (!status) return null;
  const { pending, deadLetters, settings } = status;
  return (
    <>
      {!settings.archiveUrl && (
        <p class="notice">
          No archive is set up yet. Drafts are kept here; <a href="/options/index.html" target="_blank">connect an archive</a> to submit.
        </p>
      )}
      {settings.paused && (
        <p class="notice error" role="alert">
          The archive rejected the API token, so {pending} submission{pending === 1 ? '' : 's'} wait{pending === 1 ? 's' : ''}.{' '}
          <a href="/options/index.html" target="_blank">Enter a new token</a>.
        </p>
      )}
      {!settings.paused && pending > 0 && (
        <p class="notice" role="status">
          {pending} submission{pending === 1 ? '' : 's'} waiting to be sent.
        </p>
      )}
      {deadLetters > 0 && (
        <p class="notice error">
          {deadLetters} submission{deadLetters === 1 ? ' was' : 's were'} refused by the archive; open the draft to see why.
        </p>
      )}
    </>
  );
}
