import { describe, expect, it } from 'vitest';
import { Superseded, cancel, isPending, request, work, type Client, type Spec } from '../../../src/lib/client/client.ts';

/** An element as far as the driver uses it: data-state and aria-busy. */
function fakeElement() {
  const attributes = new Map<string, string>();
  return {
    dataset: {} as Record<string, string>,
    setAttribute: (k: string, v: string) => void attributes.set(k, v),
    removeAttribute: (k: string) => void attributes.delete(k),
    attributes,
  };
}

/** A spec the test settles by hand, recording whether its signal was aborted. */
function deferred<T>(label = 'q') {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  const seen: { signal?: AbortSignal } = {};
  const spec: Spec<T> = {
    label,
    run: (signal) => {
      seen.signal = signal;
      signal.addEventListener('abort', () => reject(signal.reason));
      return promise;
    },
  };
  return { spec, resolve, reject, seen };
}

type Log = string[];

function client(el: ReturnType<typeof fakeElement>, specs: (p: number) => Record<string, Spec<unknown>>, log: Log, extra: Partial<Client<number, any>> = {}): Client<number, any> {
  return {
    el: el as unknown as HTMLElement,
    query: specs,
    queryPending: (p) => {
      log.push(`pending ${p}`);
      return () => log.push(`settled ${p}`);
    },
    queryResult: (r, p) => void log.push(`result ${p} ${JSON.stringify(r)}`),
    queryError: (e, p) => void log.push(`error ${p} ${e.message}`),
    ...extra,
  };
}

describe('request: the one way a client asks for data', () => {
  it('runs the specs, hands their results by key to queryResult, and the element follows: updating, then live', async () => {
    const el = fakeElement();
    const log: Log = [];
    const a = deferred<number>();
    const c = client(el, () => ({ rows: a.spec, n: work('count', async () => 7) }), log);
    const done = request(c, 1);
    expect(el.dataset.state).toBe('updating');
    expect(isPending(c)).toBe(true);
    a.resolve(42);
    expect(await done).toEqual({ done: true });
    expect(el.dataset.state).toBe('live');
    expect(log).toEqual(['pending 1', 'result 1 {"rows":42,"n":7}', 'settled 1']);
    expect(isPending(c)).toBe(false);
  });

  it('newest request wins: the older one is aborted and its late result never rendered', async () => {
    const el = fakeElement();
    const log: Log = [];
    const runs = [deferred<string>(), deferred<string>()];
    let k = 0;
    const c = client(el, () => ({ rows: runs[k++].spec }), log);
    const first = request(c, 1);
    const second = request(c, 2);
    expect(runs[0].seen.signal!.aborted).toBe(true);
    expect(runs[0].seen.signal!.reason).toBeInstanceOf(Superseded);
    expect(runs[1].seen.signal!.aborted).toBe(false);
    runs[1].resolve('new');
    expect(await second).toEqual({ done: true });
    expect(await first).toEqual({ done: false });
    expect(log.filter((l) => l.startsWith('result') || l.startsWith('error'))).toEqual(['result 2 {"rows":"new"}']);
    expect(el.dataset.state).toBe('live');
  });

  it('a result that arrives after a newer request started is dropped even if its spec ignores the signal', async () => {
    const el = fakeElement();
    const log: Log = [];
    const gates: ((v: string) => void)[] = [];
    const c = client(el, (p) => ({ rows: work('q', () => new Promise<string>((res) => gates.push(() => res(`rows ${p}`)))) }), log);
    const first = request(c, 1);
    const second = request(c, 2);
    gates[1]('');
    await second;
    gates[0]('');
    expect(await first).toEqual({ done: false });
    expect(log.filter((l) => l.startsWith('result'))).toEqual(['result 2 {"rows":"rows 2"}']);
  });

  it('a failure of the newest request: data-state failed, queryError called, the outcome carries the error', async () => {
    const el = fakeElement();
    const log: Log = [];
    const c = client(el, () => ({ rows: work('q', async () => Promise.reject(new Error('no table'))) }), log, { states: { failed: 'error' } });
    const outcome = await request(c, 3);
    expect(outcome.done).toBe(false);
    expect(!outcome.done && outcome.error?.message).toBe('no table');
    expect(el.dataset.state).toBe('error');
    expect(log).toEqual(['pending 3', 'error 3 no table', 'settled 3']);
  });

  it('an error thrown while rendering counts as a failure too', async () => {
    const el = fakeElement();
    const log: Log = [];
    const c = client(el, () => ({}), log, {
      queryResult: () => {
        throw new Error('chart');
      },
    });
    await request(c, 1);
    expect(el.dataset.state).toBe('failed');
    expect(log).toContain('error 1 chart');
  });

  it('a Superseded error (work overtaken elsewhere) is not a failure: no queryError, the state is left pending', async () => {
    const el = fakeElement();
    const log: Log = [];
    const c = client(el, () => ({ rows: work('q', async () => Promise.reject(new Superseded('a newer world'))) }), log);
    expect(await request(c, 1)).toEqual({ done: false });
    expect(el.dataset.state).toBe('updating');
    expect(log.some((l) => l.startsWith('error'))).toBe(false);
  });

  it('cancel stops the newest request, which fails with its own error (the reader is told)', async () => {
    const el = fakeElement();
    const log: Log = [];
    const a = deferred<number>();
    const c = client(el, () => ({ rows: a.spec }), log, { states: { pending: 'running', done: 'done', failed: 'error' } });
    const done = request(c, 1);
    expect(el.dataset.state).toBe('running');
    cancel(c);
    expect(a.seen.signal!.aborted).toBe(true);
    expect((await done).done).toBe(false);
    expect(el.dataset.state).toBe('error');
    expect(log).toContain('error 1 cancelled');
  });

  it('aria-busy is set while pending for busy clients, and left to the newest request', async () => {
    const el = fakeElement();
    const log: Log = [];
    const runs = [deferred<number>(), deferred<number>()];
    let k = 0;
    const c = client(el, () => ({ rows: runs[k++].spec }), log, { busy: true });
    const first = request(c, 1);
    const second = request(c, 2);
    await first;
    expect(el.attributes.get('aria-busy')).toBe('true');
    runs[1].resolve(1);
    await second;
    expect(el.attributes.has('aria-busy')).toBe(false);
  });

  it('a render that awaits and is overtaken meanwhile does not mark the element live', async () => {
    const el = fakeElement();
    const log: Log = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = client(el, () => ({}), log, {
      queryResult: async (_, p, signal) => {
        if (p === 1) await gate;
        signal.throwIfAborted();
        log.push(`drawn ${p}`);
      },
    });
    const first = request(c, 1);
    await Promise.resolve();
    await Promise.resolve();
    const second = request(c, 2);
    await second;
    release();
    expect(await first).toEqual({ done: false });
    expect(log.filter((l) => l.startsWith('drawn'))).toEqual(['drawn 2']);
    expect(el.dataset.state).toBe('live');
  });
});
