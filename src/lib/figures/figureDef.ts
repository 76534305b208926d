/**
 * What a figure of the report is, as a client (in Mosaic's sense): the queries it declares, the
 * parameters it listens to, how it turns rows into a model, live numbers and a chart. Each figure's
 * file exports its definition; registry.ts lists them.
 */
import type { Frame } from '../data/frame.ts';
import type { QueryName } from '../../sql/catalog.ts';
import type { ParamName, ParamValues } from '../state/params.ts';
import type { ChartOptions } from '../charts/scoreVsConversions.ts';

export interface FigureDef<M = unknown> {
  title: string;
  /** The queries it runs (in parallel); the first one's rows are what "download rows" gives unless `rows` or `download` says otherwise. */
  queries: QueryName[];
  /** A query whose rows the download gives, run at the click with the figure's parameters (for rows the chart does not need). */
  download?: QueryName;
  /** The parameters it has controls for. */
  params: ParamName[];
  /** Further parameters its queries or model depend on, set by controls elsewhere on the page. */
  uses?: ParamName[];
  model(frames: Frame[], params: ParamValues, options: { intervals: boolean }): M;
  /** The rows behind the chart, for the CSV download (default: the first query's rows). */
  rows?(model: M): Frame;
  live(model: M): Record<string, string>;
  chart(model: M, options: ChartOptions): Element;
  /** A short table that says what the chart shows, for screen readers and as a text alternative. */
  summary(model: M): { head: string[]; rows: (string | number)[][] };
}

/** The score's weights, which most figures re-run on. */
export const WEIGHTS: ParamName[] = ['w_followers', 'w_reactions', 'w_reactors'];

/** Every parameter a figure's output depends on: its own controls and those it uses from elsewhere. */
export const dependencies = (figure: FigureDef<any>): ParamName[] => [...figure.params, ...(figure.uses ?? [])];
