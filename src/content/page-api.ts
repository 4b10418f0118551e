/**
 * What the worker can ask of a page, installed once per isolated world. The on-demand capture.js installs
 * all of it; the opt-in every-page.js installs only painting and the toast (it runs on every page, so it
 * stays small) and has the worker inject capture.js when a person clips. Each part is added only where the
 * world does not have it yet, so the script that came first keeps what it painted.
 */
import type { AnchorReport } from '../core/capture.ts';
import type { capturePage } from '../capture/page-capture.ts';
import type { extractMetadata } from '../capture/metadata/index.ts';
import { restoreHighlights, type ClipToPaint } from '../capture/restore.ts';
import { showToast } from './toast.ts';

export interface ClipperPageApi {
  capture(): ReturnType<typeof capturePage>;
  inspect(): { metadata: ReturnType<typeof extractMetadata>; selectionLength: number };
  /** `offerOpen`: the toast offers "Open draft", which opens the draft this tab last clipped into. */
  toast(message: string, tone: 'ok' | 'error', offerOpen?: boolean): void;
  /** Paints these clips (replacing earlier paint) and says which quotes are still on the page. */
  paint(clips: ClipToPaint[]): AnchorReport[];
}

declare global {
  var __incidentClipper: Partial<ClipperPageApi> | undefined;
}

let painted: ClipToPaint[] = [];

const openLastDraft = () => void chrome.runtime.sendMessage({ type: 'content.openDraft', payload: {} }).catch(() => undefined);

/** Painting and the toast: what every page needs. */
export const paintingParts: Pick<ClipperPageApi, 'toast' | 'paint'> = {
  toast: (message, tone, offerOpen = false) => showToast(document, message, tone, offerOpen ? openLastDraft : undefined),
  paint: (clips) => {
    painted = clips;
    return restoreHighlights(document, clips);
  },
};

/** Adds the parts this world lacks; returns the world's API as it now is. */
export function installPageApi<K extends keyof ClipperPageApi>(parts: Pick<ClipperPageApi, K>): Partial<ClipperPageApi> & Pick<ClipperPageApi, K> {
  const api = (globalThis.__incidentClipper ??= {});
  for (const [name, part] of Object.entries(parts)) (api as Record<string, unknown>)[name] ??= part;
  return api as Partial<ClipperPageApi> & Pick<ClipperPageApi, K>;
}

/** Re-paints what was last painted, e.g. after a single-page app rewrote its text. */
export function repaint(): AnchorReport[] {
  return painted.length > 0 ? restoreHighlights(document, painted) : [];
}
