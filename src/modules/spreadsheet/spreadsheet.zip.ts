// Unpacking an uploaded XLSX (a zip) within limits: a few kilobytes can unpack to gigabytes (a "zip
// bomb"). First the sizes the zip declares (local headers and central directory) are added up; then
// the parts are walked from the first byte and unpacked as streams that count their bytes, stopping
// at `unpackedBytes` whatever the headers claim. Unpacking runs in zlib's thread pool, chunk by
// chunk: the server keeps answering meanwhile. The parts asked for (`keep`) are handed back
// unpacked; the others (images, the theme) are counted, never held.
import { createInflateRaw } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

export type ZipLimits = { unpackedBytes: number; entries: number };
export type ZipCheck =
  | { ok: true; entries: string[]; files: Map<string, Buffer> }
  | { ok: false; reason: 'notZip' | 'broken' | 'tooBig' | 'tooMany' };

/** The uncompressed sizes the central directory declares, added up (0 without one). */
function declaredInDirectory(b: Buffer): number {
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > b.length) return 0;
  let pos = b.readUInt32LE(end + 16);
  const count = b.readUInt16LE(end + 10);
  let total = 0;
  for (let i = 0; i < count && pos + 46 <= b.length && b.readUInt32LE(pos) === CENTRAL; i++) {
    const size = b.readUInt32LE(pos + 24);
    // 0xffffffff: a zip64 size, which no workbook needs.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    pos += 46 + b.readUInt16LE(pos + 28) + b.readUInt16LE(pos + 30) + b.readUInt16LE(pos + 32);
  }
  return total;
}

/**
 * Unpacks `packed`, counting its bytes; stops as soon as there are more than `budget`. The bytes are
 * kept only when asked for: a part nobody reads (an image, the theme) is counted, never held.
 */
function inflate(packed: Buffer, budget: number, keep: boolean): Promise<{ size: number; bytes?: Buffer } | 'tooBig' | 'broken'> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    const kept: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: { size: number; bytes?: Buffer } | 'tooBig' | 'broken') => {
      if (done) return;
      done = true;
      inflater.destroy();
      resolve(r);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) finish('tooBig');
      else if (keep) kept.push(chunk);
    });
    inflater.on('end', () => finish({ size, bytes: keep ? Buffer.concat(kept) : undefined }));
    inflater.on('error', () => finish('broken'));
    inflater.end(packed);
  });
}

/** Checks the zip's parts in stream order; never unpacks more than `limits.unpackedBytes` in total. */
export async function checkZip(data: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean = () => false): Promise<ZipCheck> {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 4 || b.readUInt32LE(0) !== LOCAL) return { ok: false, reason: 'notZip' };
  if (declaredInDirectory(b) > limits.unpackedBytes) return { ok: false, reason: 'tooBig' };
  const parts: { name: string; start: number; end: number; method: number }[] = [];
  const entries: string[] = [];
  let declared = 0;
  let pos = 0;
  for (;;) {
    if (pos + 4 > b.length) return { ok: false, reason: 'broken' };
    const sig = b.readUInt32LE(pos);
    if (sig === CENTRAL || sig === END) break;
    if (sig !== LOCAL || pos + 30 > b.length) return { ok: false, reason: 'broken' };
    if (entries.length >= limits.entries) return { ok: false, reason: 'tooMany' };
    const flags = b.readUInt16LE(pos + 6);
    const method = b.readUInt16LE(pos + 8);
    const compressed = b.readUInt32LE(pos + 18);
    const nameLength = b.readUInt16LE(pos + 26);
    const extraLength = b.readUInt16LE(pos + 28);
    const start = pos + 30 + nameLength + extraLength;
    // Encrypted parts, other methods than stored/deflate, and zip64 sizes do not occur in a workbook.
    if (flags & 1 || (method !== 0 && method !== 8) || compressed === 0xffffffff || start > b.length) return { ok: false, reason: 'broken' };
    const name = b.toString('utf8', pos + 30, pos + 30 + nameLength);
    entries.push(name);
    // As unzipper: the size in the header, unless a descriptor after the data gives it.
    const sizeKnown = !(flags & 8) || compressed > 0;
    if (sizeKnown) declared += b.readUInt32LE(pos + 22);
    if (declared > limits.unpackedBytes) return { ok: false, reason: 'tooBig' };
    const end = sizeKnown ? start + compressed : b.indexOf(DESCRIPTOR, start);
    if (end < 0 || end > b.length) return { ok: false, reason: 'broken' };
    parts.push({ name, start, end, method });
    pos = sizeKnown ? end : end + 16;
  }
  // The declared sizes may lie: unpack to know.
  const files = new Map<string, Buffer>();
  let budget = limits.unpackedBytes;
  for (const p of parts) {
    const wanted = keep(p.name);
    const stored = b.subarray(p.start, p.end);
    const part = p.method === 8 ? await inflate(stored, budget, wanted) : { size: stored.length, bytes: stored };
    if (typeof part === 'string') return { ok: false, reason: part };
    budget -= part.size;
    if (budget < 0) return { ok: false, reason: 'tooBig' };
    if (wanted && part.bytes) files.set(p.name, part.bytes);
  }
  return { ok: true, entries, files };
}
