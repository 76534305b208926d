import { describe, expect, it } from 'vitest';
import { Setup, macroSteps, type Step } from '../../../src/lib/db/setup.ts';

/** A promise with its resolve and reject in hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Steps that log when they run; each table's bytes arrive when its deferred resolves. */
function world(log: string[]) {
  const bytes = { topics: deferred(), placements: deferred(), account_features: deferred(), audience: deferred() };
  const fetched: string[] = [];
  const step = (name: string, needs: string[] = [], input?: Promise<unknown>, mentioned?: boolean): Step => ({
    name,
    needs,
    fetch: input && (() => (fetched.push(name), input)),
    mentioned,
    run: async () => {
      log.push(name);
    },
  });
  const steps = [
    step('topics', [], bytes.topics.promise),
    step('audience', [], bytes.audience.promise),
    step('account_features', [], bytes.account_features.promise),
    step('placements', [], bytes.placements.promise),
    step('reach_score', ['account_features']),
    step('kred_score', ['account_features']),
    step('kred_scores', ['kred_score']),
    step('lock', ['topics', 'audience', 'account_features', 'placements', 'reach_score', 'kred_score', 'kred_scores'], undefined, false),
  ];
  return { bytes, steps, fetched };
}

describe('the engine setup (steps, what a query needs first)', () => {
  it('finds the steps a text names, with what they need, and never a label or a longer name', () => {
    const { steps } = world([]);
    const setup = new Setup(steps);
    expect(setup.stepsFor('SELECT * FROM placements p JOIN reach_score(1, 2, 3) s USING (influencer_id)')).toEqual(['account_features', 'placements', 'reach_score']);
    // kred_scores (the table) needs its macro and the macro its table; "kred_score" alone is not in "kred_scores".
    expect(setup.stepsFor('SELECT * FROM KRED_SCORES')).toEqual(['account_features', 'kred_score', 'kred_scores']);
    expect(setup.stepsFor('SELECT 1 AS lock, topics_x FROM range(3)')).toEqual([]);
  });

  it("runs a waiting query's steps first, then the rest once no query waits, and the lock last", async () => {
    const log: string[] = [];
    const { bytes, steps } = world(log);
    const setup = new Setup(steps);
    const ran: string[] = [];
    // Every table's bytes are in; a query for the placements' scores is waiting.
    const query = setup.run('SELECT * FROM placements JOIN reach_score(1, 1, 1) USING (influencer_id)', async () => {
      ran.push(`query after ${log.join(',')}`);
      await tick();
      ran.push(`query done after ${log.join(',')}`);
    });
    for (const b of Object.values(bytes)) b.resolve();
    await query;
    expect(ran).toEqual(['query after account_features,placements,reach_score', 'query done after account_features,placements,reach_score']);
    await setup.done;
    expect(log).toEqual(['account_features', 'placements', 'reach_score', 'topics', 'audience', 'kred_score', 'kred_scores', 'lock']);
  });

  it('runs what is in hand meanwhile, waits for bytes still on their way, and a query whose steps are done runs at once', async () => {
    const log: string[] = [];
    const { bytes, steps } = world(log);
    const setup = new Setup(steps);
    bytes.topics.resolve();
    await tick();
    expect(log).toEqual(['topics']);
    let answered = false;
    const query = setup.run('SELECT * FROM topics', async () => void (answered = true));
    await query;
    expect(answered).toBe(true);
    bytes.account_features.resolve();
    bytes.placements.resolve();
    bytes.audience.resolve();
    await setup.done;
    expect(log[log.length - 1]).toBe('lock');
    expect(new Set(log).size).toBe(steps.length);
  });

  it('fails the setup, every waiting query and `done` with the first error (a download or a step), and calls onError once', async () => {
    const log: string[] = [];
    const { bytes, steps } = world(log);
    const errors: unknown[] = [];
    const setup = new Setup(steps, (e) => errors.push(e));
    const query = setup.run('SELECT * FROM placements', async () => 'rows');
    bytes.placements.reject(new Error('table placements: HTTP 500'));
    await expect(query).rejects.toThrow('table placements: HTTP 500');
    await expect(setup.done).rejects.toThrow('table placements: HTTP 500');
    bytes.topics.reject(new Error('a second failure'));
    await tick();
    expect(errors.map((e) => (e as Error).message)).toEqual(['table placements: HTTP 500']);

    const broken = new Setup([{ name: 'brands', needs: [], run: () => Promise.reject(new Error('insert failed')) }]);
    await expect(broken.run('SELECT * FROM brands', async () => 1)).rejects.toThrow('insert failed');
  });

  it('fetches what a waiting query needs at once, and others in order only a few at a time', async () => {
    const { bytes, steps, fetched } = world([]);
    const setup = new Setup(steps);
    expect(fetched).toEqual(['topics', 'audience']); // two in the background, in step order
    const query = setup.run('SELECT * FROM placements', async () => 1);
    expect(fetched).toEqual(['topics', 'audience', 'placements']); // needed: at once
    bytes.topics.resolve();
    await tick();
    expect(fetched).toEqual(['topics', 'audience', 'placements']); // no other while a needed one is under way
    bytes.placements.resolve();
    expect(await query).toBe(1);
    expect(fetched).toEqual(['topics', 'audience', 'placements', 'account_features']); // then the next in order
    bytes.audience.resolve();
    bytes.account_features.resolve();
    await setup.done;
    expect(fetched.length).toBe(4);
  });

  it('fails every waiting query when aborted from outside (the worker died)', async () => {
    const { steps } = world([]);
    const setup = new Setup(steps);
    const query = setup.run('SELECT * FROM topics', async () => 1);
    setup.abort(new Error('the worker died'));
    await expect(query).rejects.toThrow('the worker died');
    await expect(setup.done).rejects.toThrow('the worker died');
  });

  it('refuses a step that needs an unknown step', () => {
    expect(() => new Setup([{ name: 'a', needs: ['b'], run: async () => {} }])).toThrow(/unknown step b/);
  });
});

describe("macroSteps (the shipped macros and their tables as setup steps)", () => {
  const steps = macroSteps(['account_features', 'placements'], async () => {});
  const needs = (name: string) => steps.find((s) => s.name === name)!.needs;

  it('installs each macro after the tables and macros it relies on, and makes each macro table after its macro', () => {
    expect(needs('reach_terms')).toEqual(['account_features']);
    // reach_score reads account_terms (its default input), which reach_terms makes, and calls reach_scale.
    expect(needs('reach_score')).toEqual(['account_terms', 'reach_terms', 'reach_scale']);
    expect(needs('account_terms')).toEqual(['reach_terms']);
    expect(needs('kred_scores')).toEqual(['kred_score']);
  });

  it("gives a query on the reach score everything it needs, from the features up, and nothing it does not", () => {
    const setup = new Setup([{ name: 'account_features', needs: [], run: async () => {} }, { name: 'placements', needs: [], run: async () => {} }, ...steps]);
    expect(setup.stepsFor('SELECT * FROM reach_score(1, 0.5, 0.5)')).toEqual(['account_features', 'reach_terms', 'reach_scale', 'reach_score', 'account_terms']);
  });
});

