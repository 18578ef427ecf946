import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * Just enough ZIP to handle an uploaded XLSX safely: read the entries through the central directory with a cap on
 * what they inflate to (a 5 MB upload must not become gigabytes in memory), and write a plain "stored" archive.
 * and write an archive. Methods 0 (stored) and 8 (deflate) only; no ZIP64, no encryption: an XLSX under 5 MB
 * needs none of them.
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
      if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) return { ok: false, reason: "corrupt" };
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
    return { ok: false, reason: code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError ? "too_large" : "corrupt" };
  }
  return { ok: true, entries };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of the given files, uncompressed ("stored") unless `deflate` is set. */
export function writeZip(files: Iterable<[string, Uint8Array]>, options: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(content);
    const method = options.deflate ? 8 : 0;
    const data = options.deflate ? deflateRawSync(content) : Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
    count++;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
