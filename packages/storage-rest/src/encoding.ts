/**
 * Small pure helpers of the REST adapter: how an id becomes a path segment, keys for records and
 * writes, JSON copies, and the UTF-8 size check for records over the server's body limit.
 */

/**
 * A path segment for an id: percent-encoded, with `.`/`..` (which URLs would swallow) and ids that
 * start with `~` prefixed by one `~` that the server strips (see docs/openapi.yaml).
 */
export function encodeIdSegment(id: string): string {
  return encodeURIComponent(id === '.' || id === '..' || id.startsWith('~') ? `~${id}` : id);
}

/** A random key (a write's `Idempotency-Key`, this adapter's instance id). */
export function randomKey(): string {
  const cryptoObject = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoObject?.randomUUID) return cryptoObject.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One key per record, for the revisions this adapter last saw. */
export const recordKeyOf = (collection: string, id: string) => `${collection}\n${id}`;

/** The path of one record. */
export const recordPath = (collection: string, id: string) => `/collections/${encodeURIComponent(collection)}/records/${encodeIdSegment(id)}`;

/**
 * The UTF-8 size of `text` when it is over `limit` bytes, otherwise undefined. Counts without
 * encoding (a lone surrogate counts as the 3 bytes of U+FFFD, as `TextEncoder` writes it).
 */
export function utf8LengthOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : undefined;
}
