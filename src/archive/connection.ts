/** "Test connection": one request to /v1/me, and a sentence that says what is wrong. */
import { ArchiveClient } from './client.ts';

export type ConnectionVerdict = { ok: true; message: string } | { ok: false; message: string };

export function normalizeArchiveUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

export async function testConnection(archiveUrl: string, token: string, fetchImpl?: typeof fetch): Promise<ConnectionVerdict> {
  const base = normalizeArchiveUrl(archiveUrl);
  if (!base) return { ok: false, message: 'Enter the archive address as an http:// or https:// URL.' };
  if (!token.trim()) return { ok: false, message: 'Enter your API token (ask an archive admin for one).' };
  const result = await new ArchiveClient(base, token.trim(), fetchImpl).me();
  if (result.ok) {
    const { name, role } = result.value.user;
    return { ok: true, message: `Connected to the archive as ${name} (${role}).` };
  }
  const failure = result.failure;
  switch (failure.kind) {
    case 'network':
      return { ok: false, message: `${failure.message} Check the address and that the archive is running.` };
    case 'malformed':
      return { ok: false, message: `${base} answered, but it is not an incident archive (HTTP ${failure.status}). Check the address.` };
    case 'http':
      if (failure.status === 401) return { ok: false, message: 'The archive rejected this token. Check it, or create a new one.' };
      if (failure.status === 403) return { ok: false, message: 'This token may not use the archive API.' };
      if (failure.status === 404) return { ok: false, message: `${base} answered, but it is not an incident archive (no /v1/me).` };
      return { ok: false, message: `The archive answered HTTP ${failure.status}: ${failure.message}` };
  }
}
