/**
 * The page engine's warm-up: the reach score's query (account_scores.sql, prepared and run as a
 * weight slider runs it) with weights off the sliders' grid, its rows thrown away, as setup steps
 * (setup.ts) that run while the setup has nothing else to do (a table's bytes still on their way),
 * else last before the lock. V8 first runs DuckDB's WebAssembly as its baseline compiler made it
 * and optimises a function only once that function has run a while, on the same two cores as the
 * query; on a hundred thousand accounts the first dozen scoring queries set that off. These rounds
 * do it before the reader's moves, which then run on optimised code.
 */
import { bindSql, type Param } from '../../sql/bind.ts';
import { QUERIES, macrosUsedBy } from '../../sql/catalog.ts';
import type { Step } from './setup.ts';

/**
 * Rounds of the query (on 100,000 accounts, 18 cold pages each, the first jump's median: 57 ms
 * after 12 rounds, 46 after 24; 36 did no better than 12, the extra results only more to collect)...
 */
export const WARM_UP_ROUNDS = 24;
/**
 * ...on a world of at least this many accounts. On the report's own 5,000 a move's scoring query
 * takes a few milliseconds and V8's compiling never shows; on 100,000 the first jump of a weight
 * took 60–70 ms without the rounds, when the query and the model cost more than they do now.
 */
export const WARM_UP_FROM_ACCOUNTS = 50_000;

/** The warm-up's steps for a world of `accounts` accounts (none below WARM_UP_FROM_ACCOUNTS), each handing `run` the bound query. */
export function warmUpSteps(accounts: number, run: (sql: string, values: Param[]) => Promise<unknown>): Step[] {
  if (accounts < WARM_UP_FROM_ACCOUNTS) return [];
  const text = QUERIES.account_scores;
  return Array.from({ length: WARM_UP_ROUNDS }, (_, k): Step => {
    // Weights no slider step reaches (the sliders move by 0.05), distinct from round to round.
    const { sql, values } = bindSql(text, { w_followers: 1 + (k + 1) / 997, w_reactions: 0.5 - (k + 1) / 991, w_reactors: 0.5 + (k + 1) / 983 });
    return { name: `warm-up ${k + 1}`, mentioned: false, needs: macrosUsedBy(text), run: async () => void (await run(sql, values)) };
  });
}
