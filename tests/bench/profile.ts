/** Where a page's main-thread time goes during an action: a CPU profile summed by script file (self time). */
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

/** Run `action` under Chrome's sampling profiler; return the top files by self time per slider move (10 moves). */
export async function profileSummary(page: Page, action: () => Promise<void>, moves = 10): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = performance.now();
  await action();
  const wall = performance.now() - t;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id)!;
    const url = node.callFrame.url;
    const key = url ? url.split('/').pop()!.replace(/\.[\w-]{8}\.js$/, '.js') : node.callFrame.functionName || '(native)';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const idle = self.get('(idle)') ?? 0;
  self.delete('(idle)');
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 7);
  return (
    `${(wall / moves).toFixed(1)} ms wall, ${(busy / moves).toFixed(1)} ms main thread busy, ${(idle / moves).toFixed(1)} ms idle (the pause between moves, or waiting for the DuckDB worker); ` +
    top.map(([k, v]) => `${k} ${(v / moves).toFixed(1)}`).join(', ')
  );
}
