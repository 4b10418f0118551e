/** One benchmark figure, as written to bench/results.json. */
export interface Figure {
  value: number;
  unit: string;
}
export type Figures = Record<string, Figure>;

/** Each `bench/*.bench.ts` module exports `run`, which returns its figures. */
export interface BenchModule {
  run(): Promise<Figures>;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
