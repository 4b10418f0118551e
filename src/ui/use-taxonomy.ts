/** The taxonomy for pickers: the offline copy at once, then the archive's answer when it comes. */
import { useEffect, useState } from 'preact/hooks';
import { ArchiveClient } from '../archive/client.ts';
import { loadSettings } from '../store/settings.ts';
import { freshTaxonomy, offlineTaxonomy, type EditorTaxonomy } from '../workspace/taxonomy.ts';

export function useTaxonomy(): EditorTaxonomy | undefined {
  const [taxonomy, setTaxonomy] = useState<EditorTaxonomy | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const offline = await offlineTaxonomy();
      if (live) setTaxonomy(offline);
      const settings = await loadSettings();
      const client = settings.archiveUrl ? new ArchiveClient(settings.archiveUrl, settings.token) : undefined;
      const fresh = await freshTaxonomy(client);
      if (live) setTaxonomy(fresh);
    })();
    return () => {
      live = false;
    };
  }, []);
  return taxonomy;
}
