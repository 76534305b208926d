import { orderBy } from './orderBy.ts';

/** |top k by score ∩ top k by outcome| ÷ k, both orders descending with ties broken by index (earlier first) and null/NaN last; k is floored and capped at n; NaN when k < 1 or input is empty; throws RangeError when lengths differ. */
export function precisionAtK(score: ArrayLike<number | null>, outcome: ArrayLike<number | null>, k: number): number {
  const n = score.length;
  if (outcome.length !== n) throw new RangeError(`score and outcome differ in length (${n} vs ${outcome.length})`);
  const kk = Math.min(Math.floor(k), n);
  if (!(kk >= 1)) return NaN;
  const byScore = orderBy(score);
  const byOutcome = orderBy(outcome);
  const inTop = new Uint8Array(n);
  for (let i = 0; i < kk; i++) inTop[byOutcome[i]] = 1;
  let hits = 0;
  for (let i = 0; i < kk; i++) hits += inTop[byScore[i]];
  return hits / kk;
}
