import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { DEFAULT_PARAMS } from '../../../data/sim/params.ts';
import { simulateWorld, type World } from '../../../data/sim/world.ts';
import { CHUNK, streamWorld } from '../../../src/lib/lab/streamWorld.ts';
import { fullOntology, worldHash } from '../sim/helpers.ts';

interface Sent {
  name: string;
  ipc: Uint8Array | null;
  append: boolean;
  last: boolean;
}

type Columns = Record<string, ArrayLike<unknown>>;

let sent: Sent[];
let world: World;
beforeAll(() => {
  sent = [];
  world = streamWorld(DEFAULT_PARAMS, fullOntology(), (name, ipc, append, last) => sent.push({ name, ipc, append, last })).world;
});

/** Where in the sequence of messages a table was complete. */
const completeAt = (name: string) => sent.findIndex((s) => s.name === name && s.last);

describe('streamWorld: the lab hands a world over while it is simulated', () => {
  it('returns the very world simulateWorld makes (streaming changes nothing)', () => {
    expect(worldHash(world)).toBe(worldHash(simulateWorld(DEFAULT_PARAMS, fullOntology())));
  });

  it('completes every table exactly once', () => {
    const complete = sent.filter((s) => s.last).map((s) => s.name);
    expect([...complete].sort()).toEqual(Object.keys(world).sort());
  });

  it('hands the posts and reactions over in chunks of whole DuckDB row groups, the first creating the table and the rest appending', () => {
    for (const name of ['posts', 'reactions'] as const) {
      const parts = sent.filter((s) => s.name === name);
      expect(parts.length).toBeGreaterThan(name === 'reactions' ? 3 : 1);
      parts.forEach((p, k) => {
        expect(p.append).toBe(k > 0);
        expect(p.last).toBe(k === parts.length - 1);
        if (!p.last) expect(tableFromIPC(p.ipc!).numRows).toBe(CHUNK[name]);
      });
    }
  });

  it('sends the events (the derivation\'s inputs) before the audiences, placements and outcomes are simulated, so DuckDB derives while they are', () => {
    const events = Math.max(completeAt('posts'), completeAt('reactions'), completeAt('influencers'));
    // Reaction chunks go while posts are still being made: the first reaction chunk precedes the end of the posts.
    expect(sent.findIndex((s) => s.name === 'reactions')).toBeLessThan(completeAt('posts'));
    for (const later of ['audience_topics', 'placements', 'pair_outcomes']) expect(completeAt(later)).toBeGreaterThan(events);
  });

  it('each chunk decodes to exactly its rows of the final table, in order', { timeout: 60_000 }, () => {
    const offsets = new Map<string, number>();
    for (const s of sent) {
      if (!s.ipc) continue;
      const columns = (world as unknown as Record<string, Columns>)[s.name];
      const from = offsets.get(s.name) ?? 0;
      const table = tableFromIPC(s.ipc);
      for (const field of table.schema.fields) {
        const vector = table.getChild(field.name)!;
        const values = vector.toArray() as ArrayLike<unknown>;
        const got: ArrayLike<unknown> = ArrayBuffer.isView(values) ? values : Array.from(vector);
        const want = columns[field.name];
        let wrong = 0;
        for (let i = 0; i < table.numRows; i++) {
          const g = got[i];
          if ((typeof g === 'bigint' || typeof g === 'boolean' ? Number(g) : g) !== want[from + i]) wrong++;
        }
        expect(wrong, `${s.name}.${field.name} rows ${from}+${table.numRows}`).toBe(0);
      }
      offsets.set(s.name, from + table.numRows);
    }
    for (const [name, columns] of Object.entries(world as unknown as Record<string, Columns>)) {
      expect(offsets.get(name), name).toBe(Object.values(columns)[0].length);
    }
  });
});
