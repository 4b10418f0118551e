/**
 * Injected on demand (context menu, shortcut, popup, and the every-page script's Clip button) into the
 * tab's isolated world. Built as one self-contained IIFE: no loader, no web-accessible resources.
 * It only answers the worker; it never talks to the archive and never sees the token.
 */
import { capturePage } from '../capture/page-capture.ts';
import { extractMetadata } from '../capture/metadata/index.ts';
import { installPageApi, paintingParts } from './page-api.ts';

installPageApi({
  ...paintingParts,
  capture: () => capturePage(document, document.getSelection(), location.href),
  inspect: () => ({
    metadata: extractMetadata(document, location.href),
    selectionLength: document.getSelection()?.toString().trim().length ?? 0,
  }),
});
