/**
 * The "Your data" page's parsing worker: one per loaded file. It reads the file it is given (with
 * progress), parses it with the page's own parsers (load.ts and the rest) and keeps the raw table;
 * the page asks it about the columns for the mapping step, and for a choice of columns gets the
 * typed columns and byod_rows as Arrow IPC bytes, transferred, not copied. The page cancels a load
 * by terminating the worker; the worker of the file loaded before is untouched.
 */
import { ByodError } from './errors.ts';
import { ParsedFile } from './parsed.ts';
import type { FromWorker, ToWorker } from './worker-client.ts';

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

let held: ParsedFile | null = null;
let lastShare = -1;

const fail = (req: number, e: unknown) => post({ type: 'error', req, code: e instanceof ByodError ? e.code : 'internal', message: (e as Error).message ?? String(e) });

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'load') {
    try {
      held = await ParsedFile.load(m.file, {
        maxBytes: m.maxBytes,
        maxRows: m.maxRows,
        onProgress: (stage, share) => {
          // At most one message a percent.
          const pct = Math.floor(share * 100);
          if (pct === lastShare && share < 1) return;
          lastShare = pct;
          post({ type: 'progress', stage, share });
        },
      });
      post({ type: 'loaded', summary: held.summary });
    } catch (e) {
      fail(-1, e);
    }
    return;
  }
  if (m.type === 'choose') {
    try {
      if (!held) throw new Error('no file is loaded in this worker');
      const chosen = held.choose(m.mapping, m.marks, { prepare: m.prepare, ipc: m.ipc, key: m.key ?? null });
      const transfer: Transferable[] = [];
      const p = chosen.prepared ?? chosen.side;
      if (p) for (const col of [p.reach, p.engagement, p.cost, p.conversions, p.revenue]) if (col) transfer.push(col.buffer);
      if (chosen.ipc) transfer.push(chosen.ipc.buffer);
      post({ type: 'chosen', req: m.req, chosen }, transfer);
    } catch (e) {
      fail(m.req, e);
    }
  }
};

post({ type: 'ready' });
