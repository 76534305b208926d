/**
 * The one table of reader-controlled parameters: URL key, default and range. Every control, the
 * pre-render and the URL go through it; a missing, garbled or out-of-range value falls back to
 * its default.
 */

export interface ParamSpec {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  default: number;
  unit?: string;
}

export const PARAMS = {
  w_followers: { key: 'wf', label: 'Weight of followers', min: 0, max: 2, step: 0.05, default: 1 },
  w_reactions: { key: 'wr', label: 'Weight of reactions per post', min: 0, max: 2, step: 0.05, default: 0.5 },
  w_reactors: { key: 'wu', label: 'Weight of selective reactions', min: 0, max: 2, step: 0.05, default: 0.5 },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
export type ParamValues = Record<ParamName, number>;

export const DEFAULTS: ParamValues = Object.fromEntries(
  Object.entries(PARAMS).map(([name, spec]) => [name, spec.default]),
) as ParamValues;

/** A value for a parameter: the text parsed as a finite number within range, snapped to its step, else the default. */
export function validParam(name: ParamName, text: string | null | undefined): number {
  const spec: ParamSpec = PARAMS[name];
  if (text === null || text === undefined || text.trim() === '') return spec.default;
  const v = Number(text);
  if (!Number.isFinite(v) || v < spec.min || v > spec.max) return spec.default;
  const snapped = spec.min + Math.round((v - spec.min) / spec.step) * spec.step;
  return Number(snapped.toFixed(6));
}

/** All parameters read from a query string (unknown keys ignored). */
export function readParams(search: string): ParamValues {
  const q = new URLSearchParams(search);
  const out = {} as ParamValues;
  for (const name of Object.keys(PARAMS) as ParamName[]) out[name] = validParam(name, q.get(PARAMS[name].key));
  return out;
}

/** A query string holding the parameters that differ from their defaults (so default links stay clean). */
export function writeParams(values: Partial<ParamValues>, search = ''): string {
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
