/** `GET /v1/taxonomy` (public): codes, providers with domains, severities and what a submission needs, as seeded by migrations. */
import { createRoute } from '@hono/zod-openapi';
import { Taxonomy } from '../../src/core/contract.ts';
import type { Queryable } from '../db/index.ts';
import type { App, RouteDeps } from './common.ts';

export async function loadTaxonomy(db: Queryable): Promise<Taxonomy> {
  const [meta] = await db.query<{ version: string }>('select version from taxonomy_meta');
  const codes = await db.query<{ code: string; label: string; group: string; description: string | null }>(
    'select code, label, group_name as "group", description from taxonomy_codes order by position',
  );
  const providers = await db.query<{ name: string; domains: string[] | null }>(
    `select p.name, array_remove(array_agg(d.domain order by d.position), null) as domains
     from providers p left join provider_domains d on d.provider = p.name
     group by p.name, p.position order by p.position`,
  );
  const severities = await db.query<{ level: Taxonomy['severities'][number]['level']; label: string; definition: string }>(
    'select level, label, definition from severities order by level',
  );
  const required = await db.query<{ requirement: string }>('select requirement from submit_requirements order by position');
  return Taxonomy.parse({
    version: meta?.version ?? '0',
    codes: codes.map(({ description, ...code }) => (description === null ? code : { ...code, description })),
    providers: providers.map((provider) => ({ name: provider.name, domains: provider.domains ?? [] })),
    severities,
    requiredToSubmit: required.map((row) => row.requirement),
  });
}

const route = createRoute({
  method: 'get',
  path: '/v1/taxonomy',
  summary: 'The archive\'s classification codes, providers, severities and what it requires to submit (no token needed)',
  responses: {
    200: { description: 'The taxonomy', content: { 'application/json': { schema: Taxonomy } } },
  },
});

export function registerTaxonomy(app: App, { db }: RouteDeps): void {
  // The taxonomy changes only through migrations, which run before the server listens.
  let cached: Promise<Taxonomy> | null = null;
  app.openapi(route, async (c) => {
    cached ??= loadTaxonomy(db).catch((error: unknown) => {
      cached = null;
      throw error;
    });
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await cached, 200);
  });
}
