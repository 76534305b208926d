/**
 * The lab page at build time: the published world's figures and verdict, rendered into the static
 * HTML (the page reads with JavaScript off, and shows the published world until the reader
 * regenerates). Runs the registry's queries, models and charts on the data step's DuckDB file.
 */
import { parseHTML } from 'linkedom';
import { openWorld } from '../db/world.ts';
import { runQuery } from '../db/run.ts';
import { FIGURES } from '../figures/registry.ts';
import { DEFAULTS } from '../state/params.ts';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';
import { verdict, type Verdict } from './verdict.ts';
import type { ScoreboardModel } from '../figures/scoreboard.ts';

export const LAB_FIGURES = ['scoreboard', 'budget'] as const;
export type LabFigureName = (typeof LAB_FIGURES)[number];

export interface LabRendered {
  svg: string;
  live: Record<string, string>;
  summary: { head: string[]; rows: (string | number)[][] };
}

/** Every lab figure and the verdict for the published world, with the default parameters. */
export async function labAtBuild(): Promise<{ figures: Record<LabFigureName, LabRendered>; verdict: Verdict }> {
  const engine = await openWorld();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figures = {} as Record<LabFigureName, LabRendered>;
  let board: Verdict | null = null;
  for (const name of LAB_FIGURES) {
    const figure = FIGURES[name];
    const runs = await Promise.all(figure.queries.map((q) => runQuery(engine, q, DEFAULTS)));
    const model = figure.model(runs.map((r) => r.frame), DEFAULTS, { intervals: true });
    const svg = figure.chart(model, { width: 720, document: document as unknown as Document }).outerHTML;
    figures[name] = { svg, live: figure.live(model), summary: figure.summary(model) };
    if (name === 'scoreboard') board = verdict((model as ScoreboardModel).rows, Math.max(DEFAULT_PARAMS.relevanceEffect, DEFAULT_PARAMS.relevancePurchaseEffect));
  }
  return { figures, verdict: board! };
}
