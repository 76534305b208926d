import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOntology } from '../../data/sim/ontology.ts';
import { DEFAULT_PARAMS } from '../../data/sim/params.ts';
import { postedNiche } from '../../data/sim/postedNiche.ts';
import { simulateWorldWithTruth, type Truth, type World } from '../../data/sim/world.ts';
import { loadWorld } from '../../data/load.ts';
import { openNodeEngine } from '../../src/lib/db/node.ts';

/**
 * The niche a marketer can see is defined twice, once in the build SQL (account_features.top_topic_id,
 * which the PeerIndex-like activity and the explore page read) and once in the simulator (postedNiche,
 * which its shortlisting reads): on the default world they must name the same topic for every account.
 */
let world: World;
let truth: Truth;
let sql: string[];
beforeAll(async () => {
  const ontology = parseOntology(
    readFileSync('data/klout/klout_topic_ontology_20180601.csv', 'utf8'),
    readFileSync('data/klout/klout_topic_edge_20180601.csv', 'utf8'),
  );
  ({ world, truth } = simulateWorldWithTruth(DEFAULT_PARAMS, ontology));
  const db = await openNodeEngine(':memory:', { threads: '2' });
  try {
    await loadWorld(db.connection, world as unknown as Record<string, Record<string, ArrayLike<unknown>>>);
    sql = Array.from((await db.query('SELECT top_topic_id FROM account_features ORDER BY influencer_id')).columns.top_topic_id as string[]);
  } finally {
    db.close();
  }
}, 60_000);

describe('the visible niche (most-posted topic)', () => {
  it('is the same topic for every account in the build SQL and in the simulator', () => {
    const ids = world.topics.topic_id;
    const index = new Map(ids.map((id, k) => [id, k]));
    const ts = postedNiche({ influencer_id: world.posts.influencer_id, topic: world.posts.topic_id.map((t) => index.get(t)!) }, world.influencers.influencer_id.length, ids);
    const fromTs = Array.from(ts, (t) => ids[t]);
    expect(fromTs.length).toBe(sql.length);
    expect(fromTs.filter((t, i) => t !== sql[i]).length).toBe(0);
  });

  it('has ties on the default world, so the tie rule is exercised', () => {
    // Accounts whose top topic count is shared by another topic.
    const counts = new Map<string, number>();
    world.posts.influencer_id.forEach((a, k) => counts.set(`${a} ${world.posts.topic_id[k]}`, (counts.get(`${a} ${world.posts.topic_id[k]}`) ?? 0) + 1));
    const best = new Map<number, number[]>();
    for (const [key, n] of counts) {
      const a = Number(key.split(' ')[0]);
      best.set(a, [...(best.get(a) ?? []), n]);
    }
    const ties = [...best.values()].filter((ns) => ns.filter((n) => n === Math.max(...ns)).length > 1).length;
    expect(ties).toBeGreaterThan(0);
  });

  it('is mostly, not always, the niche the generator gave the account (one is observed, the other hidden)', () => {
    const generator = truth.hidden.hidden_accounts.generator_niche_topic_id;
    const same = sql.filter((t, i) => t === generator[i]).length / sql.length;
    expect(same).toBeGreaterThan(0.8);
    expect(same).toBeLessThan(1);
  });
});
