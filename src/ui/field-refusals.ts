/**
 * The archive's reason per field of a refused draft, handed down to the editor's fields. A module of its
 * own, free of the store, so the fields' first paint does not wait for the store's code.
 */
import { createContext } from 'preact';
import type { FieldPath } from '../workspace/field-paths.ts';
import type { PlacedRefusal } from '../workspace/refusal-fields.ts';

export type RefusalsByField = Partial<Record<FieldPath, string>>;

export const FieldRefusals = createContext<RefusalsByField>({});

export function refusalsByField(refusals: PlacedRefusal[]): RefusalsByField {
  const byField: RefusalsByField = {};
  for (const refusal of refusals) if (refusal.field) byField[refusal.field] = [byField[refusal.field], refusal.message].filter(Boolean).join(' ');
  return byField;
}
