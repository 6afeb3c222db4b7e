// Matching what people type against the register: case, accents, apostrophes, hyphens and
// spaces do not count ("'s-Hertogenbosch" = "s hertogenbosch", "súdwest-fryslân" = "Súdwest-Fryslân").
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "GM0363", "gm363", "0363" and "363" all mean GM0363; anything else is returned trimmed. */
export function municipalityCode(raw: string): string {
  const s = raw.trim().toUpperCase();
  const m = /^(?:GM)?\s*(\d{1,4})$/.exec(s);
  return m ? `GM${m[1].padStart(4, '0')}` : s;
}

/** "a, b of c" (nl) / "a, b or c" (en). */
export function joinOr(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
