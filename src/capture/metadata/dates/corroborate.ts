/**
 * When the page's machine-readable publication dates disagree (JSON-LD says the 3rd, the
 * `article:published_time` meta the 6th), the one a reader can also see printed on the page wins,
 * as htmldate prefers dates found in several places. Agreement, or no printed twin, keeps the
 * cascade's choice.
 */
export interface Candidate {
  day: string;
  source: string;
  raw?: string;
}

export function corroborated<T extends Candidate>(found: T, alternatives: (T | undefined)[], shownDays: () => Set<string>): T {
  const others = alternatives.filter((other): other is T => other !== undefined && other.day !== found.day);
  if (others.length === 0) return found;
  const shown = shownDays();
  if (shown.has(found.day)) return found;
  const confirmed = others.find((other) => shown.has(other.day));
  return confirmed ? { ...confirmed, source: `${confirmed.source} (shown on page)` } : found;
}
