import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, expected, perAccount } from '../../fixtures/byod/conventions.ts';
import { decodeBytes } from '../../../src/lib/byod/decode.ts';
import { detectDelimiter } from '../../../src/lib/byod/sniff.ts';
import { parseDelimited } from '../../../src/lib/byod/delimited.ts';
import { tableFromRecords } from '../../../src/lib/byod/table.ts';
import { decideColumn } from '../../../src/lib/byod/numbers.ts';
import { autoMap, reachProxy, ROLES } from '../../../src/lib/byod/mapping.ts';
import { mostlyNumeric, prepare } from '../../../src/lib/byod/prepare.ts';
import { aggregatePerAccount, detectGrain } from '../../../src/lib/byod/grain.ts';
import { analyse } from '../../../src/lib/byod/analyse.ts';

/** The page's pipeline up to the mapping, in Node. */
async function read(file: string) {
  const { text } = decodeBytes(readFileSync(new URL(`../../fixtures/byod/${file}`, import.meta.url)), file);
  const t = tableFromRecords(await parseDelimited(text, { delimiter: detectDelimiter(text), file }), file, [], []);
  const decisions = new Map(t.names.map((n, j) => [n, decideColumn(t.columns[j], '.')]));
  const mapping = autoMap(t.names, (n) => mostlyNumeric(t.columns[t.names.indexOf(n)], decisions.get(n)!.mark === ','));
  return { t, decisions, mapping };
}

describe.each(CONVENTIONS)('convention: $name ($file)', (c) => {
  it('the committed fixture is the one the module writes', () => {
    expect(readFileSync(new URL(`../../fixtures/byod/${c.file}`, import.meta.url), 'utf8')).toBe(c.text);
  });

  it('its columns are recognised by their documented names, totals before per-unit figures', async () => {
    const { mapping } = await read(c.file);
    expect(Object.fromEntries(ROLES.map((r) => [r, mapping[r] ?? '']))).toEqual(c.mapping);
    expect(mapping.reach ? reachProxy(mapping.reach) : null).toBe(c.proxy);
  });

});

describe.each(CONVENTIONS.filter((c) => c.proxy !== null || c.pick))('convention: $name, analysed', (c) => {
  it('its numbers are read as written (columns recognised, or picked by hand), and the analysis matches an independent computation', async () => {
    const read1 = await read(c.file);
    const { t, decisions } = read1;
    const mapping = { ...read1.mapping, ...c.pick };
    const rows = prepare(t, mapping, (n) => decisions.get(n)!.mark === ',');
    expect(Array.from(rows.reach)).toEqual(c.truth.reach);
    expect(Array.from(rows.conversions)).toEqual(c.truth.conversions);
    if (c.truth.cost) expect(Array.from(rows.cost!)).toEqual(c.truth.cost);
    if (c.truth.revenue) expect(Array.from(rows.revenue!)).toEqual(c.truth.revenue);
    expect(Boolean(detectGrain(rows))).toBe(Boolean(c.perPost));
    const p = c.perPost ? aggregatePerAccount(rows) : rows;
    const truth = c.perPost ? perAccount(c.truth) : c.truth;
    const e = expected(truth, { engagement: Boolean(c.mapping.engagement) });
    const a = analyse(p);
    expect(a.used).toBe(e.rows);
    expect(a.rho.estimate).toBeCloseTo(e.rho, 12);
    expect(a.budget!.budget).toBeCloseTo(e.budget!.amount, 9);
    expect(a.budget!.reach.spent).toBeCloseTo(e.budget!.spent, 6);
    expect(a.budget!.reach.conversions).toBe(e.budget!.conversions);
  });
});
