import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/lib/data/dictionary.ts';
import { forbiddenNames, forbiddenReads, namesIn } from './columnReads.ts';

const root = join(new URL('../../..', import.meta.url).pathname);
const filesUnder = (dir: string, ext: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
/** A file's code: an Astro component's frontmatter (its markup is prose), any other file whole. */
const read = (file: string) => {
  const text = readFileSync(join(root, file), 'utf8');
  return file.endsWith('.astro') ? (text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') : text;
};

const columns = TABLES.flatMap((t) => t.columns.map((c) => ({ table: t, column: c, id: `${t.name}.${c.name}` })));

/** The score paths (SCIENCE.md §7): the SQL that computes features and scores, and the TypeScript that computes relevance, trust and fit. */
const SCORE_SQL = [...filesUnder('src/sql/macros', '.sql'), ...filesUnder('src/sql/build', '.sql')];
const SCORE_TS = [...filesUnder('src/lib/scoring', '.ts'), 'src/lib/figures/signals.ts'];
/**
 * Where an oracle column may be read, and why: the oracle ranking of the budget test and the
 * figures that show the simulator's expectation beside what a score sees (the noise ceiling belongs here too).
 */
const ORACLE_READERS: Record<string, string> = {
  'src/sql/brand_offers.sql': 'the menu of the budget test (its oracle ranks by expected conversions per dollar) and the celebrity figure',
  'src/sql/bought_followers.sql': "the gaming figure shows that the purchase leaves the expected purchases where they were",
  'src/sql/placement_expected.sql': "each brand's noise ceiling (expected against realized outcomes of the placements)",
  'src/lib/figures/celebrity.ts': 'the celebrity figure compares expected purchases per dollar',
  'src/lib/figures/gaming.ts': 'the gaming figure shows expected purchases before and after',
};

/** Files whose text names a hidden field without reading a column, and why. */
const HIDDEN_MENTIONS: Record<string, string> = {
  'src/lib/figures/celebrity.ts': "names the hand-made accounts' hand-set community from the catalog (a disclosed assumption), in prose",
};

describe('the data dictionary classifies every column', () => {
  it('as observable, oracle or hidden', () => {
    for (const { id, column } of columns) expect(['observable', 'oracle', 'hidden'], id).toContain(column.kind);
  });

  it('ships no hidden column, and no hidden table is shipped', () => {
    expect(columns.filter((x) => x.table.shipped && x.column.kind === 'hidden').map((x) => x.id)).toEqual([]);
    for (const t of TABLES.filter((x) => x.hidden)) expect(t.shipped, t.name).toBe(false);
    // Hidden columns live only in the hidden tables (the simulator's truth, never loaded into DuckDB).
    expect(columns.filter((x) => x.column.kind === 'hidden' && !x.table.hidden).map((x) => x.id)).toEqual([]);
  });

  it('names the hidden truth of SCIENCE.md §7 as hidden: the true fake share, the community, the generator\'s niche and customer profile', () => {
    const hidden = columns.filter((x) => x.column.kind === 'hidden').map((x) => x.id);
    expect(hidden).toEqual(
      expect.arrayContaining([
        'hidden_accounts.fake_follower_share',
        'hidden_accounts.community',
        'hidden_accounts.generator_niche_topic_id',
        'customer_profiles.true_weight',
      ]),
    );
  });

  it('has two oracle columns, the expected outcomes (purchases, and recall for the awareness brand), shipped for the oracle and the noise ceiling', () => {
    expect(columns.filter((x) => x.column.kind === 'oracle').map((x) => x.id)).toEqual(['pair_outcomes.expected_conversions', 'pair_outcomes.expected_recalled']);
  });

  it('ships what a score reads as observable: the audit, the brief, the visible niche', () => {
    const kind = (id: string) => columns.find((x) => x.id === id)?.column.kind;
    expect(kind('influencers.audit_fake_share')).toBe('observable');
    expect(kind('brand_topics.weight')).toBe('observable');
    expect(kind('account_features.top_topic_id')).toBe('observable');
    expect(columns.some((x) => x.table.shipped && ['fake_follower_share', 'niche_topic_id', 'community'].includes(x.column.name))).toBe(false);
  });
});

describe('the column-read check', () => {
  const forbidden = forbiddenNames();

  it('forbids the oracle, hidden and outcome columns, never a shared key such as topic_id', () => {
    for (const name of ['expected_conversions', 'fake_follower_share', 'community', 'true_weight', 'customer_profiles', 'conversions', 'revenue']) {
      expect(forbidden.has(name), name).toBe(true);
    }
    for (const name of ['topic_id', 'influencer_id', 'brand_id', 'followers', 'audit_fake_share', 'weight', 'cost']) expect(forbidden.has(name), name).toBe(false);
  });

  it('finds a read in SQL and in TypeScript, and ignores comments', () => {
    expect(forbiddenReads('SELECT o.expected_conversions FROM pair_outcomes o', 'sql')).toEqual(['pair_outcomes.expected_conversions (oracle)']);
    expect(forbiddenReads("-- never expected_conversions\nSELECT followers FROM account_features /* fake_follower_share */", 'sql')).toEqual([]);
    expect(forbiddenReads("const f = numbers(frame, 'fake_follower_share');", 'ts')).toEqual(['hidden_accounts.fake_follower_share (hidden)']);
    expect(forbiddenReads('const e = frame.columns.expected_conversions; // fine', 'ts')).toEqual(['pair_outcomes.expected_conversions (oracle)']);
    expect(forbiddenReads("// numbers(frame, 'conversions')\nconst url = 'http://x/y'; const c = 'communityX';", 'ts')).toEqual([]);
    expect([...namesIn("const url = 'http://x'; // conversions\nconst b = 1;", 'ts')]).toEqual(['const', 'url', 'http', 'x', 'b']);
  });

  it('would have caught the old trust score, which read influencers.fake_follower_share', () => {
    const old = "export function trustOf(frame) { return trustScores({ fakeFollowerShare: numbers(frame, 'fake_follower_share') }); }";
    expect(forbiddenReads(old, 'ts')).toContain('hidden_accounts.fake_follower_share (hidden)');
  });
});

describe('no score reads an oracle, hidden or outcome column', () => {
  it('finds the score paths', () => {
    expect(SCORE_SQL).toEqual(expect.arrayContaining(['src/sql/macros/reach_score.sql', 'src/sql/macros/kred_score.sql', 'src/sql/macros/peerindex_score.sql', 'src/sql/build/account_features.sql']));
    expect(SCORE_TS).toEqual(expect.arrayContaining(['src/lib/scoring/trust.ts', 'src/lib/scoring/relevance.ts']));
  });

  it.each(SCORE_SQL)('%s', (file) => {
    expect(forbiddenReads(read(file), 'sql')).toEqual([]);
  });

  it.each(SCORE_TS)('%s', (file) => {
    expect(forbiddenReads(read(file), 'ts')).toEqual([]);
  });
});

describe('oracle and hidden columns elsewhere in the site', () => {
  const oracle = new Map([...forbiddenNames()].filter(([, why]) => why.endsWith('(oracle)')));
  const hidden = new Map([...forbiddenNames()].filter(([, why]) => why.endsWith('(hidden)') || why.endsWith('(hidden table)')));
  const sql = filesUnder('src/sql', '.sql');
  const ts = [...filesUnder('src/lib', '.ts'), ...filesUnder('src/pages', '.astro'), ...filesUnder('src/components', '.astro')].filter((f) => f !== 'src/lib/data/dictionary.ts');

  it.each(sql)('%s reads no hidden column, and an oracle column only where the oracle or a figure of the truth needs it', (file) => {
    expect(forbiddenReads(read(file), 'sql', hidden)).toEqual([]);
    if (!ORACLE_READERS[file]) expect(forbiddenReads(read(file), 'sql', oracle)).toEqual([]);
  });

  it.each(ts)('%s reads no hidden column, and an oracle column only where the oracle or a figure of the truth needs it', (file) => {
    if (!HIDDEN_MENTIONS[file]) expect(forbiddenReads(read(file), 'ts', hidden)).toEqual([]);
    if (!ORACLE_READERS[file]) expect(forbiddenReads(read(file), 'ts', oracle)).toEqual([]);
  });

  it('lists only readers that do read an oracle column', () => {
    for (const file of Object.keys(ORACLE_READERS)) expect(forbiddenReads(read(file), file.endsWith('.sql') ? 'sql' : 'ts', oracle), file).not.toEqual([]);
  });
});
