/**
 * Injected on demand (context menu, shortcut, popup) into the active tab's isolated world.
 * Built as one self-contained IIFE: no loader, no web-accessible resources.
 * It only answers the worker; it never talks to the archive and never sees the token.
 */
import { capturePage } from '../capture/page-capture.ts';
import { extractMetadata } from '../capture/metadata/index.ts';
import { showToast } from './toast.ts';

export interface ClipperPageApi {
  capture(): ReturnType<typeof capturePage>;
  inspect(): { metadata: ReturnType<typeof extractMetadata>; selectionLength: number };
  toast(message: string, tone: 'ok' | 'error'): void;
}

declare global {
  var __incidentClipper: ClipperPageApi | undefined;
}

globalThis.__incidentClipper ??= {
  capture: () => capturePage(document, document.getSelection(), location.href),
  inspect: () => ({
    metadata: extractMetadata(document, location.href),
    selectionLength: document.getSelection()?.toString().trim().length ?? 0,
  }),
  toast: (message, tone) => showToast(document, message, tone),
};
