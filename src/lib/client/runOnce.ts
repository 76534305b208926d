/**
 * A figure run once, outside the page: its queries on the given engine (DuckDB for Node at build
 * time), its model with the intervals, and what the static HTML carries. Pre-rendering and the
 * lab's build step both call this, so the build runs the same client the browser does.
 */
import { parseHTML } from 'linkedom';
import type { Engine } from '../db/engine.ts';
import { runQuery, type QueryRun } from '../db/run.ts';
import type { FigureDef } from '../figures/registry.ts';
import type { ParamValues } from '../state/params.ts';

export interface RunOnce<M> {
  runs: QueryRun[];
  model: M;
  live: Record<string, string>;
  summary: { head: string[]; rows: (string | number)[][] };
  /** The chart's SVG markup at a width. */
  svg(width: number): string;
}

export async function runOnce<M>(figure: FigureDef<M>, defaults: ParamValues, engine: Engine): Promise<RunOnce<M>> {
  const runs = await Promise.all(figure.queries.map((q) => runQuery(engine, q, defaults)));
  const model = figure.model(
    runs.map((r) => r.frame),
    defaults,
    { intervals: true },
  );
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = (width: number) => figure.chart(model, { width, document: document as unknown as Document }).outerHTML;
  return { runs, model, live: figure.live(model), summary: figure.summary(model), svg };
}
