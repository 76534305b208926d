import { describe, expect, it } from 'vitest';
import { WARM_UP_FROM_ACCOUNTS, WARM_UP_ROUNDS, warmUpSteps } from '../../../src/lib/db/warmUp.ts';
import { Setup } from '../../../src/lib/db/setup.ts';
import { PARAMS } from '../../../src/lib/state/params.ts';
import { QUERIES } from '../../../src/sql/catalog.ts';
import type { Param } from '../../../src/sql/bind.ts';

describe('warmUpSteps', () => {
  it('warms up only a world of many accounts', () => {
    expect(warmUpSteps(5000, async () => {})).toEqual([]);
    expect(warmUpSteps(WARM_UP_FROM_ACCOUNTS - 1, async () => {})).toEqual([]);
    expect(warmUpSteps(WARM_UP_FROM_ACCOUNTS, async () => {})).toHaveLength(WARM_UP_ROUNDS);
  });

  it("runs the reach score's query as a slider does, with weights no slider reaches, distinct round to round", async () => {
    const ran: { sql: string; values: Param[] }[] = [];
    const steps = warmUpSteps(100_000, async (sql, values) => void ran.push({ sql, values }));
    for (const s of steps) {
      expect(s.mentioned).toBe(false);
      expect(s.needs).toEqual(['reach_terms', 'reach_scale', 'reach_score']);
      await s.run();
    }
    expect(new Set(ran.map((r) => r.sql))).toEqual(new Set([QUERIES.account_scores.replace(/\$\w+/g, '?')]));
    expect(new Set(ran.map((r) => r.values.join()))).toHaveProperty('size', WARM_UP_ROUNDS);
    const names = ['w_followers', 'w_reactions', 'w_reactors'] as const;
    for (const { values } of ran)
      values.forEach((v, i) => {
        const { min, max, step } = PARAMS[names[i]];
        expect(v as number).toBeGreaterThanOrEqual(min);
        expect(v as number).toBeLessThanOrEqual(max);
        expect(Math.abs(((v as number) / step) - Math.round((v as number) / step))).toBeGreaterThan(1e-6);
      });
  });

  it('never holds a query up: the setup runs a round only while no query waits', async () => {
    const order: string[] = [];
    let release!: () => void;
    const macro = new Promise<void>((r) => (release = r));
    const steps = [
      { name: 'reach_terms', needs: [], run: async () => void order.push('reach_terms') },
      { name: 'reach_scale', needs: [], run: async () => void order.push('reach_scale') },
      { name: 'reach_score', needs: ['reach_scale'], run: async () => void (await macro, order.push('reach_score')) },
      ...warmUpSteps(100_000, async () => void order.push('warm-up')),
    ];
    const setup = new Setup(steps);
    const query = setup.run('SELECT * FROM reach_score(1, 2, 3)', async () => void order.push('query'));
    release();
    await query;
    await setup.done;
    expect(order.slice(0, 4)).toEqual(['reach_terms', 'reach_scale', 'reach_score', 'query']);
    expect(order.slice(4)).toEqual(Array(WARM_UP_ROUNDS).fill('warm-up'));
  });
});
