/**
 * The lab page at build time: the published world's figures and verdict, rendered into the static
 * HTML (the page reads with JavaScript off, and shows the published world until the reader
 * regenerates). Runs the registry's queries, models and charts on the data step's DuckDB file.
 */
import { openWorld } from '../db/world.ts';
import { runOnce } from '../client/runOnce.ts';
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
  const figures = {} as Record<LabFigureName, LabRendered>;
  let board: Verdict | null = null;
  for (const name of LAB_FIGURES) {
    const figure = FIGURES[name];
    const { model, live, summary, svg } = await runOnce(figure, DEFAULTS, engine);
    figures[name] = { svg: svg(720), live, summary };
    if (name === 'scoreboard') board = verdict((model as ScoreboardModel).rows, Math.max(DEFAULT_PARAMS.relevanceEffect, DEFAULT_PARAMS.relevancePurchaseEffect));
  }
  return { figures, verdict: board! };
}
