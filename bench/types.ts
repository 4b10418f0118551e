/**
 * One benchmark figure, as written to bench/results.json. A timed figure carries a baseline measured in
 * the same run on the same machine (the same work without the product: bare IndexedDB puts, a bare INSERT,
 * an empty page) and their ratio, because these machines differ from one another by 1.5 to 2 times.
 */
export interface Figure {
  value: number;
  unit: string;
  baseline?: Baseline;
  /** value / baseline.value, rounded to two places. */
  ratio?: number;
  /** What the ratio (or the value, where it says so) should be, e.g. "≤ 1.5×". */
  aim?: string;
}

export interface Baseline {
  value: number;
  /** What was measured, in a few words: "bare IndexedDB puts of the same 10,000 rows". */
  what: string;
}

export type Figures = Record<string, Figure>;

/** Each `bench/*.bench.ts` module exports `run`, which returns its figures. */
export interface BenchModule {
  run(): Promise<Figures>;
}

/** A timed figure beside its same-run baseline: `compared(812, 'ms', { value: 540, what: '…' }, '≤ 1.5×')`. */
export function compared(value: number, unit: string, baseline: Baseline, aim?: string): Figure {
  const ratio = baseline.value > 0 ? round(value / baseline.value, 2) : Number.NaN;
  return { value, unit, baseline, ratio, ...(aim ? { aim } : {}) };
}

/** Milliseconds one synchronous run of `work` takes. */
export function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
