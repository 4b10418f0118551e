import { render, type VNode } from 'preact';
/** A fetch that answers review requests by method and path from handlers the test sets, and records them. */
import { ReviewClient } from '../../../../src/archive/review-client.ts';
import type { ReviewSession } from '../../../../src/ui/review/review-session.ts';
import { jsonResponse } from '../../support/fixtures.ts';

export type Handler = (body: unknown, url: URL) => Response;

export function fakeArchive(handlers: Record<string, Handler>) {
  const sent: { route: string; url: URL; body: unknown }[] = [];
  const impl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const route = `${init.method ?? 'GET'} ${url.pathname}`;
    const body = init.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    sent.push({ route, url, body });
    const handler = handlers[route];
    return handler ? handler(body, url) : jsonResponse(404, { error: { code: 'not_found', message: `no route ${route}`, fields: [] } });
  }) as typeof fetch;
  const session: Extract<ReviewSession, { status: 'ready' }> = {
    status: 'ready',
    client: new ReviewClient('http://archive.test', 'tok', impl),
    user: { id: 'u-reviewer', name: 'Rita', role: 'reviewer' },
  };
  return { session, sent, handlers, posted: (route: string) => sent.filter((s) => s.route === route).map((s) => s.body) };
}

/** Renders into a fresh element of the page; `unmount` takes it away again. */
export function mount(vnode: VNode) {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return { root, unmount: () => (render(null, root), root.remove()) };
}
