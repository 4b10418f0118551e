/** Extension pages talk to the worker through this one typed function. */
import { browser } from '../extension-api.ts';
import type { MessageType, Payload, Reply } from '../messages.ts';

export async function send<T = unknown>(type: MessageType, payload: Payload<typeof type>): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'The extension did not answer. Reload it and try again.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
