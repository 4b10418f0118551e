/**
 * Every runtime message the worker accepts: one zod schema each, and who may send it.
 * Content scripts count as attackers: they may send only `content.*` messages, and no message
 * lets a sender choose a URL for the worker to fetch or read the token.
 */
import { z } from 'zod';
import { AnchorReport, PageCapture } from './core/capture.ts';

export const ClipTarget = z.union([z.literal('new'), z.uuid()]);
export const PageClipTarget = z.enum(['new', 'current']);
export type PageClipTarget = z.infer<typeof PageClipTarget>;

const ClaimedUrl = z.string().max(4_000).optional();

export const MessageTable = {
  'clip.fromTab': {
    from: 'extension-page',
    payload: z.strictObject({ tabId: z.number().int().nonnegative(), target: ClipTarget.optional() }),
  },
  'page.inspect': {
    from: 'extension-page',
    payload: z.strictObject({ tabId: z.number().int().nonnegative() }),
  },
  'draft.submit': {
    from: 'extension-page',
    payload: z.strictObject({ draftId: z.uuid() }),
  },
  /** The author resubmits a draft after changes were requested (or after withdrawing it), or withdraws it. */
  'review.move': {
    from: 'extension-page',
    payload: z.strictObject({ draftId: z.uuid(), to: z.enum(['submitted', 'withdrawn']) }),
  },
  'outbox.drain': {
    from: 'extension-page',
    payload: z.strictObject({}),
  },
  /** A page opened (sync now) or made an edit (sync once the burst of edits is over). */
  'sync.now': {
    from: 'extension-page',
    payload: z.strictObject({ afterEdit: z.boolean().optional() }),
  },
  /** A page found no usable saved search index: the worker builds and saves it (it outlives the page). */
  'search.keepIndex': {
    from: 'extension-page',
    payload: z.strictObject({}),
  },
  'archive.testConnection': {
    from: 'extension-page',
    payload: z.strictObject({ archiveUrl: z.string().max(2_000), token: z.string().max(500) }),
  },
  'mode.everyPage': {
    from: 'extension-page',
    payload: z.strictObject({ enabled: z.boolean() }),
  },
  /**
   * A clip from the in-page button: into a new draft or the editor's current one, never a draft named by
   * id (the page never learns ids). `confirmed`: the editor agreed to add it to a draft quoting another site.
   */
  'content.clipSelection': {
    from: 'content-script',
    payload: z.strictObject({ capture: PageCapture, target: PageClipTarget, confirmed: z.boolean().optional() }),
  },
  /** The every-page script's Clip button: the capture code (capture.js) injected into the sending frame. */
  'content.loadCapture': {
    from: 'content-script',
    payload: z.strictObject({}),
  },
  /** The sending page's own clips; the page may name its canonical URL, which is honoured on its own origin only. */
  'content.pageClips': {
    from: 'content-script',
    payload: z.strictObject({ claimedUrl: ClaimedUrl }),
  },
  'content.anchorReport': {
    from: 'content-script',
    payload: z.strictObject({ claimedUrl: ClaimedUrl, reports: z.array(AnchorReport).max(1_000) }),
  },
  /** The toast's "Open draft": opens, in the extension's own page, the draft this tab last clipped into. */
  'content.openDraft': {
    from: 'content-script',
    payload: z.strictObject({}),
  },
} as const;

export type MessageType = keyof typeof MessageTable;
export type Payload<T extends MessageType> = z.infer<(typeof MessageTable)[T]['payload']>;

export const Envelope = z.strictObject({
  type: z.enum(Object.keys(MessageTable) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});

/** Every reply has this shape, so callers can show `error` as it is. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };
