/** Serves the saved fixture pages on 127.0.0.1, so the extension clips from a real http origin. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { FIXTURE_PAGES } from './paths.ts';

export interface FixtureServer {
  origin: string;
  url(page: string): string;
  /** Serves `html` at `/page` instead of the saved file, e.g. an edited version of a page. */
  override(page: string, html: string | null): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const overrides = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname);
    const overridden = overrides.get(name);
    const body = overridden === undefined ? readFile(path.join(FIXTURE_PAGES, name), 'utf8') : Promise.resolve(overridden);
    body.then(
      (html) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(html);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}/${page}`,
    override: (page, html) => (html === null ? overrides.delete(page) : overrides.set(page, html)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
