/**
 * Imported first by main.tsx: when the page opens on a draft, its live query starts before the rest of
 * the editor's modules are evaluated, and the draft read by open-db.js (see index.html) shows until it
 * answers.
 */
import { primeDraftView, type EarlyRows } from '../src/ui/draft-view.ts';

declare global {
  /** Set by public/sidepanel/open-db.js when the page opens on a draft. */
  var clipperFirstView: Promise<EarlyRows | undefined> | undefined;
}

const draftId = new URLSearchParams(location.search).get('draft');
if (draftId) primeDraftView(draftId, globalThis.clipperFirstView);
