/**
 * The taxonomy for pickers: the offline copy at once, then the archive's answer when it comes. It is
 * loaded once per page and shared by every component that asks; its code (archive client, schemas,
 * settings) is fetched only then, so a page's first paint does not wait for it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EditorTaxonomy } from '../workspace/taxonomy.ts';

let current: EditorTaxonomy | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<(taxonomy: EditorTaxonomy) => void>();

function publish(next: EditorTaxonomy): void {
  // The archive's answer is usually what the cache already held: no need to draw the pickers again.
  if (current && current.origin === next.origin && JSON.stringify(current.taxonomy) === JSON.stringify(next.taxonomy)) return;
  current = next;
  for (const listener of listeners) listener(next);
}

async function load(): Promise<void> {
  const [{ ArchiveClient }, { loadSettings }, { freshTaxonomy, offlineTaxonomy }] = await Promise.all([
    import('../archive/client.ts'),
    import('../store/settings.ts'),
    import('../store/taxonomy.ts'),
  ]);
  publish(await offlineTaxonomy());
  const settings = await loadSettings();
  const client = settings.archiveUrl ? new ArchiveClient(settings.archiveUrl, settings.token) : undefined;
  publish(await freshTaxonomy(client));
}

export function useTaxonomy(): EditorTaxonomy | undefined {
  const [taxonomy, setTaxonomy] = useState<EditorTaxonomy | undefined>(current);
  useEffect(() => {
    listeners.add(setTaxonomy);
    if (current) setTaxonomy(current);
    loading ??= load().catch((error: unknown) => console.error(error));
    return () => {
      listeners.delete(setTaxonomy);
    };
  }, []);
  return taxonomy;
}
