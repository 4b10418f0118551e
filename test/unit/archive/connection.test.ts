import { describe, expect, it } from 'vitest';
import { testConnection } from '../../../src/archive/connection.ts';
import { jsonResponse, scriptedFetch } from '../support/fixtures.ts';

const me = { archive: 'incident-archive', apiVersion: 'v1', user: { id: 'u1', name: 'Edith', role: 'editor' } };

async function verdict(reply: () => Response | Promise<Response>, url = 'http://archive.test/', token = 'tok') {
  const { impl, sent } = scriptedFetch([reply]);
  return { result: await testConnection(url, token, impl), sent };
}

describe('Test connection', () => {
  it('names the user and role when the archive accepts the token', async () => {
    const { result, sent } = await verdict(() => jsonResponse(200, me));
    expect(result).toEqual({ ok: true, message: 'Connected to the archive as Edith (editor).' });
    expect(sent[0]!.url).toBe('http://archive.test/v1/me');
    expect((sent[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('says the archive is unreachable when nothing answers', async () => {
    const { result } = await verdict(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Cannot reach the archive at http:\/\/archive\.test .*Check the address/);
  });

  it('says the token is bad on 401', async () => {
    const { result } = await verdict(() => jsonResponse(401, { error: { code: 'unauthorized', message: 'bad token', fields: [] } }));
    expect(result).toEqual({ ok: false, message: 'The archive rejected this token. Check it, or create a new one.' });
  });

  it('says it is not an archive when a web page answers', async () => {
    const page = await verdict(() => new Response('<html>Welcome to nginx</html>', { status: 200 }));
    expect(page.result.message).toMatch(/answered, but it is not an incident archive \(HTTP 200\)/);
    const notFound = await verdict(() => new Response('Not Found', { status: 404 }));
    expect(notFound.result.message).toMatch(/not an incident archive \(HTTP 404\)/);
    const otherJson = await verdict(() => jsonResponse(200, { hello: 'world' }));
    expect(otherJson.result.message).toMatch(/not an incident archive/);
  });

  it('checks the address and token before sending anything', async () => {
    const { impl, sent } = scriptedFetch([]);
    expect((await testConnection('javascript:alert(1)', 'tok', impl)).message).toBe('Enter the archive address as an http:// or https:// URL.');
    expect((await testConnection('http://archive.test', '  ', impl)).message).toMatch(/Enter your API token/);
    expect(sent).toHaveLength(0);
  });
});
