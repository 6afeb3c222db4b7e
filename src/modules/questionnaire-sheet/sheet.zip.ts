// A look inside an uploaded XLSX (a zip) before ExcelJS reads it: a few kilobytes can unpack to
// gigabytes (a "zip bomb"), and ExcelJS would hold them in memory or write them to temporary files.
// We walk the parts the way ExcelJS's reader (unzipper) does, from the first byte, and unpack each
// with a cap on the output, so a file that passes unpacks to at most `unpackedBytes` there too.
import { inflateRawSync } from 'node:zlib';
import { LIMITS } from './sheet.model.ts';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

export type ZipCheck = { ok: true; entries: string[] } | { ok: false; reason: 'notZip' | 'broken' | 'tooBig' | 'tooMany' };

/** Checks the zip's parts in stream order; never unpacks more than `limits.unpackedBytes` in total. */
export function checkZip(data: Uint8Array, limits: Pick<typeof LIMITS, 'unpackedBytes' | 'entries'> = LIMITS): ZipCheck {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 4 || b.readUInt32LE(0) !== LOCAL) return { ok: false, reason: 'notZip' };
  const entries: string[] = [];
  let pos = 0;
  let budget = limits.unpackedBytes;
  while (pos + 4 <= b.length) {
    const sig = b.readUInt32LE(pos);
    if (sig === CENTRAL || sig === END) return { ok: true, entries };
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
    entries.push(b.toString('utf8', pos + 30, pos + 30 + nameLength));
    // As unzipper: the size in the header, unless a descriptor after the data gives it.
    const sizeKnown = !(flags & 8) || compressed > 0;
    const end = sizeKnown ? start + compressed : b.indexOf(DESCRIPTOR, start);
    if (end < 0 || end > b.length) return { ok: false, reason: 'broken' };
    let size = end - start;
    if (method === 8) {
      try {
        size = inflateRawSync(b.subarray(start, end), { maxOutputLength: budget + 1 }).length;
      } catch (e) {
        return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'tooBig' : 'broken' };
      }
    }
    budget -= size;
    if (budget < 0) return { ok: false, reason: 'tooBig' };
    pos = sizeKnown ? end : end + 16;
  }
  return { ok: false, reason: 'broken' };
}
