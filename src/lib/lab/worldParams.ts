/**
 * The lab's world controls: which simulator parameters the reader can change, their URL keys,
 * and how a query string becomes a valid WorldParams. Ranges, steps, labels and sources come from
 * the simulator's PARAM_DOCS (one home); the lab only narrows the number of accounts to what a
 * browser regenerates in seconds. A missing, garbled or out-of-range value falls back to the
 * published default.
 */
import { DEFAULT_PARAMS, PARAM_DOCS, checkParams, type ParamDoc, type WorldParams } from '../../../data/sim/params.ts';
import { snapToStep, stepDecimals } from '../step.ts';
import { count, formatNumber } from '../format.ts';

export interface LabControl {
  /** Path of the parameter in WorldParams ('relevanceEffect', 'fraudRateByTier.nano'). */
  path: string;
  /** Its key in the page's query string. */
  key: string;
  group: LabGroup;
  doc: ParamDoc;
}

export type LabGroup = 'effects' | 'spread' | 'fakes' | 'observe' | 'cost' | 'world';

export const GROUPS: Record<LabGroup, string> = {
  effects: 'What drives clicks and purchases',
  spread: 'Reshares and recall',
  fakes: 'Fake followers',
  observe: 'What a marketer can see',
  cost: 'What a sponsored post costs',
  world: 'Size and seed of the world',
};

/** The lab bounds the number of accounts (the simulator allows 100–200,000) to what regenerates in seconds in a browser. */
const LAB_BOUNDS: Record<string, Partial<ParamDoc>> = {
  accounts: { min: 1000, max: 20_000, step: 500 },
};

const control = (path: string, key: string, group: LabGroup): LabControl => {
  const doc = PARAM_DOCS[path];
  if (!doc) throw new Error(`no PARAM_DOCS entry for ${path}`);
  return { path, key, group, doc: { ...doc, ...LAB_BOUNDS[path] } };
};

export const LAB_CONTROLS: readonly LabControl[] = [
  control('relevanceEffect', 'rel', 'effects'),
  control('relevancePurchaseEffect', 'relbuy', 'effects'),
  control('fitPeak', 'peak', 'effects'),
  control('fitDecline', 'decline', 'effects'),
  control('reachEffect', 'reach', 'effects'),
  control('trustEffect', 'trust', 'effects'),
  control('priceSensitivity', 'price', 'effects'),
  control('hierarchyDecay', 'hdecay', 'effects'),
  control('reshareRate', 'reshare', 'spread'),
  control('reshareReach', 'rereach', 'spread'),
  control('recallRate', 'recall', 'spread'),
  control('fraudRateByTier.nano', 'fnano', 'fakes'),
  control('fraudRateByTier.micro', 'fmicro', 'fakes'),
  control('fraudRateByTier.mid', 'fmid', 'fakes'),
  control('fraudRateByTier.macro', 'fmacro', 'fakes'),
  control('fraudRateByTier.mega', 'fmega', 'fakes'),
  control('boughtShareMean', 'bought', 'fakes'),
  control('inactiveShareMean', 'inactive', 'fakes'),
  control('auditSample', 'audit', 'observe'),
  control('auditPassThrough', 'pass', 'observe'),
  control('briefNoise', 'bnoise', 'observe'),
  control('briefTopics', 'btopics', 'observe'),
  control('briefMissRate', 'bmiss', 'observe'),
  control('costFixed', 'fee', 'cost'),
  control('costPerFollower', 'cpf', 'cost'),
  control('costSpread', 'costsd', 'cost'),
  control('accounts', 'n', 'world'),
  control('seed', 'seed', 'world'),
];

export const controlByPath = (path: string): LabControl => {
  const c = LAB_CONTROLS.find((x) => x.path === path);
  if (!c) throw new Error(`no lab control for ${path}`);
  return c;
};

/** The values of the lab's controls, by path. */
export type LabValues = Record<string, number>;

/** A parameter's value in a WorldParams by path ('a' or 'a.b'). */
export function getPath(params: WorldParams, path: string): number {
  const [head, tail] = path.split('.');
  const v = (params as unknown as Record<string, unknown>)[head];
  return tail === undefined ? (v as number) : (v as Record<string, number>)[tail];
}

/** The published defaults of every lab control. */
export const LAB_DEFAULTS: LabValues = Object.fromEntries(LAB_CONTROLS.map((c) => [c.path, getPath(DEFAULT_PARAMS, c.path)]));

/**
 * A control's value from text: a finite number within its range, snapped to its step (counted from
 * the minimum); anything else (empty, garbage, NaN, ±Infinity, out of range) gives the default.
 */
export function validWorldValue(path: string, text: string | null | undefined): number {
  const { doc } = controlByPath(path);
  const fallback = LAB_DEFAULTS[path];
  if (text === null || text === undefined || text.trim() === '') return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || v < doc.min || v > doc.max) return fallback;
  return snapToStep(v, doc);
}

/** Every lab control read from a query string (unknown keys ignored). */
export function readWorld(search: string): LabValues {
  const q = new URLSearchParams(search);
  return Object.fromEntries(LAB_CONTROLS.map((c) => [c.path, validWorldValue(c.path, q.get(c.key))]));
}

/** A query string with the controls that differ from their defaults (other keys kept, defaults removed). */
export function writeWorld(values: Partial<LabValues>, search = ''): string {
  const q = new URLSearchParams(search);
  for (const c of LAB_CONTROLS) {
    const v = values[c.path];
    if (v === undefined) continue;
    if (v === LAB_DEFAULTS[c.path]) q.delete(c.key);
    else q.set(c.key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The simulator's parameters for the lab's values: the published defaults with the controls applied. Throws if they are invalid. */
export function worldParams(values: Partial<LabValues>): WorldParams {
  const params = structuredClone(DEFAULT_PARAMS);
  for (const c of LAB_CONTROLS) {
    const v = values[c.path];
    if (v === undefined) continue;
    const [head, tail] = c.path.split('.');
    const target = params as unknown as Record<string, unknown>;
    if (tail === undefined) target[head] = v;
    else (target[head] as Record<string, number>)[tail] = v;
  }
  checkParams(params);
  return params;
}

/** Whether the values are the published defaults. */
export const isDefaultWorld = (values: LabValues): boolean => LAB_CONTROLS.every((c) => values[c.path] === LAB_DEFAULTS[c.path]);

export interface Preset {
  id: string;
  label: string;
  description: string;
  /** The controls it sets; the others keep their current values (unless `fromDefaults`). */
  set: Partial<LabValues>;
  fromDefaults: boolean;
}

const NO_FAKES = {
  'fraudRateByTier.nano': 0,
  'fraudRateByTier.micro': 0,
  'fraudRateByTier.mid': 0,
  'fraudRateByTier.macro': 0,
  'fraudRateByTier.mega': 0,
  inactiveShareMean: 0,
};

export const PRESETS: readonly Preset[] = [
  {
    id: 'reach-only',
    label: 'Reach only',
    description: 'Relevance and trust off, no fake or inactive followers: only audience size drives sales.',
    set: { relevanceEffect: 0, relevancePurchaseEffect: 0, trustEffect: 0, ...NO_FAKES },
    fromDefaults: true,
  },
  {
    id: 'relevance-off',
    label: 'Relevance off',
    description: "Followers' interests no longer matter to who clicks or buys; everything else as it is.",
    set: { relevanceEffect: 0, relevancePurchaseEffect: 0 },
    fromDefaults: false,
  },
];

/** The values after applying a preset to the current ones. */
export function applyPreset(preset: Preset, current: LabValues): LabValues {
  return { ...(preset.fromDefaults ? LAB_DEFAULTS : current), ...preset.set } as LabValues;
}

/** A parameter that names a world rather than measures anything (the seed): written as it is, never grouped as a number. */
export const isIdentifier = (path: string): boolean => path === 'seed';

/** A control's value as the page shows it. */
export function formatWorldValue(path: string, value: number): string {
  const { doc } = controlByPath(path);
  if (doc.unit === 'USD') return value < 1 && value > 0 ? `$${value.toFixed(3)}` : formatNumber(value, '$,~f');
  if (doc.unit === 'share') return `${Number((value * 100).toFixed(1))}%`;
  if (isIdentifier(path)) return String(value);
  if (doc.step >= 1) return count(value);
  return value.toFixed(stepDecimals(doc.step));
}
