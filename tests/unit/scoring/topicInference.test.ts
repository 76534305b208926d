import { describe, expect, it } from 'vitest';
import { naiveTopics, persistentTopics, type TopicMentions } from '../../../src/lib/scoring/topicInference.ts';

const YOGA = '8849266951488068792';
const MUSIC = '10000000000000019646';
const HOMEWORK = '10000000000000000003';
const COOKING = '10000000000000000000'; // equal to HOMEWORK as a JavaScript number

// account 1: yoga in weeks 1–4, music in weeks 1–3, homework once (week 2)
// account 2: music in weeks 1, 2, 3, 3
// account 3: cooking three times in week 1, yoga once in week 7
const rows: [number, number, string][] = [
  [1, 1, YOGA], [1, 2, YOGA], [1, 3, YOGA], [1, 4, YOGA],
  [1, 1, MUSIC], [1, 2, MUSIC], [1, 3, MUSIC], [1, 2, HOMEWORK],
  [2, 1, MUSIC], [2, 2, MUSIC], [2, 3, MUSIC], [2, 3, MUSIC],
  [3, 1, COOKING], [3, 1, COOKING], [3, 1, COOKING], [3, 7, YOGA],
];
const posts: TopicMentions = {
  account: rows.map((r) => r[0]),
  week: rows.map((r) => r[1]),
  topic: rows.map((r) => r[2]),
};

const plain = (profiles: Map<number, Map<string, number>>) =>
  Object.fromEntries([...profiles].map(([a, m]) => [a, Object.fromEntries(m)]));
const expectProfiles = (actual: Map<number, Map<string, number>>, expected: Record<number, Record<string, number>>) => {
  const got = plain(actual);
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [a, topics] of Object.entries(expected)) {
    expect(Object.keys(got[a]).sort()).toEqual(Object.keys(topics).sort());
    for (const [t, w] of Object.entries(topics)) expect(got[a][t]).toBeCloseTo(w, 12);
  }
};

describe('naiveTopics(posts)', () => {
  it('gives each account the share of its mentions on each topic, one-offs included', () => {
    expectProfiles(naiveTopics(posts), {
      1: { [YOGA]: 4 / 8, [MUSIC]: 3 / 8, [HOMEWORK]: 1 / 8 },
      2: { [MUSIC]: 1 },
      3: { [COOKING]: 3 / 4, [YOGA]: 1 / 4 },
    });
  });

  it('skips rows with a missing account or topic, and does not need the week', () => {
    const p = { account: [1, NaN, 1, 1, null], week: [NaN, 1, 1, 1, 1], topic: [YOGA, YOGA, '', null, MUSIC] };
    expectProfiles(naiveTopics(p), { 1: { [YOGA]: 1 } });
  });

  it('is empty for no rows', () => {
    expect(naiveTopics({ account: [], week: [], topic: [] }).size).toBe(0);
  });

  it('throws when the columns differ in length', () => {
    expect(() => naiveTopics({ account: [1], week: [], topic: [YOGA] })).toThrow(RangeError);
  });
});

describe('persistentTopics(posts, options)', () => {
  it('keeps topics repeated over at least 3 weeks, weighted by weeks × idf, so a one-off mention drops out', () => {
    // idf: yoga and music ln(3/2) (2 of 3 accounts); account 1: 4·ln1.5 and 3·ln1.5 → 4/7, 3/7.
    // Account 3 has nothing persistent: cooking is in 1 distinct week, yoga in 1.
    expectProfiles(persistentTopics(posts), {
      1: { [YOGA]: 4 / 7, [MUSIC]: 3 / 7 },
      2: { [MUSIC]: 1 },
      3: {},
    });
  });

  it('uses the rarity of a topic with minWeeks 1', () => {
    // account 1: yoga 4·ln(3/2), music 3·ln(3/2), homework 1·ln(3/1)
    const total = 7 * Math.log(1.5) + Math.log(3);
    // account 3: cooking 1·ln3, yoga 1·ln1.5
    const total3 = Math.log(3) + Math.log(1.5);
    expectProfiles(persistentTopics(posts, { minWeeks: 1 }), {
      1: { [YOGA]: (4 * Math.log(1.5)) / total, [MUSIC]: (3 * Math.log(1.5)) / total, [HOMEWORK]: Math.log(3) / total },
      2: { [MUSIC]: 1 },
      3: { [COOKING]: Math.log(3) / total3, [YOGA]: Math.log(1.5) / total3 },
    });
  });

  it('drops a topic every account mentions (idf 0)', () => {
    const p = { account: [1, 1, 1, 2, 2, 2, 1], week: [1, 2, 3, 1, 2, 3, 1], topic: [YOGA, YOGA, YOGA, YOGA, YOGA, YOGA, MUSIC] };
    expectProfiles(persistentTopics(p, { minWeeks: 1 }), { 1: { [MUSIC]: 1 }, 2: {} });
  });

  it('skips rows with a missing account, week or topic', () => {
    const p = {
      account: [1, 1, 1, 1, 2, null],
      week: [1, 2, NaN, null, 1, 1],
      topic: [YOGA, YOGA, YOGA, YOGA, MUSIC, MUSIC],
    };
    expectProfiles(persistentTopics(p, { minWeeks: 2 }), { 1: { [YOGA]: 1 }, 2: {} });
  });

  it('is empty for no rows', () => {
    expect(persistentTopics({ account: [], week: [], topic: [] }).size).toBe(0);
  });
});
