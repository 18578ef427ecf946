/**
 * GZIP decompression with the platform's DecompressionStream (browsers, Node ≥ 18): no library in the client
 * bundle. The output is capped, so a small hostile input cannot fill the memory (a status list is 16 KiB; the
 * largest a QR code can point into, 2^24 entries, is 2 MiB).
 */
export const GUNZIP_MAX_BYTES = 2 * 1024 * 1024;

export async function gunzip(bytes: Uint8Array, maxBytes = GUNZIP_MAX_BYTES): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError(`decompressed data exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
