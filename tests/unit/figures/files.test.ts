import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Files of src/lib/figures/ that define no figure: what a definition is, and the list of them. */
const NOT_MODELS = ['figureDef.ts', 'registry.ts'];

describe('figure models and their tests', () => {
  it('every file of src/lib/figures/ (each a figure definition and model, or signals they share) has a unit test of its name', () => {
    const dir = (p: string) => new URL(`../../../${p}`, import.meta.url);
    const models = readdirSync(dir('src/lib/figures/')).filter((f) => f.endsWith('.ts') && !NOT_MODELS.includes(f));
    const tests = new Set(readdirSync(dir('tests/unit/figures/')));
    expect(models.length).toBeGreaterThanOrEqual(9);
    expect(models.filter((m) => !tests.has(m.replace(/\.ts$/, '.test.ts')))).toEqual([]);
  });
});
