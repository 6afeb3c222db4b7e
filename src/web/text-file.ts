// The text of an uploaded CSV file, for every CSV import. UTF-8 (with or without BOM) is read as
// such. Bytes that are not valid UTF-8 are read DELIBERATELY as Windows-1252, which is what older
// Excel writes when a Dutch user chooses "CSV (gescheiden door lijstscheidingsteken)": é, ë, € and
// the quotes all come through, instead of the "Financi�ring" a lenient UTF-8 decoder makes of them.
// A file that is neither (UTF-16, "Unicode-tekst" in Excel; or bytes Windows-1252 does not define)
// is refused with a message that names its first such line and says how to save it as UTF-8.

export type TextFile = { text: string; encoding: 'utf-8' | 'windows-1252' };

/** How to save a file as UTF-8, for messages (Dutch and English). */
export const SAVE_AS_UTF8 = {
  nl: "sla het bestand op als UTF-8: in Excel met Opslaan als → CSV UTF-8 (door komma's gescheiden)",
  en: 'save the file as UTF-8: in Excel, Save As → CSV UTF-8 (Comma delimited)',
} as const;

/** Refused: not UTF-8 and not Windows-1252 text; `line` is the first line with a byte that cannot be read. */
export class TextEncodingError extends Error {
  constructor(readonly line: number) {
    super(`Het bestand is geen tekst in UTF-8 (regel ${line} heeft een teken dat niet te lezen is); ${SAVE_AS_UTF8.nl}`);
  }
  /** The message in a language, for pages in English. */
  messageIn(lang: 'nl' | 'en'): string {
    return lang === 'en'
      ? `The file is not UTF-8 text (line ${this.line} has a character that cannot be read); ${SAVE_AS_UTF8.en}`
      : this.message;
  }
}

// Bytes Windows-1252 leaves undefined (TextDecoder turns them into C1 controls), and NUL: never in
// a Windows-1252 text file, always in UTF-16.
const NOT_1252 = new Set([0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The line (1-based) of byte `index`. */
function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// 0x80–0x9F of Windows-1252 (the rest is Latin-1). By hand: Node's TextDecoder('windows-1252')
// decodes these bytes as Latin-1 control characters, losing €, the curly quotes and the dashes.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009f]/g, (ch) => HIGH[ch.charCodeAt(0) - 0x80]);
  }
  return out;
}

/**
 * An imported name (or any one-line cell) as one line: line breaks (Alt+Enter in an Excel cell),
 * tabs, other control characters and runs of spaces become a single space; NUL goes (PostgreSQL
 * text cannot hold it). "Jan\r\nde Vries" is stored and shown as "Jan de Vries".
 */
export function singleLine(value: string): string {
  return value.split('\u0000').join('').replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

/** The text of a CSV upload without its BOM; throws TextEncodingError for a file that is neither UTF-8 nor Windows-1252. */
export function decodeTextFile(bytes: Uint8Array): TextFile {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) throw new TextEncodingError(1);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    const bad = bytes.findIndex((b) => NOT_1252.has(b));
    if (bad >= 0) throw new TextEncodingError(lineOf(bytes, bad));
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
