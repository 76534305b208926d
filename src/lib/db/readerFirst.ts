/**
 * The reader's moves go first, across workers. The SQL cell's statement runs in a worker of its own
 * a slice at a time (a pending query, readOnly.ts); between slices it waits while the page is
 * answering a move: a query for what is on screen still running, or one that ended less than
 * QUIET_MS ago (the frame that move draws, and a drag's next step). On a machine of two cores the
 * page's main thread, the page's worker and the cell's worker otherwise share them three ways, and
 * the frame a move draws waits its turn. The wait is bounded (MAX_WAIT_MS): under a drag that never
 * stops, the statement still runs a slice that often.
 */

/** How long after the last on-screen query the page counts as quiet. */
export const QUIET_MS = 150;
/** The longest a slice waits. */
export const MAX_WAIT_MS = 500;

let running = 0;
let lastEnded = -Infinity;

/** Count `work` as a query for what is on screen while it runs (the coordinator's visible queries). */
export function onScreen<T>(work: Promise<T>): Promise<T> {
  running++;
  const ended = () => {
    running--;
    lastEnded = performance.now();
  };
  work.then(ended, ended);
  return work;
}

/** Resolves once the page is quiet (see above), or after MAX_WAIT_MS at the latest. */
export async function readerFirst(): Promise<void> {
  const started = performance.now();
  for (;;) {
    const now = performance.now();
    const quietFor = running > 0 ? 0 : now - lastEnded;
    const left = MAX_WAIT_MS - (now - started);
    if (quietFor >= QUIET_MS || left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(QUIET_MS - quietFor, left)));
  }
}
