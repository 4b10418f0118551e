/** "Test connection": one request to /v1/me, and a sentence that says what is wrong. */
import { ArchiveClient } from './client.ts';
import { t } from '../i18n/i18n.ts';

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
  if (!base) return { ok: false, message: t('connection_bad_url') };
  if (!token.trim()) return { ok: false, message: t('connection_no_token') };
  const result = await new ArchiveClient(base, token.trim(), fetchImpl).me();
  if (result.ok) {
    const { name, role } = result.value.user;
    return { ok: true, message: t('connection_ok', name, role) };
  }
  const failure = result.failure;
  switch (failure.kind) {
    case 'network':
      return { ok: false, message: t('connection_unreachable', failure.message) };
    case 'malformed':
      return { ok: false, message: t('connection_not_archive_status', base, failure.status) };
    case 'http':
      if (failure.status === 401) return { ok: false, message: t('connection_token_rejected') };
      if (failure.status === 403) return { ok: false, message: t('connection_token_forbidden') };
      if (failure.status === 404) return { ok: false, message: t('connection_not_archive_no_me', base) };
      return { ok: false, message: t('connection_http_error', failure.status, failure.message) };
  }
}
