/**
 * The one table of reader-controlled parameters: URL key, default and range (or choices).
 * Every control, the pre-render and the URL go through it; a missing, garbled or out-of-range
 * value falls back to its default.
 */
import { snapToStep } from '../step.ts';
import { urlState, type UrlState } from '../client/url-state.ts';

export interface RangeSpec {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  default: number;
  /** How the control shows its value. */
  format?: 'weight' | 'usd' | 'count' | 'share';
}

export interface ChoiceSpec {
  key: string;
  label: string;
  choices: readonly { value: string; label: string }[];
  default: string;
}

export type ParamSpec = RangeSpec | ChoiceSpec;

/** The brands of the simulated world (data/sim/catalog.ts), as the reader can pick them. */
export const BRAND_CHOICES = [
  { value: 'taskwise', label: 'Taskwise (project-management software)' },
  { value: 'silver-lotus', label: 'Silver Lotus (yoga workshop for over-60s)' },
  { value: 'crown-and-confetti', label: 'Crown & Confetti (royal-wedding T-shirts)' },
  { value: 'voltra', label: 'Voltra (energy drink, mass market)' },
  { value: 'tuneloop', label: 'Tuneloop (music app, awareness)' },
] as const;

export const PARAMS = {
  w_followers: { key: 'wf', label: 'Weight of followers', min: 0, max: 2, step: 0.05, default: 1, format: 'weight' },
  w_reactions: { key: 'wr', label: 'Weight of reactions per post', min: 0, max: 2, step: 0.05, default: 0.5, format: 'weight' },
  w_reactors: { key: 'wu', label: 'Weight of selective reactions', min: 0, max: 2, step: 0.05, default: 0.5, format: 'weight' },
  brand: { key: 'brand', label: 'Brand', choices: BRAND_CHOICES, default: 'silver-lotus' },
  budget: { key: 'budget', label: 'Campaign budget', min: 1000, max: 200000, step: 1000, default: 20000, format: 'usd' },
  bought: { key: 'buy', label: 'Followers bought', min: 0, max: 2000000, step: 10000, default: 250000, format: 'count' },
  min_weeks: { key: 'mw', label: 'Weeks a topic must recur', min: 1, max: 8, step: 1, default: 3, format: 'count' },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
export type ParamValue = number | string;
export type ParamValues = Record<ParamName, ParamValue> & {
  [K in ParamName as (typeof PARAMS)[K] extends RangeSpec ? K : never]: number;
};

export const isChoice = (spec: ParamSpec): spec is ChoiceSpec => 'choices' in spec;

export const DEFAULTS = Object.fromEntries(Object.entries(PARAMS).map(([name, spec]) => [name, spec.default])) as ParamValues;

/** A value for a parameter: a listed choice, or the text parsed as a finite number within range and snapped to its step; else the default. */
export function validParam(name: ParamName, text: string | null | undefined): ParamValue {
  const spec: ParamSpec = PARAMS[name];
  if (text === null || text === undefined || text.trim() === '') return spec.default;
  if (isChoice(spec)) return spec.choices.some((c) => c.value === text) ? text : spec.default;
  const v = Number(text);
  if (!Number.isFinite(v) || v < spec.min || v > spec.max) return spec.default;
  return snapToStep(v, spec);
}

/** All parameters read from a query string (unknown keys ignored). */
export function readParams(search: string): ParamValues {
  const q = new URLSearchParams(search);
  const out = {} as Record<ParamName, ParamValue>;
  for (const name of Object.keys(PARAMS) as ParamName[]) out[name] = validParam(name, q.get(PARAMS[name].key));
  return out as ParamValues;
}

/** A query string holding the parameters that differ from their defaults (so default links stay clean); other keys are kept. */
export function writeParams(values: Partial<Record<ParamName, ParamValue>>, search = ''): string {
  const q = new URLSearchParams(search);
  for (const name of Object.keys(PARAMS) as ParamName[]) {
    const v = values[name];
    if (v === undefined) continue;
    if (v === PARAMS[name].default) q.delete(PARAMS[name].key);
    else q.set(PARAMS[name].key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A parameter's value as its control shows it. */
export function formatParam(name: ParamName, value: ParamValue): string {
  const spec: ParamSpec = PARAMS[name];
  if (isChoice(spec)) return spec.choices.find((c) => c.value === value)?.label ?? String(value);
  const v = Number(value);
  switch (spec.format) {
    case 'usd':
      return `$${v.toLocaleString('en-US')}`;
    case 'count':
      return v.toLocaleString('en-US');
    case 'share':
      return `${Math.round(v * 100)}%`;
    default:
      return v.toFixed(2);
  }
}

/** The page's parameters, kept in its URL (one store for every figure and the lab's figure controls). */
export const pageParams: UrlState<ParamValues> = urlState(readParams, writeParams);
