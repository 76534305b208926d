import { describe, expect, it } from 'vitest';
import { headerHash, recall, remember, storageKey } from '../../../src/lib/byod/remember.ts';
import { emptyMapping } from '../../../src/lib/byod/mapping.ts';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};
const names = ['Col A', 'Col B', 'Col C'];
const choice = { mapping: { ...emptyMapping(), handle: 'Col A', reach: 'Col B', conversions: 'Col C' }, marks: { 'Col B': ',' as const } };

describe('remembered column choices', () => {
  it('are found again for the same header, and only for it', () => {
    const s = memory();
    expect(remember(s, names, choice)).toBe(true);
    expect(recall(s, names)).toEqual(choice);
    expect(recall(s, ['Col A', 'Col B', 'Col C', 'Col D'])).toBeNull();
    expect(recall(s, ['Col B', 'Col A', 'Col C'])).toBeNull();
  });

  it('key on a hash of the names in order (FNV-1a), not on the names themselves', () => {
    expect(headerHash(names)).toMatch(/^[0-9a-f]{8}$/);
    expect(headerHash(names)).not.toBe(headerHash(['Col A', 'Col BCol C']));
    expect(storageKey(names)).toBe(`influence-this:byod-mapping:${headerHash(names)}`);
  });

  it('drop what no longer fits, and survive storage that is corrupt, full or blocked', () => {
    const s = memory();
    s.setItem(storageKey(names), JSON.stringify({ mapping: { reach: 'Gone', conversions: 'Col C', handle: 7 }, marks: { 'Col C': 'x', 'Col B': '.' } }));
    expect(recall(s, names)).toEqual({ mapping: { ...emptyMapping(), conversions: 'Col C' }, marks: { 'Col B': '.' } });
    s.setItem(storageKey(names), '{not json');
    expect(recall(s, names)).toBeNull();
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(recall(blocked, names)).toBeNull();
    expect(remember(blocked, names, choice)).toBe(false);
    expect(recall(null, names)).toBeNull();
  });
});
