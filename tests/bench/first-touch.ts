/** Where the first touch's time goes: the page's resource timings and the engine's and figure's marks, relative to the touch. */
import type { Page } from 'playwright-core';

export async function firstTouchStages(page: Page, t0: number, figure: string): Promise<Record<string, number>> {
  return page.evaluate(([t0, figure]) => {
    const at = (t: number | undefined) => (t === undefined ? NaN : Math.round(t - t0));
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const last = (re: RegExp) => Math.max(...resources.filter((r) => re.test(r.name) && r.responseEnd > t0 - 1000).map((r) => r.responseEnd));
    const first = (re: RegExp) => Math.min(...resources.filter((r) => re.test(r.name) && r.startTime > t0 - 1000).map((r) => r.startTime));
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    const measures = performance.getEntriesByType('measure');
    const lock = measures.find((m) => m.name === 'influence:engine-lock');
    const fig = (what: string) => measures.find((m) => m.name === `figure ${figure}: ${what}` && m.startTime > t0);
    return {
      'script requested': at(first(/\.js(\?|$)/)),
      'scripts loaded': at(last(/\.js(\?|$)/)),
      'engine preheat': at(mark('influence:engine-preheat')),
      'engine preheated': at(mark('influence:engine-preheated')),
      'engine start': at(mark('influence:engine-start')),
      'data fetched': at(last(/\.arrow(\?|$)/)),
      'wasm instantiated': at(mark('influence:engine-wasm')),
      'data in hand': at(mark('influence:engine-data')),
      'tables inserted': at(mark('influence:engine-tables')),
      'macros installed': at(lock?.startTime),
      'engine ready': at(mark('influence:engine-ready')),
      'figure queries done': at(fig('query') && fig('query')!.startTime + fig('query')!.duration),
      'figure model done': at(fig('model') && fig('model')!.startTime + fig('model')!.duration),
      'figure chart done': at(fig('chart') && fig('chart')!.startTime + fig('chart')!.duration),
    };
  }, [t0, figure] as const);
}
