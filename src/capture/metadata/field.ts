/** A value read off a page, with where it was found. */
export interface Field {
  value: string;
  source: string;
}

/** The first candidate that finds a non-blank value; later candidates are not run. */
export function firstField(...candidates: (() => Field | undefined)[]): Field | undefined {
  for (const candidate of candidates) {
    const found = candidate();
    if (found && found.value.trim()) return found;
  }
  return undefined;
}

export const mapField = (value: string | undefined, source: string): Field | undefined => (value ? { value, source } : undefined);
