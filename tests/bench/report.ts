/** The benchmark's figures: their units and QUALITY.md goals (lower is better), statistics and the printed table. */

export interface Row {
  name: string;
  unit: string;
  median: number | null;
  p95: number | null;
  /** QUALITY.md's goal for the median, lower is better; null where there is none (or higher is better). */
  goal: number | null;
  /** The goal as QUALITY.md words it, for the printed table. */
  goalText: string;
  samples: number;
}

interface Spec {
  unit: string;
  goal: number | null;
  goalText?: string;
  /** A goal on the 95th percentile too. */
  p95Goal?: number;
  /** Higher is better (Lighthouse scores). */
  atLeast?: number;
}

/** In the order of QUALITY.md's table, then what helps read it. */
export const FIGURES: Record<string, Spec> = {
  'first chart painted': { unit: 'ms', goal: 300 },
  'critical-path JavaScript (gzip)': { unit: 'KB', goal: 50 },
  'engine ready after first interaction': { unit: 'ms', goal: 1200 },
  'first interaction → first live chart': { unit: 'ms', goal: 1000 },
  'first interaction → first live chart, large world': { unit: 'ms', goal: 3000 },
  'slider → updated chart and prose': { unit: 'ms', goal: 16, p95Goal: 33, goalText: '≤ 16 (p95 ≤ 33)' },
  'slider → updated table while a 5 s SQL-cell query runs': { unit: 'ms', goal: 16, p95Goal: 33, goalText: '≤ 16 (p95 ≤ 33)' },
  'slider → updated chart, 100k accounts / 1M placements': { unit: 'ms', goal: 25, p95Goal: 50, goalText: '≤ 25 (p95 ≤ 50)' },
  'slider released → chart, prose and intervals': { unit: 'ms', goal: 300 },
  'scoring SQL, DuckDB-WASM ÷ DuckDB on Node': { unit: '×', goal: 3 },
  'download of 1M filtered rows to Parquet': { unit: 'ms', goal: 2000 },
  'full build (data + site)': { unit: 's', goal: 60 },
  'lab: regenerate the world': { unit: 'ms', goal: 1500 },
  'break-even sweep in the data step (uncached)': { unit: 's', goal: 20 },
  'break-even sweep in the data step (cached)': { unit: 's', goal: null },
  'lab: sweep one assumption (relevance effect, 10 worlds)': { unit: 's', goal: 30 },
  'lab: longest main-thread task during a regeneration': { unit: 'ms', goal: 50 },
  'your data: a 1M-row, ~100 MB export loaded, mapped and analysed': { unit: 's', goal: 10 },
  'Lighthouse mobile: performance': { unit: 'score', goal: null, atLeast: 95 },
  'Lighthouse mobile: accessibility': { unit: 'score', goal: null, atLeast: 100 },
  'Lighthouse mobile: best practices': { unit: 'score', goal: null, atLeast: 100 },
  'Lighthouse mobile: SEO': { unit: 'score', goal: null, atLeast: 100 },
  'Lighthouse desktop: performance': { unit: 'score', goal: null, atLeast: 95 },
  'Lighthouse desktop: accessibility': { unit: 'score', goal: null, atLeast: 100 },
  'Lighthouse desktop: best practices': { unit: 'score', goal: null, atLeast: 100 },
  'Lighthouse desktop: SEO': { unit: 'score', goal: null, atLeast: 100 },
  'first contentful paint': { unit: 'ms', goal: null },
  'largest contentful paint': { unit: 'ms', goal: null },
  'first chart painted, HTML without the scatter dots': { unit: 'ms', goal: null },
  'first contentful paint, HTML without the scatter dots': { unit: 'ms', goal: null },
  'slider → updated table (explore), nothing else running': { unit: 'ms', goal: null },
  'slider jump → updated chart and prose': { unit: 'ms', goal: null },
  'slider jump → updated chart, 1M placements': { unit: 'ms', goal: null },
  'slider released → chart and intervals, 1M placements': { unit: 'ms', goal: null },
  'scoring SQL, WASM ÷ Node, 1M placements': { unit: '×', goal: null },
  'your data: 1M rows read and parsed in the worker': { unit: 's', goal: null },
  'your data: 1M rows mapped, typed and analysed': { unit: 's', goal: null },
  'your data: longest main-thread task during the 1M-row load': { unit: 'ms', goal: null },
};

/** Median (mean of the middle two for an even count); null for no values. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** 95th percentile, nearest rank. */
export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

const round = (v: number, unit: string) => (unit === 'ms' ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100);

/** Rows for every figure in FIGURES order (n/a where a figure was not measured); ratio figures carry [median, p95] as given. */
export function figureRows(results: Map<string, number[]>): Row[] {
  return Object.entries(FIGURES).map(([name, spec]) => {
    const xs = results.get(name) ?? [];
    const ratio = spec.unit === '×' && xs.length === 2;
    const med = xs.length ? round(ratio ? xs[0] : median(xs), spec.unit) : null;
    const p = xs.length ? round(ratio ? xs[1] : p95(xs), spec.unit) : null;
    const goalText = spec.goalText ?? (spec.atLeast !== undefined ? `≥ ${spec.atLeast}` : spec.goal !== null ? `≤ ${spec.goal}` : '');
    return { name, unit: spec.unit, median: med, p95: p, goal: spec.goal, goalText, samples: ratio ? 1 : xs.length };
  });
}

/** Whether a row meets its goal ('' where it has none). */
export function verdict(row: Row): string {
  const spec = FIGURES[row.name];
  if (row.median === null) return spec.goal !== null || spec.atLeast !== undefined ? 'n/a' : '';
  if (spec.atLeast !== undefined) return row.median >= spec.atLeast ? 'meets' : 'MISSES';
  if (spec.goal === null) return '';
  const ok = row.median <= spec.goal && (spec.p95Goal === undefined || (row.p95 ?? Infinity) <= spec.p95Goal);
  return ok ? 'meets' : 'MISSES';
}

export function printTable(rows: Row[], runs: number): void {
  const head = ['figure', 'unit', 'median', 'p95', 'goal', '', 'n'];
  const body = rows.map((r) => [r.name, r.unit, r.median === null ? 'n/a' : String(r.median), r.p95 === null ? 'n/a' : String(r.p95), r.goalText, verdict(r), String(r.samples)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(`\nInfluence This benchmark: ${runs} runs, headless Chromium, 127.0.0.1, compressed assets\n`);
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  console.log('');
}
