import { describe, expect, it } from 'vitest';
import { changed } from '../../../src/lib/db/readOnly.ts';

describe('changed: the settings that differ between two snapshots', () => {
  it.each([
    ['a=1;b=2', 'a=1;b=2', ''],
    ['a=1;b=2', 'a=1;b=3', 'b'],
    ['enable_logging=false;threads=1', 'enable_logging=true;threads=2', 'enable_logging, threads'],
    ['a=1', 'a=1;z=x=y', 'z'],
    ['a=;b=2', 'a=x;b=2', 'a'],
  ])('%s → %s', (before, after, expected) => {
    expect(changed(before, after)).toBe(expected);
  });
});
