/**
 * Why the live engine is unavailable, in words a reader can act on. The engine module turns every
 * way it can fail (no WebAssembly, its WebAssembly failing to download, the worker script failing or crashing, the data not loading,
 * memory running out, a start that never finishes) into an EngineFailure with one of these kinds;
 * figures show its message in their notice, next to "Try again".
 */
export type FailureKind = 'unsupported' | 'download' | 'worker' | 'memory' | 'data' | 'timeout';

export class EngineFailure extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'EngineFailure';
  }
}

/** What each kind of failure means for the reader (the sentence continues "Interaction is unavailable: …"). */
export const NOTICES: Record<FailureKind, string> = {
  unsupported: 'this browser cannot run WebAssembly or Web Workers, which the live engine needs',
  download: 'the live engine (DuckDB-WASM) did not download',
  worker: 'the live engine (DuckDB-WASM) stopped',
  memory: 'the browser ran out of memory for the live engine (closing other tabs may help)',
  data: 'the data did not load',
  timeout: 'the live engine took too long to start',
};

/** Messages browsers and DuckDB give when memory runs out. */
const OUT_OF_MEMORY = /out of memory|array buffer allocation failed|could not allocate memory|allocation failed|memory access out of bounds/i;

/** Whether an error says that memory ran out. */
export const isOutOfMemory = (error: unknown): boolean => OUT_OF_MEMORY.test(errorText(error));

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error ?? '');
}

/**
 * An EngineFailure for any error: kept as it is if it already is one; "memory" when its message
 * says memory ran out; otherwise `kind`, with the original message as the detail. Empty or
 * missing messages give the notice alone.
 */
export function engineFailure(error: unknown, kind: FailureKind = 'worker'): EngineFailure {
  if (error instanceof EngineFailure) return error;
  const detail = errorText(error).trim();
  const k = isOutOfMemory(error) ? 'memory' : kind;
  return new EngineFailure(k, detail ? `${NOTICES[k]} (${detail})` : NOTICES[k], { cause: error });
}
