/** `GET /v1/sources?url=`: incidents and submissions already citing a canonical URL (duplicate check at clip time). */
import { createRoute, z } from '@hono/zod-openapi';
import { SourcesLookup } from '../../src/core/contract.ts';
import { findBySourceUrl } from '../submissions.ts';
import { storableText } from '../text-check.ts';
import { BEARER, errorResponses, type App, type RouteDeps } from './common.ts';

const route = createRoute({
  method: 'get',
  path: '/v1/sources',
  summary: 'Incidents and pending submissions whose sources cite this canonical URL',
  security: BEARER,
  request: {
    query: z.object({
      url: z.url({ protocol: /^https?$/ }).max(4_000).refine(...storableText).meta({ description: 'The canonical URL of the page', example: 'https://openai.com/index/example' }),
    }),
  },
  responses: {
    200: { description: 'Matches, oldest first (rejected submissions are left out; another editor\'s pending submission has no id or title)', content: { 'application/json': { schema: SourcesLookup } } },
    ...errorResponses(400, 401, 429),
  },
});

export function registerSources(app: App, { db }: RouteDeps): void {
  app.openapi(route, async (c) => c.json(await findBySourceUrl(db, c.var.user, c.req.valid('query').url), 200));
}
