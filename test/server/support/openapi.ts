/**
 * Checks real responses against the server's own OpenAPI 3.1 document: finds the operation for the
 * request, the documented response for the status, and validates the body with that JSON Schema
 * (converted by zod's `fromJSONSchema`, with `#/components/schemas/*` refs resolved as `$defs`).
 */
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', '#/$defs/') : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

export class OpenApiChecker {
  private readonly cache = new Map<string, z.ZodType>();
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(readonly doc: OpenApiDocument) {
    this.templates = Object.keys(doc.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** The documented path template for a concrete path, if any. */
  templateFor(pathname: string): string | undefined {
    return this.templates.find(({ pattern }) => pattern.test(pathname))?.template;
  }

  private schemaFor(key: string, schema: JsonSchema): z.ZodType {
    let zod = this.cache.get(key);
    if (!zod) {
      const defs = rewriteRefs(this.doc.components.schemas) as Record<string, JsonSchema>;
      zod = z.fromJSONSchema({ ...(rewriteRefs(schema) as JsonSchema), $defs: defs } as never, { defaultTarget: 'draft-2020-12' });
      this.cache.set(key, zod);
    }
    return zod;
  }

  /** Throws unless the response (status, JSON body) is one the document describes for this request. */
  check(method: string, pathname: string, status: number, body: unknown): void {
    const template = this.templateFor(pathname);
    let schema: JsonSchema;
    let key: string;
    if (!template || !this.doc.paths[template]?.[method.toLowerCase()]) {
      // Undocumented routes may only answer with the error shape.
      schema = { $ref: '#/components/schemas/Error' };
      key = 'Error';
    } else {
      const operation = this.doc.paths[template][method.toLowerCase()]!;
      const response = operation.responses[String(status)];
      if (!response) throw new Error(`${method} ${template} answered ${status}, which the OpenAPI document does not list`);
      const content = response.content?.['application/json'];
      if (!content) throw new Error(`${method} ${template} ${status} has no application/json schema in the OpenAPI document`);
      schema = content.schema;
      key = `${method} ${template} ${status}`;
    }
    const result = this.schemaFor(key, schema).safeParse(body);
    if (!result.success) {
      throw new Error(`${method} ${pathname} ${status}: body does not match the OpenAPI document: ${z.prettifyError(result.error)}\n${JSON.stringify(body)}`);
    }
  }
}
