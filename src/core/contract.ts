/**
 * The archive API contract (`/v1`), shared by the extension's client and the reference server.
 * The server generates its OpenAPI document from these schemas.
 */
import { z } from 'zod';
import { ENTRY_CONTENT, IsoDateTime, IsoDay, Severity } from './draft.ts';

export const API_VERSION = 'v1';

export const ErrorField = z.object({ path: z.string(), message: z.string() });
export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(ErrorField).default([]),
    }),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof ApiError>;

export const TaxonomyCode = z.object({
  code: z.string(),
  label: z.string(),
  group: z.string().optional(),
  description: z.string().optional(),
});
export const Provider = z.object({
  name: z.string(),
  /** Registrable domains that belong to the provider, used to guess it from a source URL. */
  domains: z.array(z.string()).default([]),
});
export const SeverityLevel = z.object({
  level: Severity,
  label: z.string(),
  definition: z.string(),
});
/**
 * What an entry must have before the archive takes it for review, named as the extension's readiness
 * checklist names its checks. A title and one quoted source are always needed (the submission schema).
 */
export const SUBMIT_REQUIREMENTS = ['title', 'quotedSource', 'severity', 'code', 'provider', 'summary', 'rationale', 'counterfactual', 'announcementDate'] as const;
export const SubmitRequirement = z.enum(SUBMIT_REQUIREMENTS);
export type SubmitRequirement = z.infer<typeof SubmitRequirement>;

export const Taxonomy = z
  .object({
    version: z.string(),
    codes: z.array(TaxonomyCode),
    providers: z.array(Provider),
    severities: z.array(SeverityLevel),
    /**
     * Older archives (and caches of their answer) do not say: then only the schema's own needs apply. A name
     * this extension does not know (a newer archive's) is kept but not checked here; the archive still is.
     */
    requiredToSubmit: z
      .array(z.string().max(100))
      .max(50)
      .default([])
      .meta({ description: `What a draft needs before it is submitted, among: ${SUBMIT_REQUIREMENTS.join(', ')}.` }),
  })
  .meta({ id: 'Taxonomy' });
export type Taxonomy = z.infer<typeof Taxonomy>;

export const Role = z.enum(['editor', 'reviewer']);
export type Role = z.infer<typeof Role>;

export const Me = z
  .object({
    archive: z.literal('incident-archive'),
    apiVersion: z.literal(API_VERSION),
    user: z.object({ id: z.string(), name: z.string(), role: Role }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const SubmissionSource = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(4_000),
  /** As found in the address bar; like `url`, only http(s): a `javascript:` or `file:` link must never reach a reader. */
  originalUrl: z.url({ protocol: /^https?$/ }).max(8_000).optional(),
  title: z.string().max(2_000).optional(),
  publisher: z.string().max(500).optional(),
  authors: z.array(z.string().max(300)).max(50).default([]),
  publishedDate: IsoDay.optional(),
  accessedAt: IsoDateTime.optional(),
  quotes: z.array(z.string().min(1).max(20_000)).min(1).max(100),
});
export type SubmissionSource = z.infer<typeof SubmissionSource>;

export const SubmissionRequest = z
  .strictObject({
    draftId: z.uuid(),
    title: z.string().trim().min(1).max(500),
    ...ENTRY_CONTENT,
    sources: z.array(SubmissionSource).min(1).max(100),
  })
  .meta({ id: 'SubmissionRequest' });
export type SubmissionRequest = z.input<typeof SubmissionRequest>;

export const SubmissionStatus = z.enum(['received', 'accepted', 'rejected']);

export const Submission = z
  .object({
    id: z.string(),
    draftId: z.uuid(),
    status: SubmissionStatus,
    /** The archive's own id for the entry, e.g. `AIID-000042`, once accepted. */
    archiveId: z.string().nullable(),
    title: z.string(),
    receivedAt: IsoDateTime,
  })
  .meta({ id: 'Submission' });
export type Submission = z.infer<typeof Submission>;

/**
 * One archive record citing a URL. Accepted incidents are public within the archive; a pending
 * submission is shown in full to its author and to reviewers, and to other editors only as
 * "one exists" (`id` and `title` null), so a working title never leaks between editors.
 */
export const SourceMatch = z.object({
  kind: z.enum(['incident', 'submission']),
  id: z.string().nullable(),
  archiveId: z.string().nullable(),
  title: z.string().nullable(),
  receivedAt: IsoDateTime,
});
export const SourcesLookup = z
  .object({ url: z.string(), matches: z.array(SourceMatch) })
  .meta({ id: 'SourcesLookup' });
export type SourcesLookup = z.infer<typeof SourcesLookup>;

/** Request header that makes `POST /v1/submissions` safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Accepted forms of the `Idempotency-Key` header value: a UUID, or an opaque token of 8-200 safe characters. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9._:~-]+$/, 'Use a UUID or 8-200 letters, digits and ._:~-');

/** `POST /v1/users` (reviewer role): creates a user and issues its first token. */
export const CreateUserRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    role: Role,
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const CreatedUser = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    /** Shown once; the archive keeps only its SHA-256. */
    token: z.string(),
  })
  .meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof CreatedUser>;
