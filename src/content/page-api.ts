/**
 * What the worker can ask of a page, installed once per isolated world. Both content entries
 * (on-demand capture.js and the opt-in every-page.js) install the same API.
 */
import type { AnchorReport } from '../core/capture.ts';
import { capturePage } from '../capture/page-capture.ts';
import { extractMetadata } from '../capture/metadata/index.ts';
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
  var __incidentClipper: ClipperPageApi | undefined;
}

let painted: ClipToPaint[] = [];

const openLastDraft = () => void chrome.runtime.sendMessage({ type: 'content.openDraft', payload: {} }).catch(() => undefined);

export function installPageApi(): ClipperPageApi {
  globalThis.__incidentClipper ??= {
    capture: () => capturePage(document, document.getSelection(), location.href),
    inspect: () => ({
      metadata: extractMetadata(document, location.href),
      selectionLength: document.getSelection()?.toString().trim().length ?? 0,
    }),
    toast: (message, tone, offerOpen = false) => showToast(document, message, tone, offerOpen ? openLastDraft : undefined),
    paint: (clips) => {
      painted = clips;
      return restoreHighlights(document, clips);
    },
  };
  return globalThis.__incidentClipper;
}

/** Re-paints what was last painted, e.g. after a single-page app rewrote its text. */
export function repaint(): AnchorReport[] {
  return painted.length > 0 ? restoreHighlights(document, painted) : [];
}
