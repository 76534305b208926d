import { describe, expect, it } from 'vitest';
import { ontologyFromTables, parseCsv, parseOntology, ROOT_ID } from '../../../data/sim/ontology.ts';
import { fullOntology, topicsCsv } from './helpers.ts';

const TOPICS_HEADER = '"topicId","topicSlug","topicDisplayName","wikiItemId","freebaseMachineId"';
const EDGES_HEADER = '"parentTopicId","parrentTopicSlug","childTopicId","childTopicSlug"';

describe('parseCsv(text)', () => {
  it.each([
    ['empty text', '', []],
    ['one unquoted row', 'a,b,c', [['a', 'b', 'c']]],
    ['quoted fields with commas, quotes and line breaks', '"a,1","say ""hi""","x\ny"\n', [['a,1', 'say "hi"', 'x\ny']]],
    ['CRLF line ends', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['CR-only line ends', 'a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    ['a leading BOM', '\ufeff"id",x\n1,2', [['id', 'x'], ['1', '2']]],
    ['empty fields', ',,\n', [['', '', '']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('parseOntology(topicsCsv, edgesCsv)', () => {
  const topics = [TOPICS_HEADER, '10,"yoga","Yoga","Q1","x"', '18446744073709551615,"big-id","Big, quoted","Q2","y"'].join('\n');

  it('keeps 64-bit ids as exact strings', () => {
    const o = parseOntology(topics, EDGES_HEADER);
    expect(o.topics).toEqual([
      { id: '10', slug: 'yoga', name: 'Yoga' },
      { id: '18446744073709551615', slug: 'big-id', name: 'Big, quoted' },
    ]);
  });

  it('drops self-loops and duplicate edges and keeps root edges', () => {
    const edges = [EDGES_HEADER, '0,"_ROOT_",0,"_ROOT_"', '0,"_ROOT_",10,"yoga"', '0,"_ROOT_",10,"yoga"', '10,"yoga",18446744073709551615,"big-id"'].join('\r\n');
    expect(parseOntology(topics, edges).edges).toEqual([
      { parent: ROOT_ID, child: '10' },
      { parent: '10', child: '18446744073709551615' },
    ]);
  });

  it('turns a parent missing from the topic file into a topic named from its slug', () => {
    const edges = [EDGES_HEADER, '0,"_ROOT_",99,"economics"', '99,"economics",10,"yoga"'].join('\n');
    const o = parseOntology(topics, edges);
    expect(o.topics).toContainEqual({ id: '99', slug: 'economics', name: 'Economics' });
    expect(o.topics.filter((t) => t.id === ROOT_ID)).toEqual([]);
  });

  it.each([
    ['a missing column', '"topicId","topicSlug"\n1,"a"', EDGES_HEADER, /missing column topicDisplayName/],
    ['a non-numeric id', `${TOPICS_HEADER}\nabc,"a","A","",""`, EDGES_HEADER, /not an unsigned integer/],
    ['a negative id', `${TOPICS_HEADER}\n-5,"a","A","",""`, EDGES_HEADER, /not an unsigned integer/],
    ['a duplicate id', `${TOPICS_HEADER}\n1,"a","A","",""\n1,"b","B","",""`, EDGES_HEADER, /duplicate topic id 1/],
  ])('throws on %s', (_name, t, e, message) => {
    expect(() => parseOntology(t, e)).toThrow(message);
  });

  it('reads the real Klout files: 8,033 topics plus the missing economics, 13,446 edges less the self-loop', () => {
    const o = fullOntology();
    expect(o.topics).toHaveLength(8034);
    expect(o.edges).toHaveLength(13445);
    expect(o.topics.find((t) => t.slug === 'economics')).toEqual({ id: '8067190039628328240', slug: 'economics', name: 'Economics' });
    expect(o.topics.find((t) => t.slug === 'electricity')?.id).toBe('10000000000000019794');
    // 3,541 ids are ≥ 2^63: every one must survive as its exact text.
    const raw = new Set(topicsCsv().split('\n').slice(1).map((line) => line.split(',')[0]).filter(Boolean));
    const big = o.topics.filter((t) => BigInt(t.id) >= 2n ** 63n);
    expect(big.length).toBe(3541);
    for (const t of big) expect(raw.has(t.id)).toBe(true);
  });
});

describe('ontologyFromTables(topics, edges)', () => {
  it('reads a world\'s topic columns back as an ontology', () => {
    expect(
      ontologyFromTables({ topic_id: ['1', '2'], slug: ['a', 'b'], name: ['A', 'B'] }, { parent_id: ['0', '1'], child_id: ['1', '2'] }),
    ).toEqual({
      topics: [
        { id: '1', slug: 'a', name: 'A' },
        { id: '2', slug: 'b', name: 'B' },
      ],
      edges: [
        { parent: '0', child: '1' },
        { parent: '1', child: '2' },
      ],
    });
  });
});
