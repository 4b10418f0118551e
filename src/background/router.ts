/** Parses every runtime message and checks who sent it before any handler runs. */
import type { Runtime } from 'webextension-polyfill';
import { Envelope, MessageTable, type MessageType, type Payload, type Reply } from '../messages.ts';

export type Handlers = {
  [T in MessageType]: (payload: Payload<T>, sender: Runtime.MessageSender) => Promise<Reply>;
};

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/** Extension pages have our origin; content scripts run in a tab on some web page. */
export function senderKind(sender: Runtime.MessageSender, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return 'foreign';
}

export function createRouter(handlers: Handlers, runtimeId: string, extensionOrigin: string) {
  return async (message: unknown, sender: Runtime.MessageSender): Promise<Reply> => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Unknown message.' };
    const type = envelope.data.type;
    const entry = MessageTable[type];
    if (senderKind(sender, runtimeId, extensionOrigin) !== entry.from) {
      return { ok: false, error: `Message ${type} is not accepted from this sender.` };
    }
    const payload = entry.payload.safeParse(envelope.data.payload);
    if (!payload.success) return { ok: false, error: `Malformed ${type} message.` };
    const handler = handlers[type] as (payload: unknown, sender: Runtime.MessageSender) => Promise<Reply>;
    try {
      return await handler(payload.data, sender);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
