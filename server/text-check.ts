/**
 * Refuses a NUL or an unpaired surrogate anywhere in a JSON body, before any handler passes it to the
 * database (which would fail with a 500, or store U+FFFD in its place). Path and query parameters are
 * checked by their route's schema (`storableText`), so a route that takes none still ignores them.
 */
import { createMiddleware } from 'hono/factory';
import { isStorableText, unstorablePaths } from '../src/core/text.ts';
import { ApiProblem } from './errors.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const UNSTORABLE_MESSAGE = 'Contains a NUL character (U+0000) or an unpaired surrogate, which the archive cannot store.';

/** A path or query parameter's string schema refinement: `z.string().refine(...storableText)`. */
export const storableText = [isStorableText, UNSTORABLE_MESSAGE] as const;

async function jsonBody(request: { header(name: string): string | undefined; json(): Promise<unknown> }): Promise<unknown> {
  const mediaType = request.header('content-type')?.split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) return undefined;
  // Malformed JSON is left to the route's validator, which reports it (the body text is cached).
  return request.json().catch(() => undefined);
}

export const refuseUnstorableText = createMiddleware(async (c, next) => {
  const paths = c.req.method === 'GET' || c.req.method === 'HEAD' ? [] : unstorablePaths(await jsonBody(c.req));
  if (paths.length > 0) {
    throw new ApiProblem(
      400,
      'validation_failed',
      'The request holds text the archive cannot store.',
      paths.map((path) => ({ path, message: UNSTORABLE_MESSAGE })),
    );
  }
  await next();
});
