/**
 * The reader's column choices, remembered in the browser (localStorage) for the next file with the
 * same header: keyed by a hash of the column names, so a weekly export maps itself after the first
 * time. Nothing but the choices (column names and decimal marks) is stored.
 */
import { ROLES, type Mapping } from './mapping.ts';
import type { DecimalMark } from './numbers.ts';

export interface Remembered {
  mapping: Mapping;
  /** Decimal marks the reader chose for ambiguous columns. */
  marks: Record<string, DecimalMark>;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** FNV-1a (32 bit) of the column names, in order, as 8 hex digits. */
export function headerHash(names: string[]): string {
  let h = 0x811c9dc5;
  const text = names.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const storageKey = (names: string[]) => `influence-this:byod-mapping:${headerHash(names)}`;

/** The choices saved for this header, if any and still valid (every named column exists). */
export function recall(store: Store | null, names: string[]): Remembered | null {
  if (!store) return null;
  let raw: string | null;
  try {
    raw = store.getItem(storageKey(names));
  } catch {
    return null; // storage blocked (private mode, a sandboxed frame)
  }
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Remembered>;
    const mapping = Object.fromEntries(ROLES.map((r) => [r, typeof v.mapping?.[r] === 'string' && names.includes(v.mapping[r]!) ? v.mapping[r] : null])) as Mapping;
    const marks: Record<string, DecimalMark> = {};
    for (const [c, m] of Object.entries(v.marks ?? {})) if (names.includes(c) && (m === '.' || m === ',')) marks[c] = m;
    return { mapping, marks };
  } catch {
    return null;
  }
}

/** Save the choices for this header; false when the browser refuses storage. */
export function remember(store: Store | null, names: string[], choice: Remembered): boolean {
  if (!store) return false;
  try {
    store.setItem(storageKey(names), JSON.stringify(choice));
    return true;
  } catch {
    return false;
  }
}
