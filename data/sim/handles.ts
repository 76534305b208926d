import { rng } from '../../src/lib/random.ts';

const SYLLABLES = [
  'ka', 'lo', 'mi', 'ra', 'zen', 'to', 'vi', 'shu', 'pa', 'rin', 'do', 'ne', 'sol', 'ta', 'bo', 'lu',
  'fen', 'qui', 'mar', 'go', 'tek', 'sa', 'yo', 'bri', 'nox', 'ela', 'pim', 'dru', 'vex', 'ori', 'kel', 'zu',
];
const SUFFIXES = ['', '', '', '', 'hq', 'daily', 'co', 'lab', 'club', 'notes', 'world', 'life'];
const SEPARATORS = ['', '', '.', '_'];

/**
 * Fictional handles made from syllables, one per account, decided by (seed, account id) alone;
 * `taken` holds handles already used (a clash gets the id appended, so handles are unique).
 */
export function handleFor(seed: number, id: number, taken: Set<string>): string {
  const u = rng(seed, 0x4a4d, id);
  const parts = 2 + (u() < 0.4 ? 1 : 0);
  let base = '';
  for (let k = 0; k < parts; k++) base += SYLLABLES[Math.floor(u() * SYLLABLES.length)];
  const suffix = SUFFIXES[Math.floor(u() * SUFFIXES.length)];
  let handle = suffix ? base + SEPARATORS[Math.floor(u() * SEPARATORS.length)] + suffix : base;
  if (taken.has(handle)) handle = `${handle}${id.toString(36)}`;
  taken.add(handle);
  return handle;
}
