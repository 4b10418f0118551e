/**
 * Imported first by main.tsx: when the page opens on a draft, its live query starts before the rest of
 * the editor's modules are evaluated.
 */
import { primeDraftView } from '../src/ui/draft-view.ts';

const draftId = new URLSearchParams(location.search).get('draft');
if (draftId) primeDraftView(draftId);
