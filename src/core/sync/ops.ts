/**
 * Sync operations: what a device sends the archive, one edit each. Every op names its draft and carries
 * the client's sequence number; edits to one field carry what they were edited from (a base revision, or
 * the base text for long texts), so the archive can tell a concurrent change from a stale one.
 */
import { z } from 'zod';
import { Clip, IsoDay, ReviewState, Severity, Source } from '../draft.ts';

/** Fields holding one value: a concurrent different value is a conflict, never a silent overwrite. */
export const SINGLE_FIELDS = ['title', 'severity', 'announcementDate', 'incidentDate', 'reviewState'] as const;
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** Long free text, merged three-way (src/core/text-merge.ts). */
export const TEXT_FIELDS = ['summary', 'rationale', 'counterfactual', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Lists edited by adding and removing items, never replaced whole. */
export const LIST_FIELDS = ['codes', 'providers', 'tags', 'deployers', 'harmedParties'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** What each single-value field may hold; `null` clears an optional one. */
export const SINGLE_VALUE: Record<SingleField, z.ZodType> = {
  title: z.string().max(500),
  severity: Severity.nullable(),
  announcementDate: IsoDay.nullable(),
  incidentDate: IsoDay.nullable(),
  reviewState: ReviewState,
};

export const TEXT_LIMIT: Record<TextField, number> = { summary: 50_000, rationale: 50_000, counterfactual: 50_000, notes: 200_000 };

export const LIST_LIMIT: Record<ListField, { items: number; chars: number }> = {
  codes: { items: 200, chars: 50 },
  providers: { items: 100, chars: 200 },
  tags: { items: 100, chars: 100 },
  deployers: { items: 100, chars: 200 },
  harmedParties: { items: 100, chars: 200 },
};

/**
 * The fields an op sets, each optional and without its default: `.partial()` keeps defaults, so a partial
 * edit would otherwise reset every field it does not name.
 */
function someOf<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, ((schema instanceof z.ZodDefault ? schema.unwrap() : schema) as z.ZodType).optional()]));
  return z.strictObject(fields) as unknown as z.ZodType<{ [K in keyof Shape]?: z.output<Shape[K]> }>;
}

/** A source row's fields (all but its id); an op sends the ones it sets. */
export const SourceValues = someOf(Source.omit({ id: true }).shape);
export type SourceValues = z.infer<typeof SourceValues>;
/**
 * A quote row's fields (all but its id); its source is one of them. A quote's URL is its source's: the
 * `url` that devices before that sent is accepted and dropped.
 */
export const QuoteValues = someOf({ ...Clip.omit({ id: true }).shape, url: z.string().meta({ deprecated: true, description: "Ignored: a quote's page is its source's." }) }).transform(({ url: _url, ...values }) => values);
export type QuoteValues = z.infer<typeof QuoteValues>;

/** The version of the draft the edit was made on (0 for a draft the device has never pulled). */
const BaseRev = z.number().int().nonnegative();
/**
 * Optional: the value(s) the device showed when the edit was made. A field still holding that value takes
 * the edit even if another device wrote it meanwhile (it wrote the same thing), as a compare-and-set would.
 */
const BaseValue = z.unknown().optional();
const BaseValues = z.record(z.string(), z.unknown()).optional();
const Envelope = { seq: z.number().int().positive(), opId: z.uuid(), draftId: z.uuid() };

const textValue = z.string().max(200_000);
const listItem = z.string().min(1).max(200);

export const SyncOp = z
  .discriminatedUnion('type', [
    z.strictObject({
      ...Envelope,
      type: z.literal('create'),
      /** The draft's first values; on a draft that exists already (a second device, an import) each counts as an edit from nothing. */
      title: z.string().max(500).optional(),
      severity: Severity.optional(),
      announcementDate: IsoDay.optional(),
      incidentDate: IsoDay.optional(),
      texts: z.partialRecord(z.enum(TEXT_FIELDS), textValue).optional(),
      lists: z.partialRecord(z.enum(LIST_FIELDS), z.array(listItem).max(200)).optional(),
    }),
    z.strictObject({ ...Envelope, type: z.literal('set'), field: z.enum(SINGLE_FIELDS), value: z.unknown(), baseRev: BaseRev, base: BaseValue }),
    z.strictObject({
      ...Envelope,
      type: z.literal('list'),
      field: z.enum(LIST_FIELDS),
      add: z.array(listItem).max(200).default([]),
      remove: z.array(listItem).max(200).default([]),
    }),
    z.strictObject({ ...Envelope, type: z.literal('text'), field: z.enum(TEXT_FIELDS), base: textValue, value: textValue }),
    z.strictObject({ ...Envelope, type: z.literal('putSource'), sourceId: z.uuid(), values: SourceValues, baseRev: BaseRev, base: BaseValues }),
    z.strictObject({ ...Envelope, type: z.literal('removeSource'), sourceId: z.uuid(), baseRev: BaseRev }),
    z.strictObject({ ...Envelope, type: z.literal('putQuote'), quoteId: z.uuid(), values: QuoteValues, baseRev: BaseRev, base: BaseValues }),
    z.strictObject({ ...Envelope, type: z.literal('removeQuote'), quoteId: z.uuid(), baseRev: BaseRev }),
    z.strictObject({
      ...Envelope,
      type: z.literal('resolve'),
      conflictId: z.string().min(1).max(200),
      /** The value the person chose (a field or text conflict); applied like an edit from `baseRev` or `base`. */
      value: z.unknown().optional(),
      /** What the person saw: the text (a text conflict) or the field's value (others). */
      base: z.unknown().optional(),
      baseRev: BaseRev.default(0),
      /** For a deleted row: bring it back with the edit that was kept (true) or leave it deleted (false). */
      restore: z.boolean().optional(),
    }),
  ])
  .meta({ id: 'SyncOp' });
export type SyncOp = z.infer<typeof SyncOp>;
export type SyncOpInput = z.input<typeof SyncOp>;

export const OP_STATUSES = ['applied', 'merged', 'conflict', 'rejected'] as const;
export const OpStatus = z.enum(OP_STATUSES);
export type OpStatus = z.infer<typeof OpStatus>;

export const OpResult = z
  .object({
    seq: z.number().int().positive(),
    status: OpStatus,
    /** Why an op was rejected (`forbidden`, `unknown_draft`, `invalid_op: …`); it is acknowledged and never retried. */
    reason: z.string().optional(),
  })
  .meta({ id: 'SyncOpResult' });
export type OpResult = z.infer<typeof OpResult>;

/** An op as an edit makes it, before the outbox gives it its seq and id. */
export type OpBody = SyncOpInput extends infer Op ? (Op extends unknown ? Omit<Op, 'seq' | 'opId'> : never) : never;
