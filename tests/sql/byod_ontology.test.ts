import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openWasmDb } from './wasmEngine.ts';
import { byodRows } from './byodRows.ts';
import { LOCK_SQL } from '../../src/lib/db/lock.ts';
import { worldDbPath } from '../../src/lib/db/world.ts';
import { ontologyPath } from '../../data/ontologyAsset.ts';
import { preparedToIpc } from '../../src/lib/byod/toArrow.ts';
import { setupStatements, topicStatements, ONTOLOGY_TABLE } from '../../src/lib/byod/queries.ts';
import { splitTopics, type Prepared } from '../../src/lib/byod/prepare.ts';
import { relevance } from '../../src/lib/scoring/relevance.ts';
import { topicHierarchy } from '../../src/lib/scoring/hierarchy.ts';

/**
 * Your data's topic matching against Klout's whole ontology (the data step's klout_ontology.arrow,
 * loaded as the page loads it: Arrow IPC into the locked DuckDB-WASM), held to the published CSV
 * files read here with a parser of their own, and to the matches the world's 142 topics gave before.
 */
let conn: Awaited<ReturnType<typeof openWasmDb>>['conn'];
const { run, select } = byodRows(() => conn);

const asset = readFileSync(ontologyPath(worldDbPath()));
const csv = (name: string) => readFileSync(`${process.cwd()}/data/klout/${name}`, 'utf8');
// The published files, read line by line: ids are unquoted digits, slugs and names quoted (a name may hold a comma, none a quote).
const published = csv('klout_topic_ontology_20180601.csv')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => /^(\d+),"([^"]*)","([^"]*)"/.exec(line)!)
  .map((m) => ({ id: m[1], slug: m[2], name: m[3] }));
const publishedEdges = csv('klout_topic_edge_20180601.csv')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => /^(\d+),"[^"]*",(\d+),/.exec(line)!)
  .map((m) => ({ parent: m[1], child: m[2] }));
const idOf = (slug: string) => published.find((t) => t.slug === slug)!.id;

/** Accounts with the given topic words, one each. */
function accounts(topics: string[][]): Prepared {
  const n = topics.length;
  return {
    rows: n,
    handle: topics.map((_, i) => `acct_${i}`),
    reach: Float64Array.from(topics, (_, i) => 1000 * (i + 1)),
    engagement: null,
    cost: null,
    conversions: Float64Array.from(topics, (_, i) => i % 3),
    revenue: null,
    topics,
    blanks: {},
  };
}
function load(p: Prepared, brand: string[]) {
  conn.query('DROP TABLE IF EXISTS byod_rows');
  conn.insertArrowFromIPCStream(preparedToIpc(p), { name: 'byod_rows', create: true });
  for (const s of setupStatements({ perAccount: true, hasEngagement: false, brandTopics: brand })) run(s);
}
/** Load Klout's whole ontology as the page does (replacing the stand-in), then redo the topic tables. */
function loadOntology(brand: string[]) {
  conn.query(`DROP TABLE IF EXISTS ${ONTOLOGY_TABLE}`);
  conn.insertArrowFromIPCStream(asset, { name: ONTOLOGY_TABLE, create: true });
  for (const s of topicStatements(brand)) run(s);
}
const matches = () => select('SELECT word, topic_id, klout_topic, matched_by, in_world, topic_key FROM byod_topic_match ORDER BY word');

// The world's 142 topics, and words that find them each way (slug, name, super-topic, words of the name) or find none.
const world = tableFromIPC(readFileSync(`${process.cwd()}/public/data/topics.arrow`));
const worldSlugs = world.getChild('slug')!.toArray() as string[];
const worldWords = [
  ...worldSlugs,
  ...Array.from(world.getChild('name')!.toArray() as string[], (n) => splitTopics(n)[0]),
  ...worldSlugs.filter((s) => s.endsWith('-super')).map((s) => s.slice(0, -'-super'.length)),
  'wellness', 'health-and-wellness', 'gaming', 'made-up-topic', 'yoga', 'bikram-yoga', 'fashion', 'video-games', 'crossfit', 'music', 'games',
];

beforeAll(async () => {
  ({ conn } = await openWasmDb());
  for (const s of LOCK_SQL) conn.query(s);
});
afterAll(() => conn?.close());

describe("Your data's topics matched to Klout's whole ontology", () => {
  it('the asset holds every published topic (and the edge file\'s missing parent) with its parents, as the CSV files have them', () => {
    const t = tableFromIPC(asset);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['topic_id', 'slug', 'name', 'depth', 'parent_ids']);
    expect(t.numRows).toBe(published.length + 1);
    expect(published.length).toBe(8033);
    const rows = new Map(t.toArray().map((r) => [r.topic_id as string, r]));
    for (const p of published) expect([rows.get(p.id)?.slug, rows.get(p.id)?.name]).toEqual([p.slug, p.name]);
    expect(rows.get('8067190039628328240')?.slug).toBe('economics');
    const parents = new Map<string, Set<string>>();
    for (const e of publishedEdges) if (e.parent !== e.child) parents.set(e.child, (parents.get(e.child) ?? new Set()).add(e.parent));
    for (const [id, r] of rows) expect(new Set(Array.from(r.parent_ids as Iterable<string>)), id).toEqual(parents.get(id) ?? new Set());
    expect(Array.from(rows.values()).filter((r) => r.depth === 1).map((r) => r.slug as string).every((s) => s.endsWith('-super'))).toBe(true);
    expect(rows.get(idOf('zumba'))?.depth).toBe(3);
  });

  it("matches Zumba and Word of Mouth Marketing to their Klout topics; a phrase no topic has stays unmatched; gaming is not taken for Social Gaming", () => {
    const file = accounts([splitTopics('Zumba; Word of Mouth Marketing'), splitTopics('Pilates, made up phrase'), ['gaming']]);
    load(file, splitTopics('Yoga'));
    // Before the ontology is loaded, only the world's topics are there: neither phrase is one.
    const before = Object.fromEntries(matches().map((m) => [m.word, m.klout_topic]));
    expect([before.zumba, before['word-of-mouth-marketing']]).toEqual([null, null]);
    loadOntology(splitTopics('Yoga'));
    const m = Object.fromEntries(matches().map((r) => [r.word, [r.topic_id, r.klout_topic, r.matched_by, r.in_world]]));
    expect(m).toEqual({
      zumba: [idOf('zumba'), 'Zumba', 'slug', false],
      'word-of-mouth-marketing': [idOf('word-of-mouth-marketing'), 'Word of Mouth Marketing', 'slug', false],
      pilates: [idOf('pilates'), expect.any(String), 'slug', expect.any(Boolean)],
      'made-up-phrase': [null, null, null, false],
      gaming: [null, null, null, false],
      yoga: [idOf('yoga'), 'Yoga', 'slug', true],
    });
    expect(select("SELECT word, klout_topic, matched_by FROM (SELECT word, brand, in_file, klout_topic, matched_by FROM byod_topic_match) WHERE word = 'made-up-phrase'")).toEqual([{ word: 'made-up-phrase', klout_topic: null, matched_by: null }]);
  });

  it("relevance outside the brand's topics is the report's hierarchy-aware cosine over the ontology's links: Zumba meets Yoga where their ancestors do", () => {
    const file = accounts([['zumba'], ['word-of-mouth-marketing'], ['zumba', 'made-up-phrase'], ['yoga'], ['made-up-phrase']]);
    load(file, ['yoga']);
    loadOntology(['yoga']);
    const sql = select('SELECT relevance FROM byod_relevance ORDER BY account').map((r) => r.relevance as number);
    const h = topicHierarchy(publishedEdges.map((e) => e.parent), publishedEdges.map((e) => e.child));
    const v = (...slugs: string[]) => new Map(slugs.map((s) => [idOf(s), 1]));
    const brand = v('yoga');
    // A word matched to no topic is its own key, with no ancestor: it shares nothing but dilutes the account's vector.
    const unmatched = new Map([['word:made-up-phrase', 1]]);
    const expected = [relevance(v('zumba'), brand, h), relevance(v('word-of-mouth-marketing'), brand, h), relevance(new Map([...v('zumba'), ...unmatched]), brand, h), 1, 0];
    sql.forEach((r, i) => expect(r, `account ${i}`).toBeCloseTo(expected[i], 12));
    expect(expected[0]).toBeGreaterThan(0);
    expect(expected[1]).toBe(0);
  });

  it("leaves every match among the world's 142 topics, and the relevance, as they were before the whole ontology", () => {
    expect(world.numRows).toBe(142);
    const file = accounts([...worldWords.map((w) => [w]), ['yoga', 'fashion'], ['wellness', 'gaming']]);
    const brand = ['yoga', 'wellness', 'made-up-topic'];
    conn.query(`DROP TABLE IF EXISTS ${ONTOLOGY_TABLE}`);
    load(file, brand);
    const before = matches();
    const relevanceBefore = select('SELECT account, relevance FROM byod_relevance ORDER BY account');
    expect(before.filter((m) => m.topic_id !== null).length).toBeGreaterThan(142);
    loadOntology(brand);
    expect(select(`SELECT count(*)::INTEGER AS n FROM ${ONTOLOGY_TABLE}`)[0].n).toBe(8034);
    expect(matches()).toEqual(before);
    const after = select('SELECT account, relevance FROM byod_relevance ORDER BY account');
    expect(after.map((r) => r.account)).toEqual(relevanceBefore.map((r) => r.account));
    after.forEach((r, i) => expect(r.relevance as number).toBeCloseTo(relevanceBefore[i].relevance as number, 12));
  });
});
