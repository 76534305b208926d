import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { CONSTANT_DOCS, SIM_MODULES, codeConstants, docOf, numericLeaves, undocumented } from '../../../data/sim/constants.ts';
import { BRANDS, PERSONAS } from '../../../data/sim/catalog.ts';
import { IMPRESSION_SPREAD } from '../../../data/sim/outcomes.ts';

const simDir = new URL('../../../data/sim/', import.meta.url);

describe('the registry of simulator constants (data/sim/constants.ts)', () => {
  it('walks every module of data/sim', () => {
    const files = readdirSync(simDir).filter((f) => f.endsWith('.ts') && f !== 'constants.ts').map((f) => f.slice(0, -3));
    expect(Object.keys(SIM_MODULES).sort()).toEqual(files.sort());
  });

  it('documents every exported number of data/sim with a source or "assumption"', () => {
    const leaves = numericLeaves(SIM_MODULES);
    expect(leaves.length).toBeGreaterThan(300);
    expect(undocumented(leaves)).toEqual([]);
  });

  it('can fail: a new exported number, or a doc without a source, is reported', () => {
    const fake = { FRESH_CONSTANT: 0.42, NESTED: { a: 1, b: [{ key: 'x', w: 2 }] }, label: 'text', f: () => 3 };
    expect(undocumented(numericLeaves({ ...SIM_MODULES, fake }))).toEqual(['fake.FRESH_CONSTANT', 'fake.NESTED.a', 'fake.NESTED.b.x.w']);
    const withoutSource = CONSTANT_DOCS.map((d) => (d.pattern === 'outcomes.IMPRESSION_SPREAD' ? { ...d, source: ' ' } : d));
    expect(undocumented(numericLeaves(SIM_MODULES), withoutSource)).toEqual(['outcomes.IMPRESSION_SPREAD']);
  });

  it('has no stale doc: every pattern covers at least one number', () => {
    const leaves = numericLeaves(SIM_MODULES);
    const stale = CONSTANT_DOCS.filter((d) => !d.pattern.includes('[]') && !leaves.some((l) => docOf(l.path, [d])));
    expect(stale.map((d) => d.pattern)).toEqual([]);
  });

  it('names the decisive ones by path, with their values: fit saturation per brand, the spreads, the hand-made accounts', () => {
    const at = new Map(numericLeaves(SIM_MODULES).map((l) => [l.path, l.value]));
    for (const b of BRANDS) expect(at.get(`catalog.BRANDS.${b.slug}.fitSaturation`)).toBe(b.fitSaturation);
    expect(at.get('outcomes.IMPRESSION_SPREAD')).toBe(IMPRESSION_SPREAD);
    expect(at.get('params.DEFAULT_PARAMS.shortlistShare')).toBe(0.5);
    const star = PERSONAS.find((p) => p.key === 'pop-star')!;
    expect(at.get('catalog.PERSONAS.pop-star.followers')).toBe(star.followers);
    expect(docOf('catalog.PERSONAS.pop-star.trust')?.source).toMatch(/set by hand/);
    // The page's table of code constants leaves out only what has a table of its own.
    const shown = codeConstants().map((c) => c.path);
    expect(shown).toContain('outcomes.NEGOTIATION_SPREAD');
    expect(shown).toContain('audience.NICHE_FIRST');
    expect(shown.some((p) => p.startsWith('catalog.') || p.startsWith('params.DEFAULT_PARAMS.'))).toBe(false);
  });
});
