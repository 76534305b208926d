/** Decimal places of a step (0.005 → 3, 1e-7 → 7), so snapped values print without float noise. */
export function stepDecimals(step: number): number {
  const s = String(step);
  return s.includes('e-') ? Number(s.split('e-')[1]) : (s.split('.')[1]?.length ?? 0);
}

/** A value snapped to the nearest step counted from `min`, at most `max`, rounded to the step's decimals. */
export function snapToStep(v: number, { min, max, step }: { min: number; max: number; step: number }): number {
  const snapped = min + Math.round((v - min) / step) * step;
  return Number(Math.min(max, snapped).toFixed(stepDecimals(step)));
}

/** A range with its ends in order (a reversed one swapped); an open end (null) stays as it is. */
export function orderedRange(lo: number | null, hi: number | null): [number | null, number | null] {
  return lo !== null && hi !== null && lo > hi ? [hi, lo] : [lo, hi];
}

/**
 * The step a drag reaches next: from `v`, one step on in the direction it moved from `before`,
 * snapped; null when it has not moved (no direction yet) or would leave [min, max].
 */
export function stepAhead(v: number, before: number | undefined, range: { min: number; max: number; step: number }): number | null {
  if (before === undefined || before === v || !(range.step > 0)) return null;
  const next = snapToStep(v + Math.sign(v - before) * range.step, { ...range, max: Infinity });
  return next < range.min || next > range.max ? null : next;
}

/**
 * The steps a slider may reach next, to run ahead: one step on in the direction a drag moves
 * (stepAhead); after a move with no direction yet (a slider's first move) or a jump of more than
 * two steps (a click on the track, Home or End, a link), the steps on either side, the higher
 * first. Only those inside [min, max].
 */
export function nextSteps(v: number, before: number | undefined, range: { min: number; max: number; step: number }): number[] {
  if (!(range.step > 0)) return [];
  if (before !== undefined && before !== v && Math.abs(v - before) <= JUMP * range.step) {
    const next = stepAhead(v, before, range);
    return next === null ? [] : [next];
  }
  return [stepAhead(v, v - range.step, range), stepAhead(v, v + range.step, range)].filter((s): s is number => s !== null);
}

/**
 * A range control's move: its value, its range, and the steps it may reach next (nextSteps), the
 * direction taken from its previous value in `last`, which then holds this one.
 */
export function moveSteps<C extends { value: string; min: string; max: string; step: string }>(control: C, last: WeakMap<C, number>) {
  const v = Number(control.value);
  const range = { min: Number(control.min), max: Number(control.max), step: Number(control.step) };
  const steps = nextSteps(v, last.get(control), range);
  last.set(control, v);
  return { v, range, steps };
}

/** A move of more steps than this is a jump, not a drag (a quick drag skips a step or two between input events). */
const JUMP = 2 + 1e-9;
