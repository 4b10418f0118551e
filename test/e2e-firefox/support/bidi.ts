/** A small WebDriver BiDi client over one websocket: commands answered by id, events to listeners. */
import WebSocket from 'ws';

export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

interface Reply {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
  method?: string;
  params?: Record<string, unknown>;
}

export interface BidiSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  onEvent(listener: (event: BidiEvent) => void): () => void;
  close(): void;
}

export async function connectBidi(url: string): Promise<BidiSession> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let lastId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();
  const listeners = new Set<(event: BidiEvent) => void>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.type === 'event' && reply.method) {
      for (const listener of listeners) listener({ method: reply.method, params: reply.params ?? {} });
      return;
    }
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id!);
    if (reply.type === 'error') waiting.reject(new Error(`${waiting.method}: ${reply.error}: ${reply.message}`));
    else waiting.resolve(reply.result);
  });
  socket.on('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${waiting.method}: the browser closed the connection`));
    pending.clear();
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
