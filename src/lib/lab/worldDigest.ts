/**
 * A SHA-256 fingerprint of a simulated world: every table and column, its array kind, length and
 * exact bytes (numbers) or text. Uses Web Crypto, so the lab's worker and a Node test compute it
 * with the same code: equal digests mean byte-identical worlds.
 */

const encoder = new TextEncoder();

const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes that stand for one column: typed arrays as they are, text joined by U+0001. */
function columnBytes(col: ArrayLike<unknown>): ArrayBufferView<ArrayBuffer> {
  if (ArrayBuffer.isView(col)) return col as ArrayBufferView<ArrayBuffer>;
  return encoder.encode(Array.from(col, String).join('\u0001'));
}

/** The world's digest as 64 hex digits. Tables and columns are taken in their own order (the simulator's). */
export async function worldDigest(world: Record<string, Record<string, ArrayLike<unknown>>>): Promise<string> {
  const parts: string[] = [];
  for (const [table, columns] of Object.entries(world)) {
    for (const [name, col] of Object.entries(columns)) {
      const digest = await crypto.subtle.digest('SHA-256', columnBytes(col));
      parts.push(`${table}.${name} ${col.constructor.name} ${col.length} ${hex(digest)}`);
    }
  }
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(parts.join('\n'))));
}
