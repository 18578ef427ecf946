import { deflateRawSync, inflateRawSync } from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";

/**
 * ZIP for spreadsheets. Reading is ours, to handle an uploaded XLSX safely: the entries are read through the central
 * directory with a cap on what they inflate to (a 5 MB upload must not become gigabytes in memory, whatever sizes the
 * archive declares). Methods 0 (stored) and 8 (deflate) only; no ZIP64, no encryption: an XLSX under 5 MB needs
 * none of them. Writing is fflate's.
 */

export type ZipReadFailure = "not_zip" | "unsupported" | "corrupt" | "too_large";

export interface ZipLimits {
  maxEntries: number;
  /** The most all entries may inflate to, together. */
  maxTotalBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZipEntries(
  input: Uint8Array,
  limits: ZipLimits,
): { ok: true; entries: Map<string, Buffer> } | { ok: false; reason: ZipReadFailure } {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) return { ok: false, reason: "not_zip" };
  // The end-of-central-directory record: within the last 22 + 65,535 bytes (its comment may be that long).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "corrupt" };
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: "unsupported" };
  if (count > limits.maxEntries) return { ok: false, reason: "too_large" };
  if (directoryOffset + directorySize > eocd) return { ok: false, reason: "corrupt" };

  const entries = new Map<string, Buffer>();
  let budget = limits.maxTotalBytes;
  let p = directoryOffset;
  try {
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: "corrupt" };
      const flags = bytes.readUInt16LE(p + 8);
      const method = bytes.readUInt16LE(p + 10);
      const compressedSize = bytes.readUInt32LE(p + 20);
      const size = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      const localOffset = bytes.readUInt32LE(p + 42);
      const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (flags & 0x1) return { ok: false, reason: "unsupported" }; // encrypted
      if (name.endsWith("/")) continue; // a directory
      if (size > budget) return { ok: false, reason: "too_large" };
      if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL)
        return { ok: false, reason: "corrupt" };
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
      if (dataStart + compressedSize > bytes.length) return { ok: false, reason: "corrupt" };
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      let content: Buffer;
      if (method === 0) content = Buffer.from(data);
      else if (method === 8) content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      else return { ok: false, reason: "unsupported" };
      // The declared size is only a claim: what counts is what came out.
      if (content.length !== size) return { ok: false, reason: "corrupt" };
      budget -= content.length;
      entries.set(name, content);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      reason: code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError ? "too_large" : "corrupt",
    };
  }
  return { ok: true, entries };
}

/** Entries dated 1980-01-01 (ZIP's first day), so the same files always make the same archive. */
const ZIP_EPOCH = new Date(1980, 0, 1);

/**
 * A deflated entry: fflate frames it (headers, CRC, sizes, central directory), Node's zlib compresses it, natively
 * (fflate's JavaScript deflate is about six times slower on the tests' 60 MB ZIP bomb). fflate's documented way to
 * plug in a compressor: a ZipPassThrough whose `process` compresses.
 */
class NodeDeflateEntry extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk), final);
  }
}

/** A ZIP archive of the given files (written by fflate), uncompressed ("stored") unless `deflate` is set. */
export function writeZip(files: Iterable<[string, Uint8Array]>, options: { deflate?: boolean } = {}): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const [name, content] of files) {
    const entry = options.deflate ? new NodeDeflateEntry(name) : new ZipPassThrough(name);
    entry.mtime = ZIP_EPOCH;
    zip.add(entry);
    entry.push(content, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
